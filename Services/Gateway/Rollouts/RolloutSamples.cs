using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Gateway.Api.Rollouts;

// Each request to a progressing rollout's clusters, counted in this replica's memory by window and sent to Redis
// every FlushInterval, where the replicas' counts add up. Only while the rollout progresses: otherwise there is
// nothing to judge.
sealed class RolloutSamples(RolloutStore store, RolloutStates states, RolloutMetrics metrics, IOptions<RolloutOptions> options,
    TimeProvider time, ILogger<RolloutSamples> logger) : BackgroundService
{
    readonly ConcurrentDictionary<SampleKey, Counts> pending = new();
    readonly RolloutWindows windows = new(options.Value.Window);

    // Wraps the forwarding handler of a cluster that takes part in a rollout; other clusters' stay as they are.
    public HttpMessageHandler Wrap(string clusterId, HttpMessageHandler inner) => states.OfCluster(clusterId) is var (rollout, destination)
        ? new RolloutSampleHandler(this, rollout.Name, destination, time) { InnerHandler = inner }
        : inner;

    public void Record(string rollout, RolloutDestination destination, bool failed, TimeSpan latency)
    {
        if (states.Find(rollout) is not { Status: RolloutStatus.Progressing } state)
        {
            return;
        }

        metrics.Served(rollout, destination, failed);
        var key = new SampleKey(rollout, state.Version, windows.IndexAt(time.GetUtcNow()), destination);
        while (!pending.GetOrAdd(key, _ => new()).TryAdd(failed, latency))
        {
            // Taken for sending just now: counted in a fresh one.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.FlushInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await FlushAsync();
        }
    }

    public async Task FlushAsync()
    {
        foreach (var key in pending.Keys)
        {
            if (!pending.TryRemove(key, out var counts))
            {
                continue;
            }

            try
            {
                await store.AddSamplesAsync(key, counts.Close());
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Without Redis no window can be judged, so the rollout holds its weight; the samples are of no use later.
                logger.LogWarning(e, "Rollout {Rollout}: {Destination} samples of window {Window} were not shared; the window cannot be judged.",
                    key.Rollout, key.Destination, key.Window);
            }
        }
    }

    sealed class Counts
    {
        readonly long[] buckets = new long[LatencyHistogram.BucketCount];
        long requests;
        long errors;
        bool closed;

        public bool TryAdd(bool failed, TimeSpan latency)
        {
            lock (buckets)
            {
                if (closed)
                {
                    return false;
                }
                requests++;
                errors += failed ? 1 : 0;
                buckets[LatencyHistogram.BucketOf(latency)]++;
                return true;
            }
        }

        public WindowStats Close()
        {
            lock (buckets)
            {
                closed = true;
                return new WindowStats(requests, errors, buckets);
            }
        }
    }
}
