using System.Reflection;
using CloudNative.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CloudNative.Hosting.Testing;

internal sealed class TestingBuilder(DistributedApplicationBuilder inner, TestingSession session) : IDistributedApplicationTestingBuilder
{
    private DistributedApplication? _app;

    public ConfigurationManager Configuration => inner.Configuration;

    public IHostEnvironment Environment => inner.Environment;

    public IServiceCollection Services => inner.Services;

    public IList<IResource> Resources => inner.Resources;

    public DistributedApplicationExecutionContext ExecutionContext => inner.ExecutionContext;

    public string AppHostDirectory => inner.AppHostDirectory;

    public Assembly? AppHostAssembly => inner.AppHostAssembly;

    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource => inner.AddResource(resource);

    public IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource => inner.CreateResourceBuilder(resource);

    public DistributedApplication Build()
    {
        session.Release();
        return _app = inner.Build();
    }

    public Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken = default) => Task.FromResult(Build());

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
