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
                // The provider's latency (50 ms by default) is spent waiting: lanes overlap it, one order per lane at a time.
                options => options.Concurrency = 8);

        // Inserted first so the source-generated metadata wins; the framework's resolvers stay behind it.
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, PaymentsJsonContext.Default));

        builder.Services.AddOpenApi();
    }
}
