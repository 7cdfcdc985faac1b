namespace Ordering.Api.Infrastructure;

/// <param name="CorrelationId">The checkout's flow: the correlation id of every message the saga sent or handled.</param>
/// <param name="CausationId">The message whose handling recorded the event; none for a request or a deadline.</param>
public sealed record EventMetadata(Guid? CorrelationId, Guid? CausationId);
