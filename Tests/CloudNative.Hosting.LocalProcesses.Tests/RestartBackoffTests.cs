namespace CloudNative.Hosting.LocalProcesses.Tests;

/// <summary>1, 2, 4, 8, 16, then 30 s between restarts; a run of a minute or more starts the count again.</summary>
public sealed class RestartBackoffTests
{
    private static readonly TimeSpan s_crash = TimeSpan.FromSeconds(2);

    [Fact]
    public void DoublesUpToThirtySeconds()
    {
        var backoff = new RestartBackoff();

        var delays = Enumerable.Range(0, 9).Select(_ => backoff.Next(s_crash).TotalSeconds);

        Assert.Equal([1, 2, 4, 8, 16, 30, 30, 30, 30], delays);
    }

    [Fact]
    public void ARunOfAMinuteResetsTheCount()
    {
        var backoff = new RestartBackoff();
        for (var i = 0; i < 6; i++)
        {
            backoff.Next(s_crash);
        }

        Assert.Equal(TimeSpan.FromSeconds(1), backoff.Next(TimeSpan.FromMinutes(1)));
        Assert.Equal(TimeSpan.FromSeconds(2), backoff.Next(s_crash));
    }

    [Fact]
    public void ARunJustUnderAMinuteDoesNot()
    {
        var backoff = new RestartBackoff();
        backoff.Next(s_crash);
        backoff.Next(s_crash);

        Assert.Equal(TimeSpan.FromSeconds(4), backoff.Next(TimeSpan.FromSeconds(59)));
    }
}
