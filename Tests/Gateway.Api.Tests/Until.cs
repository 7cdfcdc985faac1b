namespace Gateway.Api.Tests;

// Polls a condition until it holds, failing the test when it has not within the bound.
static class Until
{
    static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan bound)
    {
        using var timeout = new CancellationTokenSource(bound);
        while (!await condition())
        {
            try
            {
                await Task.Delay(Interval, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new Xunit.Sdk.XunitException($"The condition did not hold within {bound}.");
            }
        }
    }
}
