using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Eventing;
using Aspire.Hosting.Lifecycle;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudNative.Hosting.LocalProcesses;

/// <summary>
/// Decides, before DCP starts, whether the resources that have a local-process recipe run as processes, converts
/// them, and starts each when Aspire initializes it. Publish mode is never touched: the manifest stays Aspire's.
/// </summary>
internal sealed class LocalProcessSubscriber(
    LocalProcessHost host,
    IOptions<LocalProcessOptions> options,
    IConfiguration configuration,
    IHostApplicationLifetime lifetime,
    ILogger<LocalProcessSubscriber> logger) : IDistributedApplicationEventingSubscriber
{
    public Task SubscribeAsync(IDistributedApplicationEventing eventing, DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken)
    {
        if (executionContext.IsRunMode)
        {
            eventing.Subscribe<BeforeStartEvent>(OnBeforeStartAsync);
            eventing.Subscribe<InitializeResourceEvent>(OnInitializeResourceAsync);
            // Stopped, not Stopping: by then DCP has stopped the projects that use these services.
            lifetime.ApplicationStopped.Register(() => host.StopAllAsync().GetAwaiter().GetResult());
        }

        return Task.CompletedTask;
    }

    private async Task OnBeforeStartAsync(BeforeStartEvent @event, CancellationToken cancellationToken)
    {
        BuiltInRecipes.Annotate(@event.Model);
        var candidates = @event.Model.Resources
            .Where(r => r.IsContainer() && r.TryGetLastAnnotation<LocalProcessAnnotation>(out _))
            .ToList();
        if (candidates.Count == 0 || !await UseLocalProcessesAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        logger.LogInformation(
            "Running {Resources} as local processes (LocalProcesses:Mode={Mode}). With a container engine and Mode=Auto, or with Mode=Never, the stock containers run.",
            string.Join(", ", candidates.Select(r => r.Name)), options.Value.Mode);
        foreach (var resource in candidates)
        {
            var dropped = LocalProcessConversion.Apply(resource);
            LocalProcessCommands.Add(resource);
            host.Adopt(resource, resource.Annotations.OfType<LocalProcessAnnotation>().Last().Recipe, dropped);
        }
    }

    private async Task<bool> UseLocalProcessesAsync(CancellationToken cancellationToken) => options.Value.Mode switch
    {
        LocalProcessMode.Always => true,
        LocalProcessMode.Never => false,
        _ => !await ContainerRuntimeProbe.EngineAnswersAsync(configuration["ASPIRE_CONTAINER_RUNTIME"], cancellationToken).ConfigureAwait(false),
    };

    private Task OnInitializeResourceAsync(InitializeResourceEvent @event, CancellationToken cancellationToken) =>
        host.Find(@event.Resource.Name) is { } runner && runner.Resource == @event.Resource
            ? runner.InitializeAsync(cancellationToken)
            : Task.CompletedTask;
}
