using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CloudNative.Tests.Shared;
using Gateway.Api.Rollouts;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Api.Tests;

// The catalog rollout end to end in the gateway: stand-ins for catalog and catalog-canary, a real Redis, one-second
// analysis windows, and users signed in with access tokens (stickiness goes by their "sub").
public class RolloutTests
{
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    // Users in the canary's share at weight 10 and outside it: chosen by the same hash the gateway uses.
    static readonly string[] Users = [.. Enumerable.Range(0, 60).Select(i => $"user-{i}")];

    static bool InCanaryAt(int weight, string user) => StickyBucket.Of(RolloutGateway.Rollout, $"user:{user}") < weight;

    [Fact]
    public async Task The_admin_api_needs_an_admin()
    {
        await using var rig = await RolloutRig.StartAsync();
        await using var gateway = await rig.GatewayAsync();

        using var anonymous = gateway.Factory.CreateClient();
        using var customer = gateway.Factory.CreateClient();
        customer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestIdentity.Shared.CustomerToken());
        using var admin = gateway.Admin();

        foreach (var (method, path) in new[] { ("GET", "/admin/rollouts"), ("GET", "/admin/rollouts/catalog"), ("PUT", "/admin/rollouts/catalog"),
                     ("POST", "/admin/rollouts/catalog/promote"), ("POST", "/admin/rollouts/catalog/rollback") })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(Request(method, path))).StatusCode);
            var forbidden = await customer.SendAsync(Request(method, path));
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
            Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(0, (await gateway.StateAsync()).Weight);

        using var list = await admin.GetAsync("/admin/rollouts");
        using var rollouts = JsonDocument.Parse(await list.Content.ReadAsStringAsync());
        var rollout = Assert.Single(rollouts.RootElement.EnumerateArray());
        Assert.Equal("catalog", rollout.GetProperty("name").GetString());
        Assert.Equal("catalog-canary", rollout.GetProperty("canary").GetString());
        Assert.Equal("Off", rollout.GetProperty("status").GetString());

        static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
        {
            Content = method == "PUT" ? JsonContent.Create(new { weight = 50 }) : null,
        };
    }

    [Theory]
    [InlineData("""{"weight":101}""")]
    [InlineData("""{"weight":-1}""")]
    [InlineData("""{}""")]
    [InlineData("""{"weight":"half"}""")]
    [InlineData("""{"weight":""")]
    [InlineData("""[]""")]
    public async Task A_bad_weight_is_a_400_problem_and_changes_nothing(string body)
    {
        await using var rig = await RolloutRig.StartAsync();
        await using var gateway = await rig.GatewayAsync();
        using var admin = gateway.Admin();

        using var response = await admin.PutAsync("/admin/rollouts/catalog", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, (await gateway.StateAsync()).Version);
    }

    [Fact]
    public async Task An_unknown_rollout_is_a_404_problem()
    {
        await using var rig = await RolloutRig.StartAsync();
        await using var gateway = await rig.GatewayAsync();
        using var admin = gateway.Admin();

        using var get = await admin.GetAsync("/admin/rollouts/basket");
        using var put = await admin.PutAsJsonAsync("/admin/rollouts/basket", new { weight = 10 });

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal("application/problem+json", put.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Each_user_stays_on_one_side_and_the_weight_decides_how_many_go_to_the_canary()
    {
        await using var rig = await RolloutRig.StartAsync();
        await using var gateway = await rig.GatewayAsync();

        Assert.Equal(RolloutStatus.Paused, (await gateway.SetWeightAsync(50, analysis: false)).Status);

        foreach (var user in Users)
        {
            var expected = InCanaryAt(50, user) ? "catalog-canary" : "catalog";
            for (var i = 0; i < 3; i++)
            {
                var (status, servedBy) = await gateway.ReadAsync(user);
                Assert.Equal(HttpStatusCode.OK, status);
                Assert.Equal(expected, servedBy);
            }
        }
        Assert.Contains(Users, user => InCanaryAt(50, user));
        Assert.Contains(Users, user => !InCanaryAt(50, user));

        // Raising the weight moves more users over and none back.
        await gateway.SetWeightAsync(75, analysis: false);
        foreach (var user in Users.Where(user => InCanaryAt(50, user)))
        {
            Assert.Equal("catalog-canary", (await gateway.ReadAsync(user)).ServedBy);
        }
    }

    [Fact]
    public async Task Blue_green_switches_everyone_at_once_and_rolls_back_at_once()
    {
        await using var rig = await RolloutRig.StartAsync();
        await using var gateway = await rig.GatewayAsync();

        Assert.Equal(RolloutStatus.Promoted, (await gateway.SetWeightAsync(100)).Status);
        foreach (var user in Users.Take(10).Append(null))
        {
            Assert.Equal("catalog-canary", (await gateway.ReadAsync(user)).ServedBy);
        }

        using var admin = gateway.Admin();
        using var rollback = await admin.PostAsync("/admin/rollouts/catalog/rollback", null);
        Assert.Equal(HttpStatusCode.OK, rollback.StatusCode);
        foreach (var user in Users.Take(10).Append(null))
        {
            Assert.Equal("catalog", (await gateway.ReadAsync(user)).ServedBy);
        }
        Assert.Equal(RolloutStatus.RolledBack, (await gateway.StateAsync()).Status);
    }

    [Fact]
    public async Task A_canary_failing_30_percent_of_requests_is_rolled_back()
    {
        await using var rig = await RolloutRig.StartAsync(canaryErrorRate: 0.3);
        await using var gateway = await rig.GatewayAsync();

        await gateway.SetWeightAsync(50);
        await Until.TrueAsync(() => gateway.DriveUntilAsync(Users, state => state.Status != RolloutStatus.Progressing), Bound);

        var state = await gateway.StateAsync();
        Assert.Equal(RolloutStatus.RolledBack, state.Status);
        Assert.Equal(0, state.Weight);
        Assert.Contains("error rate", state.Reason);
        foreach (var user in Users.Where(user => InCanaryAt(50, user)))
        {
            Assert.Equal("catalog", (await gateway.ReadAsync(user)).ServedBy);
        }
    }

    [Fact]
    public async Task Every_decision_is_counted_and_the_analysis_traced_and_the_weight_is_a_gauge()
    {
        await using var rig = await RolloutRig.StartAsync(canaryErrorRate: 0.3);
        await using var gateway = await rig.GatewayAsync();
        var meters = gateway.Factory.Services.GetRequiredService<IMeterFactory>();
        var decisions = new ConcurrentQueue<(string Decision, string Source)>();
        var weights = new ConcurrentQueue<int>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == RolloutMetrics.Name && instrument.Meter.Scope == meters)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
        {
            if (instrument.Name == "gateway.rollout.decisions")
            {
                decisions.Enqueue((Tag(tags, "gateway.rollout.decision"), Tag(tags, "gateway.rollout.source")));
            }
        });
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) =>
        {
            if (instrument.Name == "gateway.rollout.weight")
            {
                weights.Enqueue(value);
            }
        });
        listener.Start();
        var analyses = new ConcurrentQueue<Activity>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == RolloutMetrics.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = analyses.Enqueue,
        };
        ActivitySource.AddActivityListener(activities);

        await gateway.SetWeightAsync(50);
        listener.RecordObservableInstruments();
        await Until.TrueAsync(() => gateway.DriveUntilAsync(Users, state => state.Status != RolloutStatus.Progressing), Bound);

        Assert.Contains(("set", "admin"), decisions);
        Assert.Contains(("rollback", "analysis"), decisions);
        Assert.Contains(50, weights);
        var rollback = Assert.Single(analyses, activity => (string?)activity.GetTagItem("gateway.rollout.decision") == "rollback");
        Assert.Equal(ActivityStatusCode.Error, rollback.Status);
        Assert.Equal(50, rollback.GetTagItem("gateway.rollout.weight"));
        Assert.True((double)rollback.GetTagItem("gateway.rollout.canary.error_rate")! > (double)rollback.GetTagItem("gateway.rollout.stable.error_rate")!);

        static string Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
        {
            foreach (var tag in tags)
            {
                if (tag.Key == name)
                {
                    return (string)tag.Value!;
                }
            }
            return "";
        }
    }

    [Fact]
    public async Task A_healthy_canary_is_promoted_step_by_step_to_100()
    {
        await using var rig = await RolloutRig.StartAsync();
        await using var gateway = await rig.GatewayAsync(minimumRequests: 5);

        await gateway.SetWeightAsync(10);
        var weights = new List<int>();
        await Until.TrueAsync(() => gateway.DriveUntilAsync(Users, state =>
        {
            if (weights.Count == 0 || weights[^1] != state.Weight)
            {
                weights.Add(state.Weight);
            }
            return state.Status != RolloutStatus.Progressing;
        }), Bound);

        var state = await gateway.StateAsync();
        Assert.Equal(RolloutStatus.Promoted, state.Status);
        Assert.Equal(100, state.Weight);
        // Three promotions after the admin's change (version 1), each a window of its own; those seen came in order.
        Assert.Equal(4, state.Version);
        Assert.Equal(weights.Order(), weights);
        Assert.Subset(new HashSet<int>([10, 25, 50, 100]), weights.ToHashSet());
        Assert.Equal("catalog-canary", (await gateway.ReadAsync(Users[0])).ServedBy);
    }

    [Fact]
    public async Task Two_gateway_replicas_share_the_rollout_through_redis()
    {
        await using var rig = await RolloutRig.StartAsync();
        await using var first = await rig.GatewayAsync();
        await using var second = await rig.GatewayAsync();
        var canaryUser = Users.First(user => InCanaryAt(30, user));

        await first.SetWeightAsync(30, analysis: false);

        await Until.TrueAsync(async () => (await second.StateAsync()).Weight == 30, Bound);
        Assert.Equal("catalog-canary", (await second.ReadAsync(canaryUser)).ServedBy);

        using var admin = second.Admin();
        (await admin.PostAsync("/admin/rollouts/catalog/rollback", null)).EnsureSuccessStatusCode();
        await Until.TrueAsync(async () => (await first.StateAsync()).Weight == 0, Bound);
        Assert.Equal("catalog", (await first.ReadAsync(canaryUser)).ServedBy);
        Assert.Equal(2, (await first.StateAsync()).Version);
    }

    [Fact]
    public async Task Samples_from_both_replicas_add_up_in_one_window()
    {
        await using var rig = await RolloutRig.StartAsync(canaryErrorRate: 0.3);
        // Each replica alone sees too few requests to judge; only both together reach the minimum.
        await using var first = await rig.GatewayAsync(minimumRequests: 30);
        await using var second = await rig.GatewayAsync(minimumRequests: 30);
        var canaryUsers = Users.Where(user => InCanaryAt(50, user)).Take(20).ToArray();
        var stableUsers = Users.Where(user => !InCanaryAt(50, user)).Take(20).ToArray();

        await first.SetWeightAsync(50);
        await Until.TrueAsync(async () => (await second.StateAsync()).Status == RolloutStatus.Progressing, Bound);
        await Until.TrueAsync(async () =>
        {
            await first.DriveUntilAsync(canaryUsers.Take(10).Concat(stableUsers.Take(10)), _ => true);
            return await second.DriveUntilAsync(canaryUsers.Skip(10).Concat(stableUsers.Skip(10)), state => state.Status != RolloutStatus.Progressing);
        }, Bound);

        Assert.Equal(RolloutStatus.RolledBack, (await first.StateAsync()).Status);
    }

    [Fact]
    public async Task Keeps_routing_with_the_last_weights_while_redis_is_down_and_refuses_changes()
    {
        var redis = await RedisServer.StartAsync();
        await using var stable = await StubCatalog.StartAsync();
        await using var canary = await StubCatalog.StartAsync();
        await using var gateway = await RolloutGateway.StartAsync(stable, canary, redis.ConnectionString);
        await gateway.SetWeightAsync(100);

        await redis.DisposeAsync();

        foreach (var user in Users.Take(5))
        {
            Assert.Equal("catalog-canary", (await gateway.ReadAsync(user)).ServedBy);
        }
        using var admin = gateway.Admin();
        using var change = await admin.PostAsync("/admin/rollouts/catalog/rollback", null);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, change.StatusCode);
        Assert.Equal("application/problem+json", change.Content.Headers.ContentType?.MediaType);
        Assert.Equal("catalog-canary", (await gateway.ReadAsync(Users[0])).ServedBy);
    }
}
