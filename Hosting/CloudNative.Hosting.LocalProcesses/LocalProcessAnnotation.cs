using Aspire.Hosting.ApplicationModel;

namespace CloudNative.Hosting.LocalProcesses;

/// <summary>Marks a container resource that can run as a local process, and how.</summary>
public sealed class LocalProcessAnnotation(ILocalProcessRecipe recipe) : IResourceAnnotation
{
    public ILocalProcessRecipe Recipe { get; } = recipe;
}
