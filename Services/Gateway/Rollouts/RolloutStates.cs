using System.Collections.Concurrent;
using Gateway.Api.Redis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Gateway.Api.Rollouts;

// This replica's copy of the rollouts, which routing reads on every request. Redis is the truth whenever it answers:
// a change announced on the channel is read at once, and every RefreshInterval all of them are, in case an
// announcement was missed. While Redis does not answer, the replica keeps routing with the last weights it read.
sealed class RolloutStates(RolloutStore store, GatewayRedis redis, IOptions<RolloutOptions> options, TimeProvider time, ILogger<RolloutStates> logger)
    : BackgroundService
{
    readonly ConcurrentDictionary<string, RolloutState> states = new(
        options.Value.Canaries.Select(pair => KeyValuePair.Create(pair.Key, RolloutState.Initial(pair.Key, pair.Value))));

    // Reads are applied one at a time, so an older read never replaces a newer one.
    readonly SemaphoreSlim reading = new(1, 1);

    public IEnumerable<RolloutState> All => states.Values.OrderBy(state => state.Name, StringComparer.Ordinal);

    // The rollout of a stable cluster, by its id.
    public RolloutState? Find(string name) => states.GetValueOrDefault(name);

    // The rollout a cluster takes part in, as its stable or its canary.
    public (RolloutState Rollout, RolloutDestination Destination)? OfCluster(string clusterId)
    {
        if (states.TryGetValue(clusterId, out var rollout))
        {
            return (rollout, RolloutDestination.Stable);
        }

        foreach (var state in states.Values)
        {
            if (state.Canary == clusterId)
            {
                return (state, RolloutDestination.Canary);
            }
        }
        return null;
    }

    // A change this replica made itself: in effect here at once, without waiting for its own announcement.
    public async Task ApplyAsync(RolloutState state)
    {
        await reading.WaitAsync();
        try
        {
            if (state.Version > states[state.Name].Version)
            {
                states[state.Name] = state;
            }
        }
        finally
        {
            reading.Release();
        }
    }

    public async Task RefreshAsync(string name)
    {
        if (!states.TryGetValue(name, out var known))
        {
            return;
        }

        await reading.WaitAsync();
        try
        {
            var read = await store.ReadAsync(name, known.Canary);
            var previous = states[name];
            states[name] = read;
            if (read.Weight != previous.Weight || read.Status != previous.Status)
            {
                logger.LogInformation("Rollout {Rollout}: {Canary} now takes {Weight}% ({Status}, version {Version}).",
                    name, read.Canary, read.Weight, read.Status, read.Version);
            }
        }
        finally
        {
            reading.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (states.IsEmpty)
        {
            return;
        }

        // The connection is made in the background from start-up; an unreachable Redis still yields one, which reconnects.
        await redis.ConnectAsync().ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(stoppingToken);
        if (redis.Multiplexer is not { } multiplexer)
        {
            logger.LogWarning("Rollouts need the Redis connection \"{Name}\": every request goes to its stable cluster.", GatewayRedis.ConnectionName);
            return;
        }

        var subscribed = false;
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, time);
        do
        {
            // Once subscribed, the multiplexer subscribes again by itself after a reconnect.
            subscribed = subscribed || await TrySubscribeAsync(multiplexer);
            foreach (var name in states.Keys)
            {
                await RefreshQuietlyAsync(name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    async Task<bool> TrySubscribeAsync(IConnectionMultiplexer multiplexer)
    {
        try
        {
            await multiplexer.GetSubscriber().SubscribeAsync(RolloutStore.Changes, (channel, name) => _ = RefreshQuietlyAsync(name.ToString()));
            return true;
        }
        catch (RedisException e)
        {
            logger.LogDebug(e, "Not subscribed to rollout changes yet; trying again.");
            return false;
        }
    }

    async Task RefreshQuietlyAsync(string name)
    {
        try
        {
            await RefreshAsync(name);
        }
        catch (RolloutStoreUnavailableException e)
        {
            logger.LogDebug(e, "Rollout {Rollout} could not be read; routing with weight {Weight}.", name, states[name].Weight);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A state this gateway cannot read (written by another version of it?) leaves routing as it was.
            logger.LogWarning(e, "Rollout {Rollout} could not be read; routing with weight {Weight}.", name, states[name].Weight);
        }
    }
}
