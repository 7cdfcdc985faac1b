using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CloudNative.DashboardTests;

/// <summary>
/// The dashboard process's own output, as the AppHost forwards it to its loggers (category
/// "….Resources.aspire-dashboard"). A page the browser could not render ("An unhandled error has occurred") is explained
/// there, not in the page, so a failed UI test prints it.
/// </summary>
public sealed class DashboardLog : ILoggerProvider
{
    private const string CategorySuffix = ".aspire-dashboard";

    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyCollection<string> Lines => lines;

    public ILogger CreateLogger(string categoryName) =>
        categoryName.EndsWith(CategorySuffix, StringComparison.Ordinal) ? new Logger(lines) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel}: {formatter(state, exception)}");
    }
}
