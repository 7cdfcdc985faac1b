using System.Reflection;

namespace CloudNative.Hosting;

public sealed class DistributedApplicationOptions
{
    public string[] Args { get; set; } = [];

    /// <summary>The AppHost assembly; its metadata names the AppHost project directory and user-secrets id.</summary>
    public Assembly? Assembly { get; set; }

    /// <summary>Gives every endpoint a free port, fixed ones too, so parallel test runs never collide.</summary>
    public bool RandomizePorts { get; set; }

    /// <summary>Data of backing services lives in a temporary directory removed on shutdown.</summary>
    public bool EphemeralData { get; set; }

    /// <summary>Generated parameter values are kept in the AppHost's user secrets, as Aspire does.</summary>
    public bool PersistGeneratedParameters { get; set; } = true;

    /// <summary>Copies each resource's console output to the AppHost's logger.</summary>
    public bool EnableResourceLogging { get; set; }
}
