using System.Net;
using System.Net.Sockets;
using Confluent.Kafka;

namespace CloudNative.KafkaDevBroker.Tests;

public sealed class PortTests
{
    [Fact]
    public async Task Port_Bootstraps_ThenClientsUseTheBrokersOwnListener()
    {
        var port = FreePort.Next();
        var (broker, bootstrap) = await DevBrokerProcess.StartReadyAsync("--topic", "orders:2", "--port", $"{port}", "--exit-on-stdin-eof");
        using var _ = broker;

        Assert.Equal($"127.0.0.1:{port}", bootstrap);
        using (var admin = KafkaClients.Admin(bootstrap))
        {
            // The mock's own listener: after bootstrap no request passes the relay on the chosen port.
            var advertised = Assert.Single(admin.GetMetadata(TimeSpan.FromSeconds(10)).Brokers);
            Assert.Equal("127.0.0.1", advertised.Host);
            Assert.NotEqual(port, advertised.Port);
        }

        var produced = await KafkaClients.ProduceAsync(bootstrap, "orders", 10);
        using var consumer = KafkaClients.Consumer(bootstrap, "port-reader");
        consumer.Subscribe("orders");
        var consumed = 0;
        var deadline = DateTime.UtcNow + KafkaClients.Deadline;
        while (consumed < produced.Count && DateTime.UtcNow < deadline)
        {
            consumed += consumer.Consume(TimeSpan.FromMilliseconds(200)) is { IsPartitionEOF: false } ? 1 : 0;
        }

        Assert.Equal(produced.Count, consumed);
        consumer.Close();
    }

    // The mock's listener gets a new ephemeral port with each start; clients find it again through the fixed port.
    [Fact]
    public async Task Port_ClientsFindARestartedBroker_ThoughItsListenerMoved()
    {
        var port = FreePort.Next();
        string[] args = ["--topic", "orders:1", "--port", $"{port}", "--exit-on-stdin-eof"];
        var (first, bootstrap) = await DevBrokerProcess.StartReadyAsync(args);
        using var producer = KafkaClients.Producer(bootstrap);
        using var deadline = new CancellationTokenSource(KafkaClients.Deadline);
        using (first)
        {
            await producer.ProduceAsync("orders", new Message<string, string> { Key = "k", Value = "before" }, deadline.Token);
            first.Terminate();
            Assert.Equal(0, await first.WaitForExitAsync(DevBrokerProcess.StartTimeout));
        }

        var (second, _) = await DevBrokerProcess.StartReadyAsync(args);
        using var _ = second;
        var delivered = await producer.ProduceAsync("orders", new Message<string, string> { Key = "k", Value = "after" }, deadline.Token);

        Assert.Equal(PersistenceStatus.Persisted, delivered.Status);
    }

    [Fact]
    public async Task Port_WithSeveralBrokers_PutsTheChosenPortFirst()
    {
        var port = FreePort.Next();
        var (broker, bootstrap) = await DevBrokerProcess.StartReadyAsync("--brokers", "3", "--port", $"{port}", "--exit-on-stdin-eof");
        using var _ = broker;

        var addresses = bootstrap.Split(',');
        Assert.Equal(3, addresses.Length);
        Assert.Equal($"127.0.0.1:{port}", addresses[0]);
        using var admin = KafkaClients.Admin(bootstrap);
        Assert.Equal(3, admin.GetMetadata(TimeSpan.FromSeconds(10)).Brokers.Count);
    }

    [Fact]
    public async Task Port_InUse_FailsWithExitCode1_NamingThePort()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;

        using var broker = DevBrokerProcess.Start("--port", $"{port}");

        Assert.Equal(1, await broker.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains($"--port {port}", broker.StandardError);
    }

    [Fact]
    public async Task NoPort_ListensOnAnEphemeralLoopbackPort()
    {
        var (broker, bootstrap) = await DevBrokerProcess.StartReadyAsync("--exit-on-stdin-eof");
        using var _ = broker;

        var address = BrokerAddress.Parse(bootstrap);
        Assert.Equal("127.0.0.1", address.Host);
        Assert.InRange(address.Port, 1024, 65535);
    }
}
