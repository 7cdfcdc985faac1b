using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace CloudNative.Messaging.Tests.Infrastructure;

// The service's log in the test's output, so a failing test shows what the relay and consumer did.
internal sealed class TestOutputLoggerProvider(ITestOutputHelper output, string instance) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(output, $"{instance} {categoryName}");

    public void Dispose()
    {
    }

    private sealed class Logger(ITestOutputHelper output, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        // librdkafka's own chatter and EF's SQL stay out; the plumbing's decisions are the story.
        public bool IsEnabled(LogLevel logLevel) =>
            logLevel >= LogLevel.Warning || (logLevel >= LogLevel.Debug && category.Contains("CloudNative.Messaging", StringComparison.Ordinal));

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            try
            {
                output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})")}");
            }
            catch (InvalidOperationException)
            {
                // Background work logging after its test ended.
            }
        }
    }
}
