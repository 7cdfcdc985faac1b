namespace Gateway.Api.Rollouts;

// Analysis windows, numbered from the Unix epoch, so every replica puts a request in the same window without talking
// to the others (their clocks agree to well within a window).
readonly record struct RolloutWindows(TimeSpan Length)
{
    public long IndexAt(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / (long)Length.TotalMilliseconds;

    public DateTimeOffset EndOf(long window) => DateTimeOffset.FromUnixTimeMilliseconds((window + 1) * (long)Length.TotalMilliseconds);
}
