using CloudNative.Persistence;
using System.Text.Json.Serialization;
using CloudNative.Contracts;
using Ordering.Api.Apis;
using Ordering.Api.Clients;
using Ordering.Api.Infrastructure;
using Ordering.Api.Saga;
using Ordering.Api.Serialization;

namespace Ordering.Api.Extensions;

public static class OrderingServiceExtensions
{
    /// <summary>Ordering's consumer group: one per service, shared by its replicas.</summary>
    public const string ConsumerGroup = "ordering";

    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDbContext<OrderingContext>("orderingdb");
        // Before the outbox relay and the consumer: hosted services start in this order, and those read tables that the
        // initializer's migration creates.
        builder.Services.AddDatabaseInitializer<OrderingDbInitializer>();

        builder.AddMessaging("kafka")
            .AddContracts()
            .AddOutbox<OrderingContext>()
            .AddConsumer<OrderingContext>(ConsumerGroup, [Topics.CatalogEvents, Topics.PaymentEvents], CheckoutSagaHandler.Register);

        builder.AddGatewayUserAuthentication();

        builder.Services.AddOptions<OrderingOptions>().BindConfiguration(OrderingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        builder.Services.AddScoped<OrderStore>();
        builder.Services.AddScoped<OrderingTransaction>();
        builder.Services.AddScoped<SagaRunner>();
        builder.Services.AddScoped<CheckoutService>();
        builder.Services.AddScoped<ReadModelRebuilder>();
        builder.Services.AddSingleton<CheckoutSaga>();
        builder.Services.AddHostedService<SagaDeadlineSweeper>();
        builder.Services.AddSingleton<SagaBacklog>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SagaBacklog>());
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(SagaBacklog.MeterName));

        builder.Services.AddMemoryCache();
        builder.Services.AddHttpClient<CatalogClient>(http => http.BaseAddress = new("http://catalog"));
        builder.Services.AddHttpClient<BasketClient>(http => http.BaseAddress = new("http://basket"));

        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            // Inserted first so the source-generated metadata wins; the framework's resolvers stay behind it.
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, OrderingJsonContext.Default);
            // A quantity is a JSON number: "2" is the wrong type, a 400, not a number read out of a string.
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });

        builder.Services.AddOpenApi();
    }
}
