using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis.Profiling;

namespace CloudNative.ServiceDefaults.Redis;

// StackExchange.Redis has no ActivitySource, and OpenTelemetry's Redis instrumentation is not available to us,
// so this does what that instrumentation does: it gives each traced operation a profiling session, and later
// turns the commands recorded in it into client spans under that operation, with their measured timestamps.
internal sealed class RedisCommandTracer : IDisposable
{
    // A second keeps the spans close behind their parents in the dashboard, whose export delay is also a second.
    private static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);

    private static readonly ActivitySource Source = new(ClientIntegrationTelemetry.RedisSourceName);

    private readonly ConcurrentDictionary<ActivityContext, TracedOperation> operations = new();

    // Commands issued outside any trace, such as from a background loop, become root spans.
    private readonly ProfilingSession untracedCommands = new();

    private readonly Timer flushTimer;

    public RedisCommandTracer() => flushTimer = new Timer(_ => Flush(), null, FlushInterval, FlushInterval);

    // The multiplexer calls this for every command.
    public ProfilingSession? GetSession()
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var parent = Activity.Current;
        if (parent is null)
        {
            return untracedCommands;
        }

        // A parent that is not recorded (a health probe, a sampled-out request) would drop its children anyway.
        return parent.Recorded
            ? operations.GetOrAdd(parent.Context, _ => new TracedOperation(parent, new ProfilingSession())).Session
            : null;
    }

    public void Flush()
    {
        Emit(untracedCommands, default);

        foreach (var (context, operation) in operations)
        {
            // Check before draining: a parent that has stopped issues no more commands, so this drain is its last.
            var parentStopped = operation.Parent.IsStopped;
            Emit(operation.Session, context);
            if (parentStopped)
            {
                operations.TryRemove(context, out _);
            }
        }
    }

    private static void Emit(ProfilingSession session, ActivityContext parent)
    {
        foreach (var command in session.FinishProfiling())
        {
            using var activity = Source.StartActivity(command.Command, ActivityKind.Client, parent,
                RedisSpanAttributes.For(command), startTime: command.CommandCreated);
            activity?.SetEndTime(command.CommandCreated + command.ElapsedTime);
        }
    }

    public void Dispose() => flushTimer.Dispose();

    private sealed record TracedOperation(Activity Parent, ProfilingSession Session);
}
