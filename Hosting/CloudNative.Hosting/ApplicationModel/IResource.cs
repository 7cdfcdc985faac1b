namespace CloudNative.Hosting.ApplicationModel;

/// <summary>A named part of the distributed application: a project, a backing service, a parameter.</summary>
public interface IResource
{
    string Name { get; }

    ResourceAnnotationCollection Annotations { get; }
}
