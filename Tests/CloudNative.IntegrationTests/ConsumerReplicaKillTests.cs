using System.Collections.Concurrent;
using Gateway.Api.Tests;

namespace CloudNative.IntegrationTests;

// A Payments replica killed (SIGKILL) while checkouts stream in: whatever it held, a message half-applied or applied
// and not yet committed, is delivered again to the surviving replica once the broker moves its partitions, and the
// inbox keeps a re-delivery from charging twice. Every accepted order must end Confirmed, charged exactly once.
[Collection(ChaosCollection.Name)]
public sealed class ConsumerReplicaKillTests(ChaosAppHostFixture fixture)
{
    private const int Daypack = 12;   // 59.99, stock 250
    private const int Orders = 48;
    private const int Concurrency = 4;

    [Fact]
    public async Task KillingAPaymentsReplicaUnderLoadLosesNoOrderAndChargesEachOnce()
    {
        using var gateway = await fixture.App.CustomerClientAsync();
        var replicas = await ServiceReplicas.OfAsync(fixture.App, "payments", 2);
        var victim = replicas[0].Processes;
        var stockBefore = await fixture.StockAsync(Daypack);

        var accepted = new ConcurrentBag<string>();
        var killAt = Orders / 3;
        var next = 0;
        var acceptedCount = 0;
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= Orders)
            {
                accepted.Add(await gateway.CheckoutAsync(OrderRequests.Items((Daypack, 1)), Guid.NewGuid().ToString()));
                // Mid-stream: a third of the orders are in, the rest still coming, the replicas busy with the first ones.
                if (Interlocked.Increment(ref acceptedCount) == killAt)
                {
                    await replicas[0].KillAsync();
                }
            }
        }));

        Assert.Empty(ProcessTree.Alive(victim));

        // The survivor gets the dead member's partitions after its session times out; the saga's deadline outlasts it.
        var bound = ChaosAppHostFixture.SagaTimeout + OrderRequests.Saga;
        var ids = accepted.Select(OrderRequests.OrderId).ToArray();
        List<(Guid Id, string Status, string? CancelReason)> orders = [];
        await Until.TrueAsync(async () => (orders = await fixture.OrdersAsync(ids)).Count == Orders && orders.All(o => o.Status is "Confirmed" or "Cancelled"), bound);

        Assert.All(orders, o => Assert.True(o.Status == "Confirmed", $"{o.Id}: {o.Status} ({o.CancelReason})"));
        foreach (var id in ids)
        {
            Assert.Equal([("Authorized", 59.99m)], await fixture.PaymentsAsync(id));
        }
        Assert.Equal(stockBefore - Orders, await fixture.StockAsync(Daypack));
    }
}
