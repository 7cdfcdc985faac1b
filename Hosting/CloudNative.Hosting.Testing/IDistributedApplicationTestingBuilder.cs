namespace CloudNative.Hosting.Testing;

/// <summary>The AppHost's own builder, taken from its Program.cs before Build(), to adjust and build in a test.</summary>
public interface IDistributedApplicationTestingBuilder : IDistributedApplicationBuilder, IAsyncDisposable, IDisposable
{
    Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken = default);
}
