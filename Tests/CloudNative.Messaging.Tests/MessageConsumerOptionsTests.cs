using CloudNative.Messaging.Consuming;

namespace CloudNative.Messaging.Tests;

public sealed class MessageConsumerOptionsTests
{
    [Fact]
    public void Backoff_DoublesFromTheInitialPause_UpToTheBound()
    {
        var options = new MessageConsumerOptions { InitialBackoff = TimeSpan.FromMilliseconds(200), MaxBackoff = TimeSpan.FromSeconds(1) };

        Assert.Equal([200, 400, 800, 1000, 1000], Enumerable.Range(1, 5).Select(a => options.BackoffAfter(a).TotalMilliseconds));
    }

    [Fact]
    public void Backoff_AfterCountlessAttempts_StaysAtTheBound()
    {
        var options = new MessageConsumerOptions { InitialBackoff = TimeSpan.FromDays(1), MaxBackoff = TimeSpan.FromDays(2) };

        Assert.Equal(TimeSpan.FromDays(2), options.BackoffAfter(int.MaxValue));
    }

    [Fact]
    public void DeadLetterTopic_IsTheTopicWithADltSuffix() =>
        Assert.Equal("payment-commands.dlt", new MessageConsumerOptions().DeadLetterTopic("payment-commands"));
}
