namespace CloudNative.Messaging.Tests.Infrastructure;

/// <summary>Waits for a state, bounded: tests never sleep to let something happen, they watch for it.</summary>
public static class Eventually
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan CheckInterval = TimeSpan.FromMilliseconds(50);

    public static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up after {Deadline.TotalSeconds} s waiting for {what}; last seen: {value}");
            }

            await Task.Delay(CheckInterval);
        }
    }

    public static Task WaitUntilAsync(Func<bool> condition, string what) =>
        WaitForAsync(() => Task.FromResult(condition()), static done => done, what);
}
