namespace CloudNative.Bench.Startup;

/// <summary>A resource the bench waits for: its name, whether it is a .NET project, its parent, and what it waits for.</summary>
internal sealed record ResourceInfo(string Name, bool IsProject, string? Parent, IReadOnlyList<string> WaitsFor);

/// <summary>
/// The resources whose health the bench waits for, in the AppHost's order, read from the AppHost's own model (built,
/// not started): every server, database, container, executable and project that starts with the app.
/// </summary>
internal static class ResourceList
{
    public static async Task<IReadOnlyList<ResourceInfo>> DiscoverAsync(CancellationToken cancellationToken)
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.CloudNative_AppHost>(cancellationToken);
        return [.. builder.Resources
            .Where(r => r is not ParameterResource && r is IResourceWithConnectionString or ProjectResource or ContainerResource or ExecutableResource)
            // Started only on request (such as Aspire 13.6's hidden "<project>-rebuilder" executables): nothing to wait for.
            .Where(r => !r.Annotations.OfType<ExplicitStartupAnnotation>().Any() && r.GetType().Name != "ProjectRebuilderResource")
            .Select(r => new ResourceInfo(
                r.Name,
                r is ProjectResource,
                (r as IResourceWithParent)?.Parent.Name,
                [.. r.Annotations.OfType<WaitAnnotation>().Select(w => w.Resource.Name).Distinct()]))];
    }
}
