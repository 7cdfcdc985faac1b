namespace Ordering.Api.Clients;

/// <summary>A service checkout depends on (catalog, basket) did not answer usably: a 503 for the caller, not a 500.</summary>
public sealed class DependencyUnavailableException(string service, Exception? innerException = null)
    : Exception($"The {service} service is unavailable.", innerException)
{
    public string Service { get; } = service;
}
