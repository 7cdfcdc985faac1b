using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CloudNative.ServiceDefaults;

internal static class ConnectionStringExtensions
{
    // Read when the client is first resolved rather than at registration, as Aspire does, so that tests and
    // hosts can still supply the value after the service has registered its clients.
    public static string GetRequiredConnectionString(this IServiceProvider services, string connectionName)
    {
        var connectionString = services.GetRequiredService<IConfiguration>().GetConnectionString(connectionName);
        return string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException(
                $"ConnectionString is missing. It should be provided in 'ConnectionStrings:{connectionName}' " +
                $"(environment variable 'ConnectionStrings__{connectionName}'). The AppHost sets it when this project " +
                $"references the '{connectionName}' resource with WithReference(...); outside the AppHost, set it yourself.")
            : connectionString;
    }
}
