using System.Globalization;

namespace CloudNative.Hosting.Kafka.Tests;

/// <summary>
/// As a local process, Kafka is the dev broker started with <c>--topic name:partitions</c> for each declared topic;
/// the resource turns healthy only once those topics exist. A real app: DCP, the converted resource, the broker.
/// </summary>
public sealed class KafkaDevBrokerRecipeTests
{
    [Fact]
    public async Task TheBrokerGetsEveryDeclaredTopicAndBecomesHealthy()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var builder = DistributedApplicationTestingBuilder.Create("LocalProcesses:Mode=Always", "LocalProcesses:Ephemeral=true");
        builder.AddLocalProcessFallback();
        var kafka = builder.AddKafka("kafka").WithTopic("orders", partitions: 3).WithTopic("audit");
        await using var app = builder.Build();
        await app.StartAsync(timeout.Token);

        var running = await app.ResourceNotifications.WaitForResourceAsync(
            "kafka", e => e.Snapshot.State?.Text == KnownResourceStates.Running, timeout.Token);

        var args = Assert.IsType<string[]>(running.Snapshot.Properties.Single(p => p.Name == "executable.args").Value);
        var port = kafka.Resource.PrimaryEndpoint.Port.ToString(CultureInfo.InvariantCulture);
        Assert.Equal("CloudNative.KafkaDevBroker.dll", Path.GetFileName(args[0]));
        Assert.Equal(["--port", port, "--topic", "orders:3", "--topic", "audit:1"], args[1..]);

        await app.ResourceNotifications.WaitForResourceHealthyAsync("kafka", timeout.Token);
    }
}
