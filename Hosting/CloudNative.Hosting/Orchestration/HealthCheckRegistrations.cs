using CloudNative.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudNative.Hosting.Orchestration;

/// <summary>Registers the AppHost-side checks that <see cref="HealthCheckAnnotation"/> keys refer to.</summary>
public static class HealthCheckRegistrations
{
    private static readonly HttpClient s_http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(10) })
    {
        Timeout = TimeSpan.FromSeconds(5),
    };

    public static void AddHttp(IDistributedApplicationBuilder builder, string key, EndpointReference endpoint, string path, int expectedStatusCode) =>
        Add(builder, key, async cancellationToken =>
        {
            var url = new Uri(new Uri(endpoint.Url), path);
            using var response = await s_http.GetAsync(url, cancellationToken).ConfigureAwait(false);
            return (int)response.StatusCode == expectedStatusCode
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"GET {url} answered {(int)response.StatusCode}, expected {expectedStatusCode}.");
        });

    /// <summary>
    /// A check that keeps a client between runs (a Redis multiplexer, a Kafka admin client). The AppHost's service
    /// provider creates it, so disposing the application disposes the client too.
    /// </summary>
    public static void AddOwned<THealthCheck>(IDistributedApplicationBuilder builder, string key, Func<THealthCheck> create)
        where THealthCheck : class, IHealthCheck
    {
        builder.Services.AddKeyedSingleton<IHealthCheck>(key, (_, _) => create());
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(key, sp => sp.GetRequiredKeyedService<IHealthCheck>(key), HealthStatus.Unhealthy, tags: null));
    }

    /// <summary>A check from a delegate; exceptions count as unhealthy with their message.</summary>
    public static void Add(IDistributedApplicationBuilder builder, string key, Func<CancellationToken, Task<HealthCheckResult>> check) =>
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(key, _ => new DelegateHealthCheck(check), HealthStatus.Unhealthy, tags: null));

    private sealed class DelegateHealthCheck(Func<CancellationToken, Task<HealthCheckResult>> check) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                return await check(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return HealthCheckResult.Unhealthy(ex.Message, ex);
            }
        }
    }
}
