using System.Text.Json.Serialization;
using Basket.Api.Catalog;
using Basket.Api.Infrastructure;
using Basket.Api.Model;
using Basket.Api.Serialization;

namespace Basket.Api.Extensions;

public static class BasketServiceExtensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // Redis is the basket store, not an optimisation: Aspire's client integration with its health check and tracing.
        builder.AddRedisClient("cache");
        builder.Services.AddSingleton<RedisBasketRepository>();
        builder.Services.AddExceptionHandler<RedisUnavailableExceptionHandler>();

        builder.Services.AddOptions<BasketOptions>()
            .BindConfiguration(BasketOptions.SectionName)
            .Validate(options => options.IsValid(), "Basket:Expiry must be positive, Basket:MaxQuantity and Basket:MaxLines at least 1.")
            .ValidateOnStart();

        builder.Services.AddHttpClient<CatalogClient>(http => http.BaseAddress = CatalogClient.BaseAddress);

        // The gateway authenticates users and names them in X-User-Id; only the gateway can reach this service.
        builder.AddGatewayUserAuthentication();

        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            // Inserted first so the source-generated metadata wins; the framework's resolvers stay behind it.
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, BasketJsonContext.Default);
            // A number in a string, a missing property or a null where the model has none is a malformed body (400),
            // not a value to guess at or a null to trip over later.
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            options.SerializerOptions.RespectNullableAnnotations = true;
            options.SerializerOptions.RespectRequiredConstructorParameters = true;
        });

        builder.Services.AddOpenApi();
    }
}
