using System.Text.Json;
using CloudNative.Hosting.ApplicationModel;

namespace CloudNative.Hosting.Publishing;

/// <summary>
/// Writes the application model as an Aspire 13.1 deployment manifest (aspire-contracts §1): model resources in the
/// order they were added, then the resources they refer to that are not in the model (generated passwords), each
/// parameter followed by the <c>-uri-encoded</c> entries derived from it. Values are written as <c>{resource.path}</c>
/// placeholders only; no parameter value is ever evaluated here.
/// </summary>
public sealed partial class ManifestPublishingContext(
    DistributedApplicationExecutionContext executionContext,
    string manifestPath,
    Utf8JsonWriter writer,
    CancellationToken cancellationToken = default)
{
    /// <summary>Written first, as v8.1 through v13.1.x do (<c>src/Shared/SchemaUtils.cs</c>).</summary>
    public const string SchemaVersion = "https://json.schemastore.org/aspire-8.0.json";

    private readonly List<IResource> _referencedResources = [];
    private readonly HashSet<IResource> _knownReferences = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<object> _currentDependencySet = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<string> _manifestResourceNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly ManifestPortAllocator _portAllocator = new();

    public DistributedApplicationExecutionContext ExecutionContext { get; } = executionContext;

    public string ManifestPath { get; } = manifestPath;

    public Utf8JsonWriter Writer { get; } = writer;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>A path relative to the manifest's directory, with '/' separators, as deployment tools expect.</summary>
    public string GetManifestRelativePath(string path)
    {
        var manifestDirectory = Path.GetDirectoryName(Path.GetFullPath(ManifestPath))
            ?? throw new DistributedApplicationException($"Could not get the directory of the manifest path '{ManifestPath}'.");
        var normalized = path.Replace('\\', Path.DirectorySeparatorChar).Replace('/', Path.DirectorySeparatorChar);
        return Path.GetRelativePath(manifestDirectory, normalized).Replace('\\', '/');
    }

    public async Task WriteModelAsync(IReadOnlyList<IResource> resources)
    {
        var model = new HashSet<IResource>(resources, ReferenceEqualityComparer.Instance);
        _manifestResourceNames.UnionWith(resources.Select(r => r.Name));

        Writer.WriteStartObject();
        Writer.WriteString("$schema", SchemaVersion);
        Writer.WriteStartObject("resources");

        foreach (var resource in resources)
        {
            await WriteResourceAsync(resource).ConfigureAwait(false);
        }

        // Writing a referenced resource may discover more of them, so walk the list by index.
        for (var i = 0; i < _referencedResources.Count; i++)
        {
            if (!model.Contains(_referencedResources[i]))
            {
                await WriteResourceAsync(_referencedResources[i]).ConfigureAwait(false);
            }
        }

        WriteRemainingFormattedParameters();

        Writer.WriteEndObject();
        Writer.WriteEndObject();
        await Writer.FlushAsync(CancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes one resource entry, picking its shape the way Aspire's writer does (§1.3).</summary>
    public async Task WriteResourceAsync(IResource resource)
    {
        if (resource.Annotations.OfType<ManifestExclusionAnnotation>().Any())
        {
            return;
        }

        Writer.WriteStartObject(resource.Name);
        if (resource.TryGetLastAnnotation<ManifestPublishingCallbackAnnotation>(out var callback))
        {
            await callback.Callback(this).ConfigureAwait(false);
        }
        else
        {
            await (resource switch
            {
                ContainerResource container => WriteContainerAsync(container),
                ProjectResource project => WriteProjectAsync(project),
                ExecutableResource executable => WriteExecutableAsync(executable),
                ParameterResource parameter => WriteParameter(parameter),
                IResourceWithConnectionString connectionString => WriteValue(connectionString),
                _ => WriteError(),
            }).ConfigureAwait(false);
        }

        Writer.WriteEndObject();

        if (resource is ParameterResource parameterResource)
        {
            WriteFormattedParameterResources(parameterResource);
        }
    }

    /// <summary>
    /// Remembers the resources a value refers to (a generated password behind a connection string), so that those
    /// missing from the model are written after it.
    /// </summary>
    public void TryAddDependentResources(object? value)
    {
        if (value is IResource resource)
        {
            if (_knownReferences.Add(resource))
            {
                _referencedResources.Add(resource);
                _manifestResourceNames.Add(resource.Name);
            }
        }
        else if (value is IValueWithReferences withReferences && _currentDependencySet.Add(value))
        {
            foreach (var dependency in withReferences.References)
            {
                TryAddDependentResources(dependency);
            }

            _currentDependencySet.Remove(value);
        }
    }

    private Task WriteValue(IResourceWithConnectionString resource)
    {
        Writer.WriteString("type", "value.v0");
        WriteConnectionString(resource);
        return Task.CompletedTask;
    }

    private Task WriteError()
    {
        Writer.WriteString("error", "This resource does not support generation in the manifest.");
        return Task.CompletedTask;
    }
}
