using CloudNative.Messaging.Outbox;
using Confluent.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace CloudNative.Messaging.Tests.Infrastructure;

/// <summary>One replica of a service using the plumbing: its own host and DI container, over a shared database.</summary>
public sealed class ServiceInstance : IAsyncDisposable
{
    public const string KafkaConnection = "kafka";

    private readonly IHost host;
    private bool started;

    private ServiceInstance(IHost host) => this.host = host;

    public IServiceProvider Services => host.Services;

    /// <param name="configure">The service's messaging; message types are registered already.</param>
    public static ServiceInstance Create(MessagingFixture fixture, string connectionString, ITestOutputHelper output, string name,
        Action<MessagingBuilder> configure, HandlerBehavior? behavior = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{KafkaConnection}"] = fixture.BootstrapServers,
            ["ConnectionStrings:testdb"] = connectionString,
            // Stored offsets reach the broker soon, so a test can watch them get there.
            ["Aspire:Confluent:Kafka:Consumer:Config:AutoCommitIntervalMs"] = "100",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Debug).AddProvider(new TestOutputLoggerProvider(output, name));
        builder.Services.AddSingleton(behavior ?? new HandlerBehavior());

        builder.AddNpgsqlDbContext<TestDbContext>("testdb");
        var messaging = builder.AddMessaging(KafkaConnection)
            .AddMessageType("order-placed", TestJsonContext.Default.OrderPlaced)
            .AddMessageType("order-shipped", TestJsonContext.Default.OrderShipped);
        configure(messaging);
        return new ServiceInstance(builder.Build());
    }

    public async Task StartAsync()
    {
        await host.StartAsync();
        started = true;
    }

    public async Task StopAsync()
    {
        if (started)
        {
            started = false;
            await host.StopAsync();
        }
    }

    /// <summary>Runs <paramref name="work"/> in a scope, as a request of the service would.</summary>
    public async Task<T> InScopeAsync<T>(Func<TestDbContext, IOutbox, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TestDbContext>(), scope.ServiceProvider.GetRequiredService<IOutbox>());
    }

    public async Task<T> InScopeAsync<T>(Func<TestDbContext, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TestDbContext>());
    }

    /// <summary>The partitions the service's consumer owns right now.</summary>
    public List<TopicPartition> Assignment => host.Services.GetRequiredKeyedService<IConsumer<string, byte[]>>(KafkaConnection).Assignment;

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        host.Dispose();
    }
}
