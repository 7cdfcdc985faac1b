using Microsoft.Extensions.Configuration;

namespace CloudNative.ServiceTests;

/// <summary>
/// Configuration a test changes while the service runs, as an operator or a chaos run would: IOptionsMonitor
/// readers see the new values at once. Added last, so it overrides the service's own settings.
/// </summary>
public sealed class ChangeableSettings : IConfigurationSource
{
    private readonly Provider provider = new();

    public IConfigurationProvider Build(IConfigurationBuilder builder) => provider;

    public void Set(string key, string? value) => provider.Change(key, value);

    private sealed class Provider : ConfigurationProvider
    {
        public void Change(string key, string? value)
        {
            Data[key] = value;
            OnReload();
        }
    }
}
