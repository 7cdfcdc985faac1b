using System.Globalization;
using Gateway.Api.Redis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Gateway.Api.Rollouts;

// The rollouts and their samples in Redis, shared by the gateway replicas:
// - gateway:rollout:{name}: the state (a hash), changed only by compare-and-set on its version, and each change
//   announced on the Changes channel so the other replicas route with it at once;
// - gateway:rollout:{name}:samples:{version}:{window}:{stable|canary}: requests, errors and latency buckets that
//   every replica adds its own to;
// - gateway:rollout:{name}:verdict:{version}:{window}: taken by the one replica that judges that window.
sealed class RolloutStore(GatewayRedis redis, IOptionsMonitor<RolloutOptions> options, TimeProvider time)
{
    public static readonly RedisChannel Changes = RedisChannel.Literal("gateway:rollouts:changes");

    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    static readonly RedisValue[] StateFields = ["version", "weight", "status", "reason", "changed"];

    // KEYS[1] the state; ARGV: expected version, weight, status, reason, changed (unix ms), channel, name.
    // Returns the new version, or -1 when the state has moved on since it was read.
    const string CompareAndSet = """
        local version = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
        if version ~= tonumber(ARGV[1]) then
          return -1
        end
        version = version + 1
        redis.call('HSET', KEYS[1], 'version', version, 'weight', ARGV[2], 'status', ARGV[3], 'reason', ARGV[4], 'changed', ARGV[5])
        redis.call('PUBLISH', ARGV[6], ARGV[7])
        return version
        """;

    public async Task<RolloutState> ReadAsync(string name, string canary)
    {
        var values = await RunAsync(database => database.HashGetAsync(StateKey(name), StateFields));
        if (values[0].IsNull)
        {
            return RolloutState.Initial(name, canary);
        }

        return new RolloutState(name, canary,
            Weight: (int)values[1],
            Status: Enum.Parse<RolloutStatus>((string)values[2]!),
            Version: (long)values[0],
            Reason: values[3].IsNullOrEmpty ? null : (string?)values[3],
            ChangedAt: DateTimeOffset.FromUnixTimeMilliseconds((long)values[4]));
    }

    // The new state, or null when the rollout changed since `current` was read (the caller reads again and decides anew).
    public async Task<RolloutState?> TryChangeAsync(RolloutState current, int weight, RolloutStatus status, string reason)
    {
        var changedAt = time.GetUtcNow();
        var version = (long)await RunAsync(database => database.ScriptEvaluateAsync(CompareAndSet, [StateKey(current.Name)],
        [
            current.Version, weight, status.ToString(), reason, changedAt.ToUnixTimeMilliseconds(), Changes.ToString(), current.Name,
        ]));
        return version < 0 ? null : current with { Weight = weight, Status = status, Version = version, Reason = reason, ChangedAt = changedAt };
    }

    public Task AddSamplesAsync(SampleKey key, WindowStats stats) => RunAsync(async database =>
    {
        var hash = SamplesKey(key.Rollout, key.Version, key.Window, key.Destination);
        var batch = database.CreateBatch();
        List<Task> writes = [batch.HashIncrementAsync(hash, "requests", stats.Requests), batch.HashIncrementAsync(hash, "errors", stats.Errors)];
        for (var i = 0; i < stats.Buckets.Length; i++)
        {
            if (stats.Buckets[i] > 0)
            {
                writes.Add(batch.HashIncrementAsync(hash, $"b{i}", stats.Buckets[i]));
            }
        }
        // Kept for a few windows: long enough to be judged, gone without anyone cleaning up.
        writes.Add(batch.KeyExpireAsync(hash, options.CurrentValue.Window * 10));
        batch.Execute();
        await Task.WhenAll(writes);
        return true;
    });

    public async Task<WindowStats> ReadSamplesAsync(string rollout, long version, long window, RolloutDestination destination)
    {
        var entries = await RunAsync(database => database.HashGetAllAsync(SamplesKey(rollout, version, window, destination)));
        var fields = entries.ToDictionary(entry => entry.Name.ToString(), entry => (long)entry.Value);
        var buckets = new long[LatencyHistogram.BucketCount];
        for (var i = 0; i < buckets.Length; i++)
        {
            buckets[i] = fields.GetValueOrDefault($"b{i}");
        }
        return new WindowStats(fields.GetValueOrDefault("requests"), fields.GetValueOrDefault("errors"), buckets);
    }

    // True for the one replica that takes the window's verdict.
    public Task<bool> TryClaimVerdictAsync(string rollout, long version, long window) => RunAsync(database =>
        database.StringSetAsync($"{StateKey(rollout)}:verdict:{version}:{window}", Environment.MachineName + ":" + Environment.ProcessId,
            options.CurrentValue.Window * 10, When.NotExists));

    static string StateKey(string name) => $"gateway:rollout:{name}";

    static string SamplesKey(string rollout, long version, long window, RolloutDestination destination) =>
        string.Create(CultureInfo.InvariantCulture, $"{StateKey(rollout)}:samples:{version}:{window}:{destination.ToString().ToLowerInvariant()}");

    async Task<T> RunAsync<T>(Func<IDatabase, Task<T>> command)
    {
        if (redis.Multiplexer is not { } multiplexer)
        {
            throw new RolloutStoreUnavailableException("The gateway has no Redis connection (yet).");
        }

        try
        {
            return await command(multiplexer.GetDatabase()).WaitAsync(Timeout);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            throw new RolloutStoreUnavailableException("Redis did not answer.", e);
        }
    }
}
