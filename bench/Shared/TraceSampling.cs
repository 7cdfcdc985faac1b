using System.Globalization;

namespace CloudNative.Bench;

/// <summary>
/// <c>--trace-ratio R</c>: the AppHost's <c>AppHost:TraceSampleRatio</c>, the share of requests the services trace
/// (run mode otherwise traces all of them, and the dashboard ingests every span on the same cores).
/// </summary>
internal static class TraceSampling
{
    public const string Option = "--trace-ratio";

    public static bool IsValid(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio) && ratio is >= 0 and <= 1;

    public static IEnumerable<KeyValuePair<string, string>> Settings(string? ratio) =>
        ratio is null ? [] : [KeyValuePair.Create("AppHost:TraceSampleRatio", ratio)];

    public static string Describe(string? ratio) => ratio ?? "all (run mode's always_on)";
}
