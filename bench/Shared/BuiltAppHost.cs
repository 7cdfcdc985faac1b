using System.Reflection;
using System.Text.Json;

namespace CloudNative.Bench;

/// <summary>
/// The AppHost as <c>./build.sh run</c> starts it: the built dll, with the environment of its launch profile.
/// Every URL of the profile gets a free port, so a run never collides with a developer's.
/// </summary>
internal sealed class BuiltAppHost
{
    private BuiltAppHost(string repositoryRoot, string dll, Dictionary<string, string> environment, Uri dashboard)
    {
        RepositoryRoot = repositoryRoot;
        Dll = dll;
        Environment = environment;
        Dashboard = dashboard;
    }

    public string RepositoryRoot { get; }

    public string Dll { get; }

    public Dictionary<string, string> Environment { get; }

    public Uri Dashboard { get; }

    public static string DefaultRepositoryRoot => Metadata("RepositoryRoot");

    /// <summary>The configuration the bench was built in, which <c>./build.sh bench</c> builds everything it starts in.</summary>
    public static string Configuration => Metadata("Configuration");

    public static string DefaultDll => Path.Combine(DefaultRepositoryRoot, "AppHost", "bin", Configuration, "net10.0", "CloudNative.AppHost.dll");

    /// <summary>A fresh set of ports: call once per run.</summary>
    public static BuiltAppHost Prepare(string repositoryRoot, string dll)
    {
        var settingsPath = Path.Combine(repositoryRoot, "AppHost", "Properties", "launchSettings.json");
        using var settings = JsonDocument.Parse(File.ReadAllText(settingsPath));
        var profiles = settings.RootElement.GetProperty("profiles").EnumerateObject().ToList();
        // The profile `dotnet run` picks: the first one that runs the project ("http" here).
        var profile = profiles.First(p => p.Value.TryGetProperty("commandName", out var c) && c.GetString() == "Project").Value;

        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (profile.TryGetProperty("environmentVariables", out var variables))
        {
            foreach (var variable in variables.EnumerateObject())
            {
                environment[variable.Name] = WithFreePorts(variable.Value.GetString() ?? string.Empty);
            }
        }

        var urls = WithFreePorts(profile.TryGetProperty("applicationUrl", out var url) ? url.GetString() ?? string.Empty : "http://localhost:18888");
        environment["ASPNETCORE_URLS"] = urls;
        var dashboard = new Uri(urls.Split(';').First(u => u.StartsWith("http://", StringComparison.Ordinal) || u.StartsWith("https://", StringComparison.Ordinal)));
        return new BuiltAppHost(repositoryRoot, dll, environment, dashboard);
    }

    /// <summary>Each absolute http(s) URL with a port, in a ';'-separated list, gets a free port instead.</summary>
    private static string WithFreePorts(string value) =>
        string.Join(';', value.Split(';').Select(part =>
            Uri.TryCreate(part, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && !uri.IsDefaultPort
                ? new UriBuilder(uri) { Port = Ports.Free() }.Uri.ToString().TrimEnd('/')
                : part));

    private static string Metadata(string key) =>
        typeof(BuiltAppHost).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata '{key}' is missing.");
}
