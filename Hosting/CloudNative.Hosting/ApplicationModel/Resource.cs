namespace CloudNative.Hosting.ApplicationModel;

public abstract class Resource : IResource
{
    protected Resource(string name)
    {
        ResourceNameRules.ThrowIfInvalid(name);
        Name = name;
    }

    public string Name { get; }

    public ResourceAnnotationCollection Annotations { get; } = [];

    public override string ToString() => Name;
}
