namespace CloudNative.Hosting;

/// <summary>
/// Implemented by the <c>Projects.*</c> classes the AppHost build generates from its project references,
/// as Aspire's AppHost SDK does.
/// </summary>
public interface IProjectMetadata
{
    string ProjectPath { get; }

    /// <summary>The built assembly, when the generator knows it.</summary>
    string? TargetPath => null;

    bool SuppressBuild => true;
}
