using System.Text;
using System.Text.Json;
using CloudNative.Hosting.Publishing;
using CloudNative.Hosting.Testing;

namespace CloudNative.Hosting.Tests.Publishing;

/// <summary>
/// A model in publish mode whose manifest goes to a fresh temporary directory: build it, let the test add resources,
/// then publish through the same path as <c>--publisher manifest</c> and read back what was written.
/// </summary>
internal sealed class ManifestHost : IDisposable
{
    private ManifestHost(string directory, string manifestPath, string[] extraArgs)
    {
        Directory = directory;
        ManifestPath = manifestPath;
        Builder = DistributedApplicationTestingBuilder.Create(["--publisher", "manifest", "--output-path", manifestPath, .. extraArgs]);
    }

    /// <summary>The temporary root; the manifest sits in <c>{Directory}/AppHost</c> so projects can live beside it.</summary>
    public string Directory { get; }

    public string ManifestPath { get; }

    public IDistributedApplicationTestingBuilder Builder { get; }

    public static ManifestHost Create(params string[] extraArgs)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"cloudnative-manifest-{Guid.NewGuid():N}");
        return new ManifestHost(directory, Path.Combine(directory, "AppHost", "aspire-manifest.json"), extraArgs);
    }

    /// <summary>An empty project file at <c>{Directory}/{name}/{name}.csproj</c> (the manifest refers to it as <c>../{name}/{name}.csproj</c>).</summary>
    public string CreateProject(string name)
    {
        var path = Path.Combine(Directory, name, $"{name}.csproj");
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
        return path;
    }

    /// <summary>Builds the model and publishes it as <c>RunAsync</c> does in publish mode, letting failures through.</summary>
    public async Task<PublishedManifest> PublishAsync()
    {
        var app = await Builder.BuildAsync();
        await PublisherSelector.PublishAsync(app, app.Builder, CancellationToken.None);
        return new PublishedManifest(await File.ReadAllBytesAsync(ManifestPath));
    }

    /// <summary>The manifest the writer produces, without the azd check (for resource kinds azd refuses).</summary>
    public async Task<PublishedManifest> RenderWithoutAzdRulesAsync()
    {
        var app = await Builder.BuildAsync();
        return new PublishedManifest(await ManifestPublisher.RenderAsync([.. app.Builder.Resources], Builder.ExecutionContext, ManifestPath, CancellationToken.None));
    }

    public void Dispose()
    {
        Builder.Dispose();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}

internal sealed class PublishedManifest(byte[] bytes)
{
    public byte[] Bytes { get; } = bytes;

    public string Text { get; } = Encoding.UTF8.GetString(bytes);

    public JsonElement Root { get; } = JsonDocument.Parse(bytes).RootElement;

    public IReadOnlyList<string> ResourceNames => [.. Root.GetProperty("resources").EnumerateObject().Select(p => p.Name)];

    /// <summary>One resource entry, rendered as the publisher writes it (two-space indent from its own brace).</summary>
    public string Resource(string name) =>
        Root.GetProperty("resources").TryGetProperty(name, out var resource)
            ? ManifestJson.Format(resource)
            : throw new Xunit.Sdk.XunitException($"The manifest has no resource '{name}'. It has: {string.Join(", ", ResourceNames)}.");
}
