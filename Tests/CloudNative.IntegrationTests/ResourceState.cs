namespace CloudNative.IntegrationTests;

internal static class ResourceState
{
    public static int? Pid(this ResourceEvent resourceEvent) =>
        resourceEvent.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is int pid ? pid : null;
}
