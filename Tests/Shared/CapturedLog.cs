using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CloudNative.Tests.Shared;

/// <summary>
/// What an app logged, kept in memory as "level category: message exception" for a test to assert on or print: the
/// entries of the categories and levels <paramref name="captures"/> admits.
/// </summary>
public sealed class CapturedLog(Func<string, LogLevel, bool> captures) : ILoggerProvider
{
    private readonly ConcurrentQueue<string> entries = new();

    public IReadOnlyCollection<string> Entries => entries;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, captures, entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, Func<string, LogLevel, bool> captures, ConcurrentQueue<string> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => captures(category, logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception?.Message}");
            }
        }
    }
}
