using CloudNative.Contracts;
using CloudNative.Messaging.Serialization;
using CloudNative.ServiceTests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Payments.Api.Provider;

namespace Payments.Api.Tests.Infrastructure;

/// <summary>
/// The real Payments service (Program, migrations, consumer, outbox relay) over a throwaway Postgres and the dev
/// broker, with deterministic declines configured: above <see cref="DeclineAbove"/>, and for <see cref="DeclinedUser"/>.
/// </summary>
public sealed class PaymentsServiceFixture : IAsyncLifetime
{
    public const decimal DeclineAbove = 1000m;
    public const string DeclinedUser = "declined-user";

    private readonly ChangeableSettings settings = new();
    private TestBackends? backends;
    private WebApplicationFactory<Program>? factory;

    public HttpClient Client { get; private set; } = null!;

    public SagaTopics Saga { get; private set; } = null!;

    internal RecordingPaymentProvider Provider => factory!.Services.GetRequiredService<RecordingPaymentProvider>();

    public IServiceProvider Services => factory!.Services;

    public async Task InitializeAsync()
    {
        backends = await TestBackends.StartAsync(Topics.PaymentCommands, Topics.PaymentEvents);
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ConnectionStrings:paymentsdb", backends.ConnectionString("paymentsdb"));
            builder.UseSetting("ConnectionStrings:kafka", backends.BootstrapServers);
            builder.UseSetting("Payments:Provider:Latency", "00:00:00.005");
            builder.UseSetting("Payments:Provider:DeclineAbove", DeclineAbove.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Payments:Provider:DeclineUsers:0", DeclinedUser);
            builder.ConfigureAppConfiguration(configuration => configuration.Add(settings));
            builder.ConfigureServices(services =>
            {
                services.AddSingleton<SimulatedPaymentProvider>();
                services.AddSingleton(s => new RecordingPaymentProvider(s.GetRequiredService<SimulatedPaymentProvider>()));
                services.AddSingleton<IPaymentProvider>(s => s.GetRequiredService<RecordingPaymentProvider>());
            });
        });

        // The first client starts the host: migrations done, consumer and relay running.
        Client = factory.CreateClient();
        Saga = new SagaTopics(backends.BootstrapServers, factory.Services.GetRequiredService<MessageTypes>());
    }

    /// <summary>Changes the provider's behaviour while the service runs (Payments:Provider:&lt;name&gt;).</summary>
    public void SetProvider(string name, string? value) => settings.Set($"{PaymentProviderOptions.SectionName}:{name}", value);

    public async Task DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        if (backends is not null)
        {
            await backends.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PaymentsServiceCollection : ICollectionFixture<PaymentsServiceFixture>
{
    public const string Name = "Payments service";
}
