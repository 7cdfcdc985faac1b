namespace CloudNative.Hosting.Publishing;

/// <summary>Where <c>--output-path</c> points: a <c>.json</c> file, or a directory that gets <c>aspire-manifest.json</c> (Aspire 13).</summary>
internal static class ManifestOutputPath
{
    public const string DefaultFileName = "aspire-manifest.json";

    public static string Resolve(string? outputPath)
    {
        if (string.IsNullOrWhiteSpace(outputPath))
        {
            throw new DistributedApplicationException(
                "The '--output-path [path]' option was not specified even though '--publisher manifest' argument was used.");
        }

        var path = outputPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? outputPath
            : Path.Combine(outputPath, DefaultFileName);
        return Path.GetFullPath(path);
    }
}
