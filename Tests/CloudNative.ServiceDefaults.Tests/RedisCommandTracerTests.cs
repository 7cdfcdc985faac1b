using System.Diagnostics;
using System.Net;
using CloudNative.ServiceDefaults.Redis;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;
using StackExchange.Redis.Profiling;

namespace CloudNative.ServiceDefaults.Tests;

// Filling a profiling session takes a Redis server; these cover how sessions are handed out and how a
// recorded command becomes span attributes.
public class RedisCommandTracerTests
{
    [Fact]
    public void Nothing_is_profiled_while_nobody_listens()
    {
        using var tracer = new RedisCommandTracer();
        using var parent = new Activity("request").Start();

        Assert.Null(tracer.GetSession());
    }

    [Fact]
    public void Commands_of_one_operation_share_its_session()
    {
        using var collector = new ActivityCollector(ClientIntegrationTelemetry.RedisSourceName);
        using var tracer = new RedisCommandTracer();

        var first = tracer.GetSession();
        var second = tracer.GetSession();
        using var child = new Activity("child").Start();
        var childSession = tracer.GetSession();

        Assert.NotNull(first);
        Assert.Same(first, second);
        Assert.NotNull(childSession);
        Assert.NotSame(first, childSession);
    }

    [Fact]
    public void Commands_outside_any_trace_share_one_session()
    {
        using var collector = new ActivityCollector(ClientIntegrationTelemetry.RedisSourceName);
        using var tracer = new RedisCommandTracer();
        Activity.Current = null;

        var session = tracer.GetSession();

        Assert.NotNull(session);
        Assert.Same(session, tracer.GetSession());
    }

    [Fact]
    public void Commands_under_an_unrecorded_parent_are_not_profiled()
    {
        using var collector = new ActivityCollector(ClientIntegrationTelemetry.RedisSourceName);
        using var tracer = new RedisCommandTracer();
        using var probe = new Activity("health probe").Start();
        probe.ActivityTraceFlags = ActivityTraceFlags.None;

        Assert.Null(tracer.GetSession());
    }

    [Fact]
    public void A_command_becomes_database_semantic_convention_attributes()
    {
        var attributes = RedisSpanAttributes.For(new FakeCommand(new DnsEndPoint("cache", 6380), Db: 2, Command: "HGETALL"));

        Assert.Equal(
            [
                new("db.system.name", "redis"),
                new("db.operation.name", "HGETALL"),
                new("server.address", "cache"),
                new("server.port", 6380),
                new("db.namespace", "2"),
            ],
            attributes);
    }

    [Fact]
    public void An_IP_endpoint_gives_its_address()
    {
        var attributes = RedisSpanAttributes.For(new FakeCommand(new IPEndPoint(IPAddress.Loopback, 6379), Db: 0, Command: "GET"));

        Assert.Contains(new("server.address", "127.0.0.1"), attributes);
        Assert.Contains(new("server.port", 6379), attributes);
        Assert.Contains(new("db.namespace", "0"), attributes);
    }

    [Fact]
    public void A_command_without_a_database_has_no_namespace()
    {
        var attributes = RedisSpanAttributes.For(new FakeCommand(new IPEndPoint(IPAddress.Loopback, 6379), Db: -1, Command: "PING"));

        Assert.DoesNotContain(attributes, a => a.Key == "db.namespace");
    }

    private sealed record FakeCommand(EndPoint EndPoint, int Db, string Command) : IProfiledCommand
    {
        public CommandFlags Flags => CommandFlags.None;
        public DateTime CommandCreated => DateTime.UtcNow;
        public TimeSpan CreationToEnqueued => TimeSpan.Zero;
        public TimeSpan EnqueuedToSending => TimeSpan.Zero;
        public TimeSpan SentToResponse => TimeSpan.Zero;
        public TimeSpan ResponseToCompletion => TimeSpan.Zero;
        public TimeSpan ElapsedTime => TimeSpan.Zero;
        public IProfiledCommand? RetransmissionOf => null;
        public RetransmissionReasonType? RetransmissionReason => null;
    }
}
