using Microsoft.Extensions.Logging;

namespace CloudNative.Hosting.Publishing;

/// <summary>
/// Publish mode's console output: one line per message, written synchronously, so that "Published manifest to: …"
/// or the reason for a failure is on the console before the process exits (the AppHost is not disposed first).
/// Errors go to standard error.
/// </summary>
internal sealed class PublishConsoleLoggerProvider : ILoggerProvider
{
    private static readonly Lock s_gate = new();

    public ILogger CreateLogger(string categoryName) => new PublishConsoleLogger(categoryName);

    public void Dispose()
    {
    }

    private sealed class PublishConsoleLogger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var line = $"{Label(logLevel)}: {category}[{eventId.Id}] {formatter(state, exception)}";
            lock (s_gate)
            {
                (logLevel >= LogLevel.Error ? Console.Error : Console.Out).WriteLine(line);
            }
        }

        private static string Label(LogLevel logLevel) => logLevel switch
        {
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "fail",
            LogLevel.Critical => "crit",
            _ => logLevel.ToString().ToLowerInvariant(),
        };
    }
}
