namespace Ordering.Api.Domain;

/// <summary>An event at its place in the order's stream.</summary>
public sealed record RecordedOrderEvent(OrderEvent Event, int Version, DateTimeOffset OccurredAt);
