namespace CloudNative.Bench.Orders;

/// <summary>
/// One POST /api/orders: its Idempotency-Key, when it was sent, what the gateway answered (and why, when not 202, and
/// when to come back if it said), and how long that took.
/// </summary>
internal sealed record Checkout(string Key, DateTimeOffset StartedAt, int Status, Guid? OrderId, double Milliseconds, string? Problem = null, TimeSpan? RetryAfter = null)
{
    public bool Accepted => OrderId is not null;

    /// <summary>The ids of the orders these checkouts created: what a drain waits for.</summary>
    public static HashSet<Guid> AcceptedOrders(IEnumerable<Checkout> checkouts) =>
        [.. checkouts.Where(c => c.Accepted).Select(c => c.OrderId!.Value)];
}
