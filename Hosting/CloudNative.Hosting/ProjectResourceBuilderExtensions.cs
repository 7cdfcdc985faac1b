using CloudNative.Hosting.ApplicationModel;

namespace CloudNative.Hosting;

public static class ProjectResourceBuilderExtensions
{
    /// <summary>Adds a .NET project from a generated <c>Projects.*</c> class (one per AppHost project reference).</summary>
    public static IResourceBuilder<ProjectResource> AddProject<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject(name, new TProject());

    /// <summary>Adds a .NET project by path, relative to the AppHost directory.</summary>
    public static IResourceBuilder<ProjectResource> AddProject(this IDistributedApplicationBuilder builder, string name, string projectPath) =>
        builder.AddProject(name, new ProjectMetadata(Path.GetFullPath(projectPath, builder.AppHostDirectory)));

    /// <summary>Runs <paramref name="replicas"/> instances behind one proxied address, balanced round-robin.</summary>
    public static IResourceBuilder<ProjectResource> WithReplicas(this IResourceBuilder<ProjectResource> builder, int replicas)
    {
        if (replicas < 1)
        {
            throw new DistributedApplicationException(
                $"Resource '{builder.Resource.Name}': the replica count must be at least 1, but WithReplicas({replicas}) was called. Use 1 or more, or remove the resource.");
        }

        return builder.WithAnnotation(new ReplicaAnnotation(replicas));
    }

    private static IResourceBuilder<ProjectResource> AddProject(this IDistributedApplicationBuilder builder, string name, IProjectMetadata metadata)
    {
        if (!File.Exists(metadata.ProjectPath))
        {
            throw new DistributedApplicationException(
                $"Resource '{name}': the project file '{metadata.ProjectPath}' does not exist. Check the path (relative paths are resolved against the AppHost directory '{builder.AppHostDirectory}') or the project reference in the AppHost's .csproj.");
        }

        return builder.AddResource(new ProjectResource(name, metadata))
            .WithHttpEndpoint()
            .WithAnnotation(new EnvironmentCallbackAnnotation(ProjectDefaults.Apply));
    }
}
