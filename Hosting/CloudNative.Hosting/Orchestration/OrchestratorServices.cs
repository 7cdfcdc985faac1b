using CloudNative.Hosting.ApplicationModel;

namespace CloudNative.Hosting.Orchestration;

/// <summary>The shared machinery every resource runner uses.</summary>
internal sealed class OrchestratorServices(ResourceNotificationService notifications, ResourceLoggerService logs) : IDisposable
{
    public ResourceNotificationService Notifications { get; } = notifications;

    public ResourceLoggerService Logs { get; } = logs;

    public ProcessTreeReaper Reaper { get; } = new();

    public void Dispose() => Reaper.Dispose();
}
