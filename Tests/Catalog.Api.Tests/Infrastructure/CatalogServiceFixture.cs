using Catalog.Api.Infrastructure;
using Catalog.Api.Model;
using CloudNative.Contracts;
using CloudNative.Messaging.Serialization;
using CloudNative.ServiceTests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using CloudNative.Tests.Shared;

namespace Catalog.Api.Tests.Infrastructure;

/// <summary>
/// The real Catalog service (Program, migrations and seed, cache, consumer, outbox relay) over a throwaway Postgres,
/// redis-server and the dev broker. Tests share it, so each works on products of its own (<see cref="AddProductAsync"/>).
/// </summary>
public sealed class CatalogServiceFixture : IAsyncLifetime
{
    private TestBackends? backends;
    private RedisServer? redis;
    private WebApplicationFactory<Program>? factory;

    public HttpClient Client { get; private set; } = null!;

    public SagaTopics Saga { get; private set; } = null!;

    public IServiceProvider Services => factory!.Services;

    public string DatabaseConnectionString => backends!.ConnectionString("catalogdb");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        backends = await TestBackends.StartAsync(Topics.CatalogCommands, Topics.CatalogEvents);
        redis = await RedisServer.StartAsync(timeout.Token);
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ConnectionStrings:catalogdb", DatabaseConnectionString);
            builder.UseSetting("ConnectionStrings:cache", redis.ConnectionString);
            builder.UseSetting("ConnectionStrings:kafka", backends.BootstrapServers);
        });

        // The first client starts the host: migrated and seeded, consumer and relay running.
        Client = factory.CreateClient();
        Saga = new SagaTopics(backends.BootstrapServers, factory.Services.GetRequiredService<MessageTypes>());
    }

    /// <summary>A new product with this stock, under the seeded brand and type.</summary>
    public async Task<CatalogItem> AddProductAsync(int stock, decimal price = 10m)
    {
        await using var scope = Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<CatalogContext>();
        var item = new CatalogItem
        {
            Name = $"Test product {Guid.NewGuid():N}",
            Price = price,
            AvailableStock = stock,
            CatalogBrandId = await context.CatalogBrands.Select(b => b.Id).FirstAsync(),
            CatalogTypeId = await context.CatalogTypes.Select(t => t.Id).FirstAsync(),
        };
        context.CatalogItems.Add(item);
        await context.SaveChangesAsync();
        return item;
    }

    public async Task<int> StockOfAsync(int productId)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CatalogContext>().CatalogItems
            .Where(i => i.Id == productId).Select(i => i.AvailableStock).SingleAsync();
    }

    public async Task<List<StockReservation>> ReservationsAsync(IEnumerable<Guid> orderIds)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CatalogContext>().StockReservations.AsNoTracking()
            .Where(r => orderIds.Contains(r.OrderId)).ToListAsync();
    }

    public async Task DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        if (redis is not null)
        {
            await redis.DisposeAsync();
        }

        if (backends is not null)
        {
            await backends.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class CatalogServiceCollection : ICollectionFixture<CatalogServiceFixture>
{
    public const string Name = "Catalog service";
}
