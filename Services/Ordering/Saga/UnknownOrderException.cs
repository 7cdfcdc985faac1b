namespace Ordering.Api.Saga;

public sealed class UnknownOrderException(Guid orderId) : Exception($"No order {orderId} exists.");
