using Catalog.Api.Infrastructure;
using Catalog.Api.Stock;
using CloudNative.Contracts;

namespace Catalog.Api.Extensions;

static class StockMessagingExtensions
{
    public const string ConsumerGroup = "catalog";

    /// <summary>Stock commands from the checkout saga in, their outcomes out through the outbox, over "kafka".</summary>
    public static void AddStockMessaging(this IHostApplicationBuilder builder)
    {
        builder.AddMessaging("kafka")
            .AddContracts()
            .AddOutbox<CatalogContext>()
            .AddConsumer<CatalogContext>(ConsumerGroup, [Topics.CatalogCommands], handlers => handlers
                .AddHandler<ReserveStock, ReserveStockHandler>()
                .AddHandler<ReleaseStock, ReleaseStockHandler>());
    }
}
