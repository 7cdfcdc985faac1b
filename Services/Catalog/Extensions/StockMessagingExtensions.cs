using Catalog.Api.Infrastructure;
using Catalog.Api.Stock;
using CloudNative.Contracts;

namespace Catalog.Api.Extensions;

static class StockMessagingExtensions
{
    public const string ConsumerGroup = "catalog";

    /// <summary>Stock commands from the checkout saga in, their outcomes out through the outbox, over "kafka".</summary>
    /// <summary>
    /// False for an instance that serves HTTP only, such as a canary: the cached item reads are invalidated per
    /// instance (HybridCache's tags are local), so stock changes are applied where stable's reads are cached.
    /// </summary>
    public const string ConsumeCommandsSetting = "Catalog:ConsumeCommands";

    /// <summary>Stock commands from the checkout saga in, their outcomes out through the outbox, over "kafka".</summary>
    public static void AddStockMessaging(this IHostApplicationBuilder builder)
    {
        var messaging = builder.AddMessaging("kafka")
            .AddContracts()
            .AddOutbox<CatalogContext>();
        if (builder.Configuration.GetValue(ConsumeCommandsSetting, true))
        {
            messaging.AddConsumer<CatalogContext>(ConsumerGroup, [Topics.CatalogCommands], handlers => handlers
                .AddHandler<ReserveStock, ReserveStockHandler>()
                .AddHandler<ReleaseStock, ReleaseStockHandler>());
        }
    }
}
