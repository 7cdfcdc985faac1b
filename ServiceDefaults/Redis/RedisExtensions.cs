using CloudNative.ServiceDefaults;
using CloudNative.ServiceDefaults.Redis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

// Aspire.StackExchange.Redis's AddRedisClient.
public static class RedisExtensions
{
    public static void AddRedisClient(this IHostApplicationBuilder builder, string connectionName, Action<ConfigurationOptions>? configureOptions = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionName);

        builder.Services.TryAddSingleton<RedisCommandTracer>();
        // Connects on first use, not at start-up. With AbortOnConnectFail off, a Redis that is down costs that first
        // caller the connect attempts (ConnectTimeout times ConnectRetry) instead of an exception, and the
        // multiplexer keeps reconnecting in the background.
        builder.Services.AddSingleton<IConnectionMultiplexer>(services =>
        {
            var options = ConfigurationOptions.Parse(services.GetRequiredConnectionString(connectionName));
            options.AbortOnConnectFail = false;
            configureOptions?.Invoke(options);
            options.LoggerFactory ??= services.GetService<ILoggerFactory>();

            var connection = ConnectionMultiplexer.Connect(options);
            connection.RegisterProfiler(services.GetRequiredService<RedisCommandTracer>().GetSession);
            return connection;
        });

        builder.TryAddHealthCheck($"Redis_{connectionName}",
            services => new RedisHealthCheck(services.GetRequiredService<IConnectionMultiplexer>()));
    }
}
