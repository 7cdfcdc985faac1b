using Gateway.Api.Rollouts;

namespace Gateway.Api.Tests;

// The verdict on one window, and the pieces it rests on: sticky buckets and latency percentiles.
public class RolloutAnalysisTests
{
    static readonly RolloutOptions Options = new() { MinimumRequests = 20 };

    static RolloutState At(int weight) => RolloutState.Initial("catalog", "catalog-canary") with { Weight = weight, Status = RolloutStatus.Progressing, Version = 1 };

    // requests with errors, every one taking latencyMs.
    static WindowStats Stats(long requests, long errors, double latencyMs)
    {
        var buckets = new long[LatencyHistogram.BucketCount];
        buckets[LatencyHistogram.BucketOf(TimeSpan.FromMilliseconds(latencyMs))] = requests;
        return new WindowStats(requests, errors, buckets);
    }

    [Theory]
    [InlineData(10, 25)]
    [InlineData(25, 50)]
    [InlineData(50, 100)]
    [InlineData(1, 10)]
    public void A_healthy_canary_goes_up_one_step(int weight, int next)
    {
        var decision = RolloutAnalysis.Decide(At(weight), Stats(200, 2, 20), Stats(50, 0, 20), Options);

        Assert.Equal(RolloutVerdict.Promote, decision.Verdict);
        Assert.Equal(next, decision.Weight);
    }

    [Fact]
    public void A_canary_with_5_points_more_errors_than_stable_is_rolled_back()
    {
        var decision = RolloutAnalysis.Decide(At(25), Stats(200, 2, 20), Stats(100, 6, 20), Options);

        Assert.Equal(RolloutVerdict.RollBack, decision.Verdict);
        Assert.Equal(0, decision.Weight);
    }

    [Fact]
    public void A_canary_failing_30_percent_is_rolled_back()
    {
        Assert.Equal(RolloutVerdict.RollBack, RolloutAnalysis.Decide(At(10), Stats(200, 0, 20), Stats(20, 6, 20), Options).Verdict);
    }

    [Fact]
    public void A_canary_with_a_little_more_errors_goes_on()
    {
        Assert.Equal(RolloutVerdict.Promote, RolloutAnalysis.Decide(At(10), Stats(1000, 10, 20), Stats(100, 4, 20), Options).Verdict);
    }

    [Fact]
    public void A_canary_much_slower_than_stable_is_rolled_back()
    {
        var decision = RolloutAnalysis.Decide(At(50), Stats(200, 0, 40), Stats(200, 0, 300), Options);

        Assert.Equal(RolloutVerdict.RollBack, decision.Verdict);
        Assert.Contains("p95", decision.Reason);
    }

    [Fact]
    public void A_canary_twice_as_slow_but_only_by_milliseconds_goes_on()
    {
        Assert.Equal(RolloutVerdict.Promote, RolloutAnalysis.Decide(At(50), Stats(200, 0, 4), Stats(200, 0, 24), Options).Verdict);
    }

    [Theory]
    [InlineData(19, 200)]
    [InlineData(200, 19)]
    public void Too_few_requests_on_either_side_decide_nothing(long canary, long stable)
    {
        var decision = RolloutAnalysis.Decide(At(10), Stats(stable, 0, 20), Stats(canary, canary, 20), Options);

        Assert.Equal(RolloutVerdict.Inconclusive, decision.Verdict);
        Assert.Equal(10, decision.Weight);
    }

    [Fact]
    public void The_p95_is_the_bucket_that_holds_the_95th_percentile()
    {
        var buckets = new long[LatencyHistogram.BucketCount];
        buckets[LatencyHistogram.BucketOf(TimeSpan.FromMilliseconds(8))] = 94;
        buckets[LatencyHistogram.BucketOf(TimeSpan.FromMilliseconds(400))] = 6;

        Assert.Equal(TimeSpan.FromMilliseconds(500), LatencyHistogram.Percentile(buckets, 0.95));
        Assert.Equal(TimeSpan.FromMilliseconds(10), LatencyHistogram.Percentile(buckets, 0.90));
    }

    [Fact]
    public void Sticky_buckets_are_stable_and_spread_evenly()
    {
        var buckets = Enumerable.Range(0, 10_000).Select(i => StickyBucket.Of("catalog", $"user:{i}")).ToList();

        Assert.Equal(buckets, Enumerable.Range(0, 10_000).Select(i => StickyBucket.Of("catalog", $"user:{i}")));
        Assert.All(buckets, bucket => Assert.InRange(bucket, 0, 99));
        // 1000 expected per tenth; the bounds are 10 standard deviations wide.
        Assert.All(buckets.GroupBy(bucket => bucket / 10), tenth => Assert.InRange(tenth.Count(), 700, 1300));
    }

    [Fact]
    public void Settings_that_break_the_rules_are_refused()
    {
        Assert.True(new RolloutOptions().IsValid(out _));
        Assert.False(new RolloutOptions { Steps = [10, 50] }.IsValid(out var error));
        Assert.Contains("Steps", error);
        Assert.False(new RolloutOptions { Steps = [50, 25, 100] }.IsValid(out _));
        Assert.False(new RolloutOptions { Window = TimeSpan.Zero }.IsValid(out _));
        Assert.False(new RolloutOptions { Canaries = new() { ["catalog"] = "catalog" } }.IsValid(out _));
    }
}
