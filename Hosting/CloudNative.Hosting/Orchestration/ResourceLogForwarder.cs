using CloudNative.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CloudNative.Hosting.Orchestration;

/// <summary>Copies every resource's console output to the AppHost's logger (category = resource name), as Aspire's testing builder does.</summary>
internal sealed class ResourceLogForwarder(ResourceLoggerService logs, ILoggerFactory loggerFactory) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logs.LineWritten += Forward;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        logs.LineWritten -= Forward;
        return Task.CompletedTask;
    }

    private void Forward(string resourceName, LogLine line) =>
        loggerFactory.CreateLogger($"{resourceName}").Log(line.IsErrorMessage ? LogLevel.Warning : LogLevel.Information, "[{Replica}] {Line}", line.ReplicaId, line.Content);
}
