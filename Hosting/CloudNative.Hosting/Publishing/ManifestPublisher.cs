using System.Text.Json;
using CloudNative.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;

namespace CloudNative.Hosting.Publishing;

/// <summary>
/// <c>--publisher manifest</c>: writes <c>aspire-manifest.json</c> as Aspire 13.1 does, after checking it against the
/// rules azd applies when it reads one (<see cref="AzdManifestRules"/>). A manifest azd would refuse is not written.
/// </summary>
internal sealed class ManifestPublisher(ILogger<ManifestPublisher> logger) : IDistributedApplicationPublisher
{
    public string Name => "manifest";

    public async Task PublishAsync(IReadOnlyList<IResource> resources, PublishingContext context, CancellationToken cancellationToken)
    {
        var manifestPath = ManifestOutputPath.Resolve(context.OutputPath);
        var manifest = await RenderAsync(resources, context.ExecutionContext, manifestPath, cancellationToken).ConfigureAwait(false);

        using (var document = JsonDocument.Parse(manifest))
        {
            if (AzdManifestRules.Check(document.RootElement).FirstOrDefault() is { } error)
            {
                throw new DistributedApplicationException(
                    $"The manifest was not written because azd would refuse it: {error.Message}");
            }
        }

        await WriteAsync(manifestPath, manifest, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Published manifest to: {ManifestPath}", manifestPath);
    }

    /// <summary>The manifest's bytes for a model, as they would be written to <paramref name="manifestPath"/>.</summary>
    public static async Task<byte[]> RenderAsync(IReadOnlyList<IResource> resources, DistributedApplicationExecutionContext executionContext, string manifestPath, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(stream, ManifestJson.WriterOptions))
        {
            var context = new ManifestPublishingContext(executionContext, manifestPath, writer, cancellationToken);
            await context.WriteModelAsync(resources).ConfigureAwait(false);
        }

        return stream.ToArray();
    }

    private static async Task WriteAsync(string manifestPath, byte[] manifest, CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(manifestPath)!);
            await File.WriteAllBytesAsync(manifestPath, manifest, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new DistributedApplicationException(
                $"Could not write the manifest to '{manifestPath}': {ex.Message} Choose an '--output-path' in a directory you can write to.", ex);
        }
    }
}
