namespace CloudNative.DashboardTests;

/// <summary>Waits on observable state with a bounded deadline, probing at a fixed interval.</summary>
internal static class Poll
{
    private static readonly TimeSpan s_interval = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Probes until it returns a value. Telemetry reaches the dashboard through the services' batch exporters, so there is
    /// no event to await; the probe's last description of what it saw goes into the timeout message.
    /// </summary>
    public static async Task<T> UntilAsync<T>(
        Func<CancellationToken, Task<(T? Value, string Seen)>> probe, TimeSpan timeout, string waitingFor, CancellationToken cancellationToken)
        where T : class
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var timer = new PeriodicTimer(s_interval);
        var seen = "nothing yet";
        try
        {
            do
            {
                var (value, description) = await probe(deadline.Token);
                if (value is not null)
                {
                    return value;
                }
                seen = description;
            }
            while (await timer.WaitForNextTickAsync(deadline.Token));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
        throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {waitingFor}; last seen: {seen}.");
    }
}
