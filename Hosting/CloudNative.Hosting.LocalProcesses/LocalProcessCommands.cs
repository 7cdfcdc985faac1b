using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace CloudNative.Hosting.LocalProcesses;

/// <summary>Stop, Start and Restart in the dashboard, as DCP gives containers, under the same command names.</summary>
internal static class LocalProcessCommands
{
    public static void Add(IResource resource)
    {
        Add(resource, KnownResourceCommands.StartCommand, "Start", "Play",
            runner =>
            {
                runner.Start();
                return Task.CompletedTask;
            },
            state => IsStopped(state) ? ResourceCommandState.Enabled : state == KnownResourceStates.Starting ? ResourceCommandState.Disabled : ResourceCommandState.Hidden);
        Add(resource, KnownResourceCommands.StopCommand, "Stop", "Stop",
            runner => runner.StopAsync(),
            state => state == KnownResourceStates.Running ? ResourceCommandState.Enabled : IsStopped(state) ? ResourceCommandState.Hidden : ResourceCommandState.Disabled);
        Add(resource, KnownResourceCommands.RestartCommand, "Restart", "ArrowCounterclockwise",
            async runner =>
            {
                await runner.StopAsync().ConfigureAwait(false);
                runner.Start();
            },
            state => state == KnownResourceStates.Running ? ResourceCommandState.Enabled : ResourceCommandState.Disabled);
    }

    private static bool IsStopped(string? state) =>
        state is not null && (KnownResourceStates.TerminalStates.Contains(state) || state == KnownResourceStates.NotStarted);

    private static void Add(IResource resource, string name, string displayName, string icon, Func<LocalProcessRunner, Task> execute, Func<string?, ResourceCommandState> state) =>
        resource.Annotations.Add(new ResourceCommandAnnotation(
            name,
            displayName,
            updateState: context => state(context.ResourceSnapshot.State?.Text),
            executeCommand: async context =>
            {
                var runner = context.Services.GetRequiredService<LocalProcessHost>().Find(resource.Name);
                if (runner is null)
                {
                    return CommandResults.Failure($"'{resource.Name}' is not running as a local process.");
                }

                await execute(runner).ConfigureAwait(false);
                return CommandResults.Success();
            },
            displayDescription: null,
            parameter: null,
            confirmationMessage: null,
            iconName: icon,
            iconVariant: IconVariant.Regular,
            isHighlighted: true));
}
