using CloudNative.Contracts;
using CloudNative.KafkaDevBroker.Tests;
using CloudNative.Messaging.Serialization;
using Identity.Api.Tests;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Ordering.Api.Tests.Infrastructure;

/// <summary>
/// One Postgres, one dev broker with the saga's topics, the stand-in catalog and basket, the participants playing
/// Catalog's and Payments' part, and one Ordering app over all of them. Tests tell their orders apart by user id.
/// </summary>
public sealed class OrderingFixture : IAsyncLifetime
{
    /// <summary>Short, so the deadline tests finish soon; long enough for a reply through the broker on a busy machine.</summary>
    public static readonly TimeSpan SagaTimeout = TimeSpan.FromSeconds(8);

    private PostgresServer? postgres;
    private DevBrokerProcess? broker;

    public string BootstrapServers { get; private set; } = "";

    public StubServices Stubs { get; private set; } = null!;

    public SagaParticipants Participants { get; private set; } = null!;

    public OrderingApiFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        postgres = await PostgresServer.StartAsync(timeout.Token);
        string[] topics = [Topics.CatalogCommands, Topics.CatalogEvents, Topics.PaymentCommands, Topics.PaymentEvents, Topics.OrderEvents];
        var args = topics.SelectMany(t => new[] { "--topic", $"{t}:3", "--topic", $"{t}.dlt:1" }).Append("--exit-on-stdin-eof");
        (broker, BootstrapServers) = await DevBrokerProcess.StartReadyAsync([.. args]);
        Stubs = await StubServices.StartAsync();

        App = new OrderingApiFactory(new Dictionary<string, string>
        {
            ["ConnectionStrings:orderingdb"] = ConnectionString,
            ["ConnectionStrings:kafka"] = BootstrapServers,
            ["services:catalog:http:0"] = Stubs.Url,
            ["services:basket:http:0"] = Stubs.Url,
            ["Ordering:SagaTimeout"] = SagaTimeout.ToString(),
            ["Ordering:SagaSweepInterval"] = "00:00:00.200",
            // Tests leave sagas waiting for their deadline (SilentProduct): those must not close checkout to the next
            // test. Admission has its own test, which lowers the limit for itself.
            ["Ordering:MaxSagaWait"] = "00:10:00",
        });
        // Starts the host: the schema is migrated, the consumer and relay run before the first test.
        _ = App.Server;
        Participants = new SagaParticipants(BootstrapServers, App.Services.GetRequiredService<MessageTypes>());
    }

    public string ConnectionString =>
        new NpgsqlConnectionStringBuilder(postgres!.ConnectionString("orderingdb")) { Pooling = true }.ConnectionString;

    public HttpClient ClientFor(string userId)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Add("X-User-Id", userId);
        return client;
    }

    public async Task DisposeAsync()
    {
        if (Participants is not null)
        {
            await Participants.DisposeAsync();
        }
        if (App is not null)
        {
            await App.DisposeAsync();
        }
        if (Stubs is not null)
        {
            await Stubs.DisposeAsync();
        }
        broker?.Dispose();
        NpgsqlConnection.ClearAllPools();
        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class OrderingCollection : ICollectionFixture<OrderingFixture>
{
    public const string Name = "Ordering app";
}
