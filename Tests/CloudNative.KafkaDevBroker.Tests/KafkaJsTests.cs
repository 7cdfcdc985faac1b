
namespace CloudNative.KafkaDevBroker.Tests;

// kafkajs takes the highest version both sides support, so it catches versions the broker
// advertises but the mock encodes wrongly, which librdkafka clients never ask for.
public sealed class KafkaJsTests(DevBrokerFixture broker) : IClassFixture<DevBrokerFixture>
{
    [Fact]
    public async Task KafkaJs_Produces_ConsumesInAGroup_Commits_AndLeavesTheGroup()
    {
        var (exitCode, output) = await KafkaJs.RoundTripAsync(broker.BootstrapServers, "orders");

        Assert.True(exitCode == 0, $"node roundtrip.mjs exited with {exitCode}:\n{output}");
    }

    // Partition leaders spread over the brokers, each behind its own relay, and kafkajs connects to all.
    [Fact]
    public async Task KafkaJs_RoundTrip_WithSeveralBrokersAndAFixedPort()
    {
        var (process, bootstrap) = await DevBrokerProcess.StartReadyAsync(
            "--topic", "orders:3", "--brokers", "3", "--port", $"{FreePort.Next()}", "--exit-on-stdin-eof");
        using var _ = process;

        var (exitCode, output) = await KafkaJs.RoundTripAsync(bootstrap, "orders");

        Assert.True(exitCode == 0, $"node roundtrip.mjs exited with {exitCode}:\n{output}");
    }
}
