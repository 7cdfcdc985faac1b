using CloudNative.KafkaDevBroker.Tests;
using Identity.Api.Tests;
using Npgsql;

namespace CloudNative.ServiceTests;

/// <summary>A throwaway Postgres and a dev broker holding the given topics, each with a one-partition dead-letter topic.</summary>
public sealed class TestBackends : IAsyncDisposable
{
    private readonly PostgresServer postgres;
    private readonly DevBrokerProcess broker;

    private TestBackends(PostgresServer postgres, DevBrokerProcess broker, string bootstrapServers)
    {
        this.postgres = postgres;
        this.broker = broker;
        BootstrapServers = bootstrapServers;
    }

    public string BootstrapServers { get; }

    public static async Task<TestBackends> StartAsync(params string[] topics)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var postgres = await PostgresServer.StartAsync(timeout.Token);
        try
        {
            // The mock cluster cannot create topics on demand: the consumer's dead-letter topics must exist up front.
            var args = topics.SelectMany(t => new[] { "--topic", $"{t}:3", "--topic", $"{t}.dlt:1" }).Append("--exit-on-stdin-eof");
            var (broker, bootstrapServers) = await DevBrokerProcess.StartReadyAsync([.. args]);
            return new TestBackends(postgres, broker, bootstrapServers);
        }
        catch
        {
            await postgres.DisposeAsync();
            throw;
        }
    }

    /// <summary>A database the service creates and migrates itself at start-up, as in the AppHost.</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(postgres.ConnectionString(database)) { Pooling = true }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        broker.Dispose();
        NpgsqlConnection.ClearAllPools();
        await postgres.DisposeAsync();
    }
}
