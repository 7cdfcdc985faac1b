namespace CloudNative.Hosting.ApplicationModel;

/// <summary>The resource accepts environment variables (WithEnvironment, WithReference).</summary>
public interface IResourceWithEnvironment : IResource;

/// <summary>The resource accepts command-line arguments (WithArgs).</summary>
public interface IResourceWithArgs : IResource;

/// <summary>The resource exposes network endpoints.</summary>
public interface IResourceWithEndpoints : IResource;

/// <summary>The resource can be a WaitFor target and can wait for others.</summary>
public interface IResourceWithWaitSupport : IResource;

/// <summary>References to this resource inject <c>services__</c> variables for Microsoft.Extensions.ServiceDiscovery.</summary>
public interface IResourceWithServiceDiscovery : IResourceWithEndpoints;

public interface IResourceWithParent : IResource
{
    IResource Parent { get; }
}

public interface IResourceWithParent<out T> : IResourceWithParent where T : IResource
{
    new T Parent { get; }

    IResource IResourceWithParent.Parent => Parent;
}
