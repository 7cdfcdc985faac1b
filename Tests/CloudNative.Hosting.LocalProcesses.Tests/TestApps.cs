using Microsoft.Extensions.DependencyInjection;

namespace CloudNative.Hosting.LocalProcesses.Tests;

/// <summary>Small real apps (DCP included) whose container resources run as local processes.</summary>
internal static class TestApps
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static IDistributedApplicationTestingBuilder Create(params string[] args)
    {
        var builder = DistributedApplicationTestingBuilder.Create(["LocalProcesses:Mode=Always", "LocalProcesses:Ephemeral=true", .. args]);
        builder.AddLocalProcessFallback();
        return builder;
    }

    public static IResourceBuilder<ContainerResource> AddService(this IDistributedApplicationBuilder builder, string name, ILocalProcessRecipe recipe) =>
        builder.AddContainer(name, $"example/{name}").WithLocalProcess(recipe);

    public static Task<ResourceEvent> WaitForStateAsync(this DistributedApplication app, string resource, string state, CancellationToken cancellationToken) =>
        app.ResourceNotifications.WaitForResourceAsync(resource, e => e.Snapshot.State?.Text == state, cancellationToken);

    public static int? Pid(this ResourceEvent e) =>
        e.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is int pid ? pid : null;

    /// <summary>The resource's log from its start, up to and including the first line <paramref name="last"/> matches.</summary>
    public static async Task<List<string>> LogUntilAsync(this DistributedApplication app, string resource, Func<string, bool> last, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        // By the resource, not its name: Aspire keys the log under the resource's resolved (instance) name.
        var model = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == resource);
        await foreach (var batch in app.Services.GetRequiredService<ResourceLoggerService>().WatchAsync(model).WithCancellation(cancellationToken))
        {
            foreach (var line in batch)
            {
                lines.Add(line.Content);
                if (last(line.Content))
                {
                    return lines;
                }
            }
        }

        return lines;
    }
}

/// <summary>The tests that start DCP run one at a time: each is a whole app.</summary>
[CollectionDefinition(Name)]
public sealed class DcpAppsCollection
{
    public const string Name = "DCP apps";
}
