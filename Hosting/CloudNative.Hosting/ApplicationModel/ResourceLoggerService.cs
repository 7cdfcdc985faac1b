using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace CloudNative.Hosting.ApplicationModel;

public sealed record LogLine(DateTimeOffset Timestamp, string ReplicaId, string Content, bool IsErrorMessage);

/// <summary>Console output of every replica, kept per resource (bounded) and streamed to watchers.</summary>
public sealed class ResourceLoggerService
{
    /// <summary>Aspire dashboard's default MaxConsoleLogCount.</summary>
    private const int MaxLinesPerResource = 10_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<LogLine>> _lines = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<Channel<LogLine>>> _watchers = new(StringComparer.OrdinalIgnoreCase);

    internal event Action<string, LogLine>? LineWritten;

    public void Write(string resourceName, string replicaId, string content, bool isError)
    {
        var line = new LogLine(DateTimeOffset.UtcNow, replicaId, content, isError);
        Channel<LogLine>[] watchers;
        lock (_gate)
        {
            if (!_lines.TryGetValue(resourceName, out var queue))
            {
                _lines[resourceName] = queue = new Queue<LogLine>();
            }

            queue.Enqueue(line);
            if (queue.Count > MaxLinesPerResource)
            {
                queue.Dequeue();
            }

            watchers = _watchers.TryGetValue(resourceName, out var list) ? [.. list] : [];
        }

        foreach (var watcher in watchers)
        {
            watcher.Writer.TryWrite(line);
        }

        LineWritten?.Invoke(resourceName, line);
    }

    public IReadOnlyList<LogLine> GetLines(string resourceName)
    {
        lock (_gate)
        {
            return _lines.TryGetValue(resourceName, out var queue) ? [.. queue] : [];
        }
    }

    /// <summary>The lines so far, then new ones, until cancelled.</summary>
    public async IAsyncEnumerable<LogLine> WatchAsync(string resourceName, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateUnbounded<LogLine>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate)
        {
            if (_lines.TryGetValue(resourceName, out var queue))
            {
                foreach (var line in queue)
                {
                    channel.Writer.TryWrite(line);
                }
            }

            if (!_watchers.TryGetValue(resourceName, out var list))
            {
                _watchers[resourceName] = list = [];
            }

            list.Add(channel);
        }

        try
        {
            await foreach (var line in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return line;
            }
        }
        finally
        {
            lock (_gate)
            {
                _watchers[resourceName].Remove(channel);
            }
        }
    }
}
