namespace CloudNative.Hosting.ApplicationModel;

/// <summary>Refers to a health check registered in the AppHost's <c>Services.AddHealthChecks()</c> under this key.</summary>
public sealed record HealthCheckAnnotation(string Key) : IResourceAnnotation;

public sealed record ReplicaAnnotation(int Replicas) : IResourceAnnotation;

/// <summary>Records that one resource refers to another (WithReference, WaitFor, parent/child).</summary>
public sealed record ResourceRelationshipAnnotation(IResource Resource, string Type) : IResourceAnnotation;

/// <summary>Keeps a resource out of the deployment manifest (dev-only tools).</summary>
public sealed class ManifestExclusionAnnotation : IResourceAnnotation;

/// <summary>Overrides how a resource is written to the manifest.</summary>
public sealed class ManifestPublishingCallbackAnnotation(Func<object, Task> callback) : IResourceAnnotation
{
    /// <summary>Receives the publishing context of the manifest writer.</summary>
    public Func<object, Task> Callback { get; } = callback;
}

public sealed record ContainerImageAnnotation(string Registry, string Image, string Tag) : IResourceAnnotation
{
    public string FullReference => $"{Registry}/{Image}:{Tag}";
}

public sealed record ContainerMountAnnotation(string? Source, string Target, bool IsVolume, bool IsReadOnly = false) : IResourceAnnotation;
