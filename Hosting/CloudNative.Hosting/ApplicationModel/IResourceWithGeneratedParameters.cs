namespace CloudNative.Hosting.ApplicationModel;

/// <summary>A resource that owns parameters created for it (a generated password) that are not in the model themselves.</summary>
public interface IResourceWithGeneratedParameters : IResource
{
    IEnumerable<ParameterResource> GeneratedParameters { get; }
}
