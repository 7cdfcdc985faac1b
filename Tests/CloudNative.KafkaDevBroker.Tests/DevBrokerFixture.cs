namespace CloudNative.KafkaDevBroker.Tests;

/// <summary>One broker per test class, with the topics the tests declare.</summary>
public sealed class DevBrokerFixture : IAsyncLifetime
{
    public static readonly TopicSpec[] Topics = 
    [
        new("orders", 3), new("payments", 1), new("shipments", 3), new("rebalance-classic", 3), new("rebalance-consumer", 3),
    ];

    private DevBrokerProcess? broker;

    public string BootstrapServers { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var args = Topics.SelectMany(t => new[] { "--topic", t.ToString() }).Append("--exit-on-stdin-eof");
        (broker, BootstrapServers) = await DevBrokerProcess.StartReadyAsync([.. args]);
    }

    public Task DisposeAsync()
    {
        broker?.Dispose();
        return Task.CompletedTask;
    }
}
