using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ordering.Api.Extensions;
using Ordering.Api.Saga;
using Ordering.Api.Tests.Infrastructure;

namespace Ordering.Api.Tests;

[Collection(OrderingCollection.Name)]
public sealed class CheckoutAdmissionTests(OrderingFixture fixture)
{
    [Fact]
    public async Task WhileTheSagasAreBehindCheckoutRefusesNewOrdersWithRetryAfterAndStillReplaysAcceptedOnes()
    {
        using var client = fixture.ClientFor($"admission-{Guid.NewGuid()}");
        var replayKey = Guid.NewGuid().ToString();
        var replayed = await client.CheckoutAcceptedAsync(OrderingHttp.Items((1, 1)), replayKey);
        // A saga that waits for stock which never answers: the oldest open step, and growing.
        await client.CheckoutAcceptedAsync(OrderingHttp.Items((SagaParticipants.SilentProduct, 1)));

        var backlog = fixture.App.Services.GetRequiredService<SagaBacklog>();
        var limits = fixture.App.Services.GetRequiredService<IOptionsMonitorCache<OrderingOptions>>();
        var configured = fixture.App.Services.GetRequiredService<IOptionsMonitor<OrderingOptions>>().CurrentValue;
        try
        {
            // The app's own measuring may put the configured options back between the two calls.
            do
            {
                limits.TryRemove(Options.DefaultName);
            }
            while (!limits.TryAdd(Options.DefaultName, new OrderingOptions { SagaTimeout = configured.SagaTimeout, MaxSagaWait = TimeSpan.Zero }));
            await backlog.RefreshAsync(default);
            Assert.True(backlog.IsFull);

            var key = Guid.NewGuid().ToString();
            using (var refused = await client.CheckoutAsync(OrderingHttp.Items((1, 1)), key))
            {
                var problem = await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
                Assert.Equal("Too many orders in progress", problem.GetProperty("title").GetString());
                Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
            }

            // An order already accepted is only read back: a client's retry still gets it.
            Assert.Equal(replayed, await client.CheckoutAcceptedAsync(OrderingHttp.Items((1, 1)), replayKey));

            limits.TryRemove(Options.DefaultName);
            await backlog.RefreshAsync(default);
            Assert.False(backlog.IsFull);
            // The refused key was never used: the same request is a new order now.
            var accepted = await client.CheckoutAcceptedAsync(OrderingHttp.Items((1, 1)), key);
            Assert.NotEqual(replayed, accepted);
        }
        finally
        {
            limits.TryRemove(Options.DefaultName);
        }
    }

    [Fact]
    public async Task ProductsTheCatalogKnewAreNotLookedUpAgainAndUnknownOnesAlwaysAre()
    {
        const int Known = 177;
        const int Unknown = 9177;
        using var client = fixture.ClientFor($"lookups-{Guid.NewGuid()}");
        int[][] Lookups() => [.. fixture.Stubs.CatalogLookups.Where(ids => ids.Contains(Known) || ids.Contains(Unknown))];

        using (var unknown = await client.CheckoutAsync(OrderingHttp.Items((Known, 1), (Unknown, 1))))
        {
            await unknown.AssertProblemAsync(HttpStatusCode.BadRequest);
        }

        await client.CheckoutAcceptedAsync(OrderingHttp.Items((Known, 1)));
        using (var unknownAgain = await client.CheckoutAsync(OrderingHttp.Items((Known, 2), (Unknown, 1))))
        {
            await unknownAgain.AssertProblemAsync(HttpStatusCode.BadRequest);
        }

        Assert.Equal([[Known, Unknown], [Unknown]], Lookups());
    }
}
