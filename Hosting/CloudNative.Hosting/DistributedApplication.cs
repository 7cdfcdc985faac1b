using CloudNative.Hosting.ApplicationModel;
using CloudNative.Hosting.Orchestration;
using CloudNative.Hosting.Publishing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CloudNative.Hosting;

/// <summary>The built application: runs the model (run mode) or writes it out (publish mode).</summary>
public sealed class DistributedApplication : IHost, IAsyncDisposable
{
    private readonly IHost _host;
    private readonly DistributedApplicationBuilder _builder;

    internal DistributedApplication(IHost host, DistributedApplicationBuilder builder)
    {
        _host = host;
        _builder = builder;
    }

    public IServiceProvider Services => _host.Services;

    public ResourceNotificationService ResourceNotifications => Services.GetRequiredService<ResourceNotificationService>();

    public ResourceLoggerService ResourceLogs => Services.GetRequiredService<ResourceLoggerService>();

    internal DistributedApplicationBuilder Builder => _builder;

    internal ApplicationOrchestrator Orchestrator => Services.GetRequiredService<ApplicationOrchestrator>();

    public static IDistributedApplicationBuilder CreateBuilder(string[] args) => CreateBuilder(new DistributedApplicationOptions { Args = args });

    public static IDistributedApplicationBuilder CreateBuilder(DistributedApplicationOptions options)
    {
        TestingHooks.ApplyTo(options);
        if (!TestingHooks.IsTesting)
        {
            FatalErrorReporter.Install();
        }

        return TestingHooks.Capture(new DistributedApplicationBuilder(options));
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => _host.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => _host.StopAsync(cancellationToken);

    /// <summary>
    /// Runs until Ctrl+C or SIGTERM, or publishes and returns. A problem the AppHost cannot work around is
    /// reported as one clear line and a non-zero exit code rather than a stack trace.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            if (_builder.ExecutionContext.IsPublishMode)
            {
                await PublisherSelector.PublishAsync(this, _builder, cancellationToken).ConfigureAwait(false);
                return;
            }

            await _host.StartAsync(cancellationToken).ConfigureAwait(false);
            await _host.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DistributedApplicationException ex)
        {
            Services.GetRequiredService<ILoggerFactory>().CreateLogger("CloudNative.Hosting.DistributedApplication").LogCritical("{Message}", ex.Message);
            await _host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            Environment.ExitCode = 1;
        }
    }

    public void Run() => RunAsync().GetAwaiter().GetResult();

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        if (_host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            _host.Dispose();
        }
    }
}
