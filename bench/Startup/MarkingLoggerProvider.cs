using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CloudNative.Bench.Startup;

/// <summary>
/// Marks the in-process AppHost's log messages that say when DCP was launched and when its API server first
/// answered (Aspire's event source only says when the process was spawned). Sees only the categories added here.
/// </summary>
internal sealed class MarkingLoggerProvider(RunResult result, Stopwatch clock) : ILoggerProvider
{
    private static readonly (string Category, LogLevel Level, string Text, string Key)[] s_marks =
    [
        ("Aspire.Hosting.Dcp.DcpHost", LogLevel.Information, "Starting DCP with arguments", "dcp.launch"),
        ("Aspire.Hosting.Dcp.KubernetesService", LogLevel.Debug, "Successfully read Kubernetes configuration", "dcp.up"),
    ];

    public static void AddTo(IServiceCollection services, RunResult result, Stopwatch clock) =>
        services.AddLogging(logging =>
        {
            logging.AddProvider(new MarkingLoggerProvider(result, clock));
            foreach (var (category, level, _, _) in s_marks)
            {
                logging.AddFilter<MarkingLoggerProvider>(category, level);
            }

            logging.AddFilter<MarkingLoggerProvider>(_ => false);
        });

    public ILogger CreateLogger(string categoryName) => new Marker(categoryName, result, clock);

    public void Dispose()
    {
    }

    private sealed class Marker(string category, RunResult result, Stopwatch clock) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => s_marks.Any(m => m.Category == category && logLevel >= m.Level);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            foreach (var mark in s_marks.Where(m => m.Category == category))
            {
                if (formatter(state, exception).Contains(mark.Text, StringComparison.Ordinal))
                {
                    result.Mark(mark.Key, clock);
                }
            }
        }
    }
}
