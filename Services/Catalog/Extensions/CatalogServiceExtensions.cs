using CloudNative.Persistence;
using Catalog.Api.Infrastructure;
using Catalog.Api.Infrastructure.Seed;
using Catalog.Api.Serialization;

namespace Catalog.Api.Extensions;

public static class CatalogServiceExtensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDbContext<CatalogContext>("catalogdb");

        builder.Services.AddSingleton<CatalogContextSeed>();
        builder.Services.AddDatabaseInitializer<CatalogDbInitializer>();

        builder.AddCatalogCache();
        builder.AddStockMessaging();

        // Inserted first so the source-generated metadata wins; the framework's resolvers stay behind it.
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, CatalogJsonContext.Default));

        builder.Services.AddOpenApi();
    }
}
