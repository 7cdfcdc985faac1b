using StackExchange.Redis;
using CloudNative.Tests.Shared;

namespace Basket.Api.Tests;

// One Redis, one stand-in catalog and one basket app for the collection; tests keep apart by using fresh user ids.
public sealed class BasketFixture : IAsyncLifetime
{
    RedisServer? redis;
    StubCatalog? catalog;
    BasketApiFactory? app;
    ConnectionMultiplexer? connection;

    internal RedisServer Redis => redis ?? throw new InvalidOperationException("Redis has not started.");

    public string CatalogUrl => (catalog ?? throw new InvalidOperationException("The catalog has not started.")).Url;

    internal BasketApiFactory App => app ?? throw new InvalidOperationException("The app has not started.");

    // The test's own connection, to look at what the service stored.
    public IDatabase Database => (connection ?? throw new InvalidOperationException("Redis has not started.")).GetDatabase();

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        redis = await RedisServer.StartAsync(timeout.Token);
        catalog = await StubCatalog.StartAsync();
        connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        app = new BasketApiFactory(redis.ConnectionString, catalog.Url);
        app.Settings["Basket:Expiry"] = "01:00:00";
        _ = app.Server;
    }

    public HttpClient ClientFor(string userId) => App.CreateClientFor(userId);

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        connection?.Dispose();

        if (catalog is not null)
        {
            await catalog.DisposeAsync();
        }

        if (redis is not null)
        {
            await redis.DisposeAsync();
        }
    }

    public static string NewUserId() => Guid.NewGuid().ToString();
}

[CollectionDefinition(Name)]
public sealed class BasketCollection : ICollectionFixture<BasketFixture>
{
    public const string Name = "Basket";
}
