using Catalog.Api.Infrastructure;
using Catalog.Api.Infrastructure.Seed;
using Catalog.Api.Serialization;
using OpenTelemetry.Trace;

namespace Catalog.Api.Extensions;

public static class CatalogServiceExtensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<CatalogContext>("catalogdb");

        builder.Services.AddSingleton<CatalogContextSeed>();
        builder.Services.AddHostedService<CatalogDbInitializer>();
        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(CatalogDbInitializer.ActivitySourceName));

        builder.AddCatalogCache();
        builder.AddStockMessaging();

        // Inserted first so the source-generated metadata wins; the framework's resolvers stay behind it.
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, CatalogJsonContext.Default));

        builder.Services.AddOpenApi();
    }
}
