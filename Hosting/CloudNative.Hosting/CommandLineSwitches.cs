namespace CloudNative.Hosting;

/// <summary>Turns bare flags into the key=value form .NET configuration expects.</summary>
internal static class CommandLineSwitches
{
    private static readonly Dictionary<string, string> s_flags = new(StringComparer.Ordinal)
    {
        ["--ephemeral"] = "--AppHost:EphemeralData=true",
    };

    public static string[] Normalize(string[] args) =>
        [.. args.Select(a => s_flags.TryGetValue(a, out var expanded) ? expanded : a)];
}
