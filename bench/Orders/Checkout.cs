namespace CloudNative.Bench.Orders;

/// <summary>One POST /api/orders: its Idempotency-Key, when it was sent, what the gateway answered (and why, when not 202), and how long that took.</summary>
internal sealed record Checkout(string Key, DateTimeOffset StartedAt, int Status, Guid? OrderId, double Milliseconds, string? Problem = null)
{
    public bool Accepted => OrderId is not null;
}
