using CloudNative.Persistence;
using CloudNative.Contracts;
using Payments.Api.Handlers;
using Payments.Api.Infrastructure;
using Payments.Api.Provider;
using Payments.Api.Serialization;

namespace Payments.Api.Extensions;

public static class PaymentsServiceExtensions
{
    public const string ConsumerGroup = "payments";

    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDbContext<PaymentsContext>("paymentsdb");

        // Before the consumer: hosted services start in order, so nothing is consumed before the schema exists.
        builder.Services.AddDatabaseInitializer<PaymentsDbInitializer>();

        builder.Services.AddOptions<PaymentProviderOptions>()
            .BindConfiguration(PaymentProviderOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IPaymentProvider, SimulatedPaymentProvider>();

        builder.AddMessaging("kafka")
            .AddContracts()
            .AddOutbox<PaymentsContext>()
            .AddConsumer<PaymentsContext>(ConsumerGroup, [Topics.PaymentCommands], handlers => handlers
                .AddHandler<AuthorizePayment, AuthorizePaymentHandler>()
                .AddHandler<RefundPayment, RefundPaymentHandler>(),
                // The provider's latency (50 ms by default) is spent waiting, and a lane waits for each of its orders in
                // turn; a batch is done when its slowest lane is. With 8 lanes (6 orders each in a batch of 50) Payments
                // was the saga's bottleneck under the orders bench, its commands queued for 6 s; with 32 the pipeline went
                // from 71 to 96 orders/s. Each lane holds a connection while it works: 32 per replica at most.
                options => options.Concurrency = 32);

        // Inserted first so the source-generated metadata wins; the framework's resolvers stay behind it.
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, PaymentsJsonContext.Default));

        builder.Services.AddOpenApi();
    }
}
