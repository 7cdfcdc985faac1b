using CloudNative.Hosting.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CloudNative.Hosting.Kafka.Tests;

/// <summary>
/// One health check per Kafka resource, owned by the container (Aspire's builds a producer per check and never
/// disposes it, aspire#20091): every run of the check gets the same instance, and the app disposes it.
/// </summary>
public sealed class KafkaHealthCheckTests
{
    [Fact]
    public void TheCheckIsRegisteredOnceUnderTheResourcesKey()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var kafka = builder.AddKafka("kafka");
        builder.AddKafka("events");
        using var app = builder.Build();

        var registrations = app.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;
        Assert.Single(registrations, r => r.Name == "kafka_check");
        Assert.Single(registrations, r => r.Name == "events_check");
        Assert.Equal("kafka_check", Assert.Single(kafka.Resource.Annotations.OfType<HealthCheckAnnotation>()).Key);
    }

    [Fact]
    public async Task EveryRunGetsTheSameInstanceAndTheAppDisposesIt()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddKafka("kafka");
        builder.AddKafka("events");
        HealthCheckRegistration registration;
        IHealthCheck first;
        await using (var app = builder.Build())
        {
            var registrations = app.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;
            registration = registrations.Single(r => r.Name == "kafka_check");

            first = registration.Factory(app.Services);
            IHealthCheck second;
            using (var scope = app.Services.CreateScope())
            {
                // The health check service resolves checks from a scope per run.
                second = registration.Factory(scope.ServiceProvider);
            }

            Assert.IsType<KafkaBrokerHealthCheck>(first);
            Assert.Same(first, second);
            Assert.NotSame(first, registrations.Single(r => r.Name == "events_check").Factory(app.Services));
        }

        await Assert.ThrowsAsync<ObjectDisposedException>(() => first.CheckHealthAsync(new HealthCheckContext { Registration = registration }));
    }
}
