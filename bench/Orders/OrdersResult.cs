using System.Globalization;

namespace CloudNative.Bench.Orders;

/// <summary>What the run came to: throughput, latency, outcomes, Postgres commits per order, and CPU per process.</summary>
internal sealed class OrdersResult(
    OrdersOptions options,
    IReadOnlyList<Checkout> checkouts,
    IReadOnlyDictionary<Guid, OrderOutcome> outcomes,
    double loadSeconds,
    double windowSeconds,
    (long Keys, long OrdersSince, long OrdersWithoutKey) idempotency,
    long commits,
    double idleCommitsPerSecond,
    double pgbenchCommitsPerSecond,
    CpuUse cpu)
{
    // One per order: a resent checkout answered with its key's order counts once, from its first send.
    private readonly List<Checkout> _accepted = [.. checkouts.Where(c => c.Accepted).GroupBy(c => c.OrderId).Select(g => g.MinBy(c => c.StartedAt)!)];

    private IEnumerable<(Checkout Checkout, OrderOutcome Outcome)> Finished =>
        _accepted.Select(c => (c, outcomes.GetValueOrDefault(c.OrderId!.Value))).Where(f => f.Item2 is { IsTerminal: true })!;

    /// <summary>Accepted (202) but not Confirmed or Cancelled by the deadline, or not in orderingdb at all.</summary>
    public int Lost => _accepted.Count - Finished.Count();

    /// <summary>Orders no Idempotency-Key points at (a second order for a key), plus keys answered with two different orders.</summary>
    public long Duplicated => idempotency.OrdersWithoutKey + checkouts.Where(c => c.Accepted).GroupBy(c => c.Key).Count(g => g.Select(c => c.OrderId).Distinct().Count() > 1);

    public void Write()
    {
        var finished = Finished.ToList();
        var latencies = finished.Select(f => (f.Outcome.UpdatedAt - f.Checkout.StartedAt).TotalMilliseconds).ToList();
        var start = checkouts.Min(c => c.StartedAt);
        var lastTerminal = finished.Count > 0 ? finished.Max(f => f.Outcome.UpdatedAt) : start;
        var endToEndSeconds = (lastTerminal - start).TotalSeconds;
        var ordersPerSecond = finished.Count / endToEndSeconds;
        var refused = checkouts.Where(c => !c.Accepted).GroupBy(c => c.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} x {(g.Key == 0 ? "no answer" : g.Key.ToString(CultureInfo.InvariantCulture))}");

        Console.WriteLine();
        Console.WriteLine($"ORDERS ({options.Concurrency} in flight, {options.DurationSeconds} s{(options.Rate > 0 ? $", paced to {options.Rate}/s" : "")})");
        var resent = checkouts.GroupBy(c => c.Key).Count(g => g.Count() > 1);
        Line("checkouts sent (202) / orders accepted", $"{checkouts.Count} ({checkouts.Count(c => c.Accepted)}) / {_accepted.Count}   ({resent} keys sent twice at once){(checkouts.Any(c => !c.Accepted) ? $"   refused: {string.Join(", ", refused)}" : "")}");
        Line("accepted per second during the load", $"{_accepted.Count / loadSeconds:0.0}");
        Line("ORDERS/S END TO END (terminal / first send -> last terminal)", $"{ordersPerSecond:0.0}   ({finished.Count} in {endToEndSeconds:0.0} s; target 200/s for 60 s)");
        Line("checkout -> terminal p50 / p95 / p99 (ms)", $"{P(latencies, 50)} / {P(latencies, 95)} / {P(latencies, 99)}{(options.Rate > 0 ? "   (target at 100/s: p99 <= 1000)" : "")}");
        Line("  POST /api/orders answered in p50 / p99 (ms)", $"{P(checkouts.Select(c => c.Milliseconds), 50)} / {P(checkouts.Select(c => c.Milliseconds), 99)}");
        var confirmed = finished.Count(f => f.Outcome.Status == "Confirmed");
        Line("confirmed / cancelled", $"{confirmed} / {finished.Count(f => f.Outcome.Status == "Cancelled")}   (confirmed per second end to end: {confirmed / endToEndSeconds:0.0})");
        foreach (var reason in finished.Where(f => f.Outcome.Status == "Cancelled").GroupBy(f => Shorter(f.Outcome.CancelReason)).OrderByDescending(g => g.Count()).Take(5))
        {
            Line($"  cancelled: {reason.Key}", $"{reason.Count()}");
        }

        Line("LOST (accepted, never terminal or missing)", $"{Lost}   (target 0){(Lost > 0 ? $"; statuses: {string.Join(", ", _accepted.Select(c => outcomes.GetValueOrDefault(c.OrderId!.Value)?.Status ?? "missing").Where(s => s is not "Confirmed" and not "Cancelled").GroupBy(s => s).Select(g => $"{g.Count()} {g.Key}"))}" : "")}");
        Line("DUPLICATED (more than one order for a key)", $"{Duplicated}   (target 0; orderingdb: {idempotency.Keys} keys, {idempotency.OrdersSince} orders since the start)");

        var ownCommits = commits - idleCommitsPerSecond * windowSeconds;
        var commitsPerOrder = ownCommits / Math.Max(1, finished.Count);
        var bound = pgbenchCommitsPerSecond / commitsPerOrder;
        Console.WriteLine();
        Console.WriteLine("POSTGRES");
        Line("pgbench raw commit rate (commits/s)", $"{pgbenchCommitsPerSecond:0}");
        Line("service databases' commits during load + drain", $"{commits} in {windowSeconds:0.0} s ({commits / windowSeconds:0}/s; idle rate {idleCommitsPerSecond:0.0}/s)");
        Line("COMMITS PER ORDER (less the idle rate; read-only included)", $"{commitsPerOrder:0.0}");
        Line("orders/s Postgres commits would allow (pgbench / per order)", $"{bound:0}");
        Line("pipeline's orders/s as a share of that bound", $"{ordersPerSecond / bound:P0}");

        Console.WriteLine();
        Console.WriteLine($"CPU during load + drain ({cpu.Wall:0.0} s): cores busy, by process");
        foreach (var (label, seconds) in cpu.ByLabel.Where(c => c.Value >= 0.05).OrderByDescending(c => c.Value))
        {
            Line($"  {label}", $"{seconds / cpu.Wall:0.00}   ({seconds * 1000 / Math.Max(1, finished.Count):0.0} ms CPU per order)");
        }

        Line("  whole machine (all users)", $"{cpu.MachineBusy / cpu.Wall:0.00} of {Environment.ProcessorCount}");
        Line("    of which not listed (other users)", $"{(cpu.MachineBusy - cpu.ByLabel.Values.Sum()) / cpu.Wall:0.00}");
    }

    // Reasons name products and order ids: the first words are the kind of failure.
    private static string Shorter(string? reason) => reason is null ? "(no reason)" : reason.Length <= 56 ? reason : reason[..56] + "…";

    private static string P(IEnumerable<double> values, double percentile) =>
        Stats.Percentile(values, percentile) is { } value ? value.ToString("0", CultureInfo.InvariantCulture) : "-";

    private static void Line(string label, FormattableString value) => Console.WriteLine($"  {label,-62} {value.ToString(CultureInfo.InvariantCulture)}");
}
