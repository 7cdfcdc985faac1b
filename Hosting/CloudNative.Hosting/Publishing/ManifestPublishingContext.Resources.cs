using CloudNative.Hosting.ApplicationModel;

namespace CloudNative.Hosting.Publishing;

public sealed partial class ManifestPublishingContext
{
    /// <summary><c>container.v0</c>: connectionString, image, entrypoint, args, bindMounts, volumes, env, bindings (§1.3).</summary>
    public async Task WriteContainerAsync(ContainerResource container)
    {
        Writer.WriteString("type", "container.v0");
        WriteConnectionString(container);
        Writer.WriteString("image", ImageOf(container));
        if (container.Entrypoint is not null)
        {
            Writer.WriteString("entrypoint", container.Entrypoint);
        }

        await WriteCommandLineArgumentsAsync(container).ConfigureAwait(false);
        WriteContainerMounts(container);
        await WriteEnvironmentVariablesAsync(container).ConfigureAwait(false);
        WriteBindings(container);
    }

    /// <summary><c>project.v0</c>: the csproj relative to the manifest, then args, env, bindings.</summary>
    public async Task WriteProjectAsync(ProjectResource project)
    {
        Writer.WriteString("type", "project.v0");
        Writer.WriteString("path", GetManifestRelativePath(project.Metadata.ProjectPath));
        await WriteCommandLineArgumentsAsync(project).ConfigureAwait(false);
        await WriteEnvironmentVariablesAsync(project).ConfigureAwait(false);
        WriteBindings(project);
    }

    /// <summary><c>executable.v0</c>, which the manifest carries but azd refuses (§4.4).</summary>
    public async Task WriteExecutableAsync(ExecutableResource executable)
    {
        Writer.WriteString("type", "executable.v0");
        WriteConnectionString(executable);
        Writer.WriteString("workingDirectory", GetManifestRelativePath(executable.WorkingDirectory));
        Writer.WriteString("command", executable.Command);
        await WriteCommandLineArgumentsAsync(executable).ConfigureAwait(false);
        await WriteEnvironmentVariablesAsync(executable).ConfigureAwait(false);
        WriteBindings(executable);
    }

    /// <summary>Writes <c>connectionString</c> when the resource has one, and remembers what it refers to.</summary>
    public void WriteConnectionString(IResource resource)
    {
        if (resource is IResourceWithConnectionString { ConnectionStringExpression: { } expression })
        {
            Writer.WriteString("connectionString", GetManifestExpression(expression));
            TryAddDependentResources(expression);
        }
    }

    public async Task WriteEnvironmentVariablesAsync(IResource resource)
    {
        var environment = await ResourceValues.EvaluateEnvironmentAsync(resource, ExecutionContext, CancellationToken).ConfigureAwait(false);
        if (environment.Count == 0)
        {
            return;
        }

        Writer.WriteStartObject("env");
        foreach (var (name, value) in environment)
        {
            Writer.WriteString(name, GetManifestExpression(value));
            TryAddDependentResources(value);
        }

        Writer.WriteEndObject();
    }

    public async Task WriteCommandLineArgumentsAsync(IResource resource)
    {
        var args = await ResourceValues.EvaluateArgsAsync(resource, ExecutionContext, CancellationToken).ConfigureAwait(false);
        if (args.Count == 0)
        {
            return;
        }

        Writer.WriteStartArray("args");
        foreach (var arg in args)
        {
            Writer.WriteStringValue(GetManifestExpression(arg));
            TryAddDependentResources(arg);
        }

        Writer.WriteEndArray();
    }

    private void WriteContainerMounts(ContainerResource container)
    {
        var mounts = container.Annotations.OfType<ContainerMountAnnotation>().ToList();
        var bindMounts = mounts.Where(m => !m.IsVolume).ToList();
        if (bindMounts.Count > 0)
        {
            Writer.WriteStartArray("bindMounts");
            foreach (var bindMount in bindMounts)
            {
                Writer.WriteStartObject();
                Writer.WriteString("source", bindMount.Source is null ? null : GetManifestRelativePath(bindMount.Source));
                Writer.WriteString("target", bindMount.Target.Replace('\\', '/'));
                Writer.WriteBoolean("readOnly", bindMount.IsReadOnly);
                Writer.WriteEndObject();
            }

            Writer.WriteEndArray();
        }

        var volumes = mounts.Where(m => m.IsVolume).ToList();
        if (volumes.Count > 0)
        {
            Writer.WriteStartArray("volumes");
            foreach (var volume in volumes)
            {
                Writer.WriteStartObject();
                if (volume.Source is not null)
                {
                    Writer.WriteString("name", volume.Source);
                }

                Writer.WriteString("target", volume.Target);
                Writer.WriteBoolean("readOnly", volume.IsReadOnly);
                Writer.WriteEndObject();
            }

            Writer.WriteEndArray();
        }
    }

    /// <summary><c>{registry}/{image}:{tag}</c>, each part only when set, as <c>TryGetContainerImageName</c> builds it.</summary>
    private static string ImageOf(ContainerResource container)
    {
        var image = container.Annotations.OfType<ContainerImageAnnotation>().LastOrDefault()
            ?? throw new DistributedApplicationException($"Could not get the container image name for resource '{container.Name}'. Add a ContainerImageAnnotation (an image) to it, or exclude it from the manifest.");
        var registry = string.IsNullOrEmpty(image.Registry) ? string.Empty : $"{image.Registry}/";
        var tag = string.IsNullOrEmpty(image.Tag) ? string.Empty : $":{image.Tag}";
        return $"{registry}{image.Image}{tag}";
    }
}
