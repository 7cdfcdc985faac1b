namespace CloudNative.Bench.Orders;

/// <summary>Waits, with a deadline, until every accepted order is Confirmed or Cancelled in orderingdb's read model.</summary>
internal static class Drain
{
    public static async Task<IReadOnlyDictionary<Guid, OrderOutcome>> UntilTerminalAsync(Databases databases, IReadOnlyCollection<Guid> orders, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var outcomes = await databases.OutcomesAsync(orders, cancellationToken);
            if (outcomes.Count == orders.Count && outcomes.Values.All(o => o.IsTerminal) || clock.Elapsed > deadline)
            {
                return outcomes;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
    }
}
