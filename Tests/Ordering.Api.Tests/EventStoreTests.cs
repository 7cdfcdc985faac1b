using System.Text.Json;
using CloudNative.Messaging.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ordering.Api.Infrastructure;
using Ordering.Api.Tests.Infrastructure;

namespace Ordering.Api.Tests;

/// <summary>The event store's optimistic concurrency and the read model's rebuild, against the app's own database.</summary>
[Collection(OrderingCollection.Name)]
public sealed class EventStoreTests(OrderingFixture fixture)
{
    [Fact]
    public async Task TwoWritersOfOneVersion_TheSecondConflicts()
    {
        var id = await NewWaitingOrderAsync();
        await using var first = fixture.App.Services.CreateAsyncScope();
        await using var second = fixture.App.Services.CreateAsyncScope();
        var a = (await Store(first).LoadAsync(id, default))!;
        var b = (await Store(second).LoadAsync(id, default))!;

        b.Cancel("second writer", DateTimeOffset.UtcNow);
        Store(second).Append(b, new(null, null));
        await Db(second).SaveChangesAsync();
        a.Cancel("first writer", DateTimeOffset.UtcNow);
        Store(first).Append(a, new(null, null));

        var conflict = await Assert.ThrowsAnyAsync<DbUpdateException>(() => Db(first).SaveChangesAsync());
        Assert.True(ConcurrencyConflict.IsConflict(conflict));

        // The saga's timer outlives the order's end here; at its deadline the sweeper finds nothing to do and drops it.
        await Eventually.WaitForAsync(() => Db(first).SagaDeadlines.AnyAsync(d => d.OrderId == id), any => !any, "the ended saga's deadline to go");
        Assert.Equal(2, (await Store(first).LoadAsync(id, default))!.Version);
    }

    [Fact]
    public async Task AConflictIsRetriedOnTheNewerState()
    {
        var id = await NewWaitingOrderAsync();
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var attempts = 0;

        var appended = await scope.ServiceProvider.GetRequiredService<OrderingTransaction>().RunAsync(async ct =>
        {
            attempts++;
            var order = (await Store(scope).LoadAsync(id, ct))!;
            if (attempts == 1)
            {
                await CancelElsewhereAsync(id, "the other writer");
            }
            var changed = order.Cancel("the retried writer", DateTimeOffset.UtcNow);
            Store(scope).Append(order, new(null, null));
            return changed;
        }, default);

        Assert.Equal(2, attempts);
        Assert.False(appended);
        await using var check = fixture.App.Services.CreateAsyncScope();
        var stored = (await Store(check).LoadAsync(id, default))!;
        Assert.Equal((2, "the other writer"), (stored.Version, stored.CancelReason));
    }

    [Fact]
    public async Task TheReadModelRebuildsFromTheEventsAlone()
    {
        using var client = fixture.ClientFor($"rebuild-{Guid.NewGuid()}");
        Guid[] ids =
        [
            await client.CheckoutAcceptedAsync(OrderingHttp.Items((11, 2), (12, 1))),
            await client.CheckoutAcceptedAsync(OrderingHttp.Items((SagaParticipants.RejectedProduct, 1))),
        ];
        foreach (var id in ids)
        {
            await client.WaitForFinalAsync(id);
        }
        var before = await client.GetStringAsync("/api/orders");

        await using var scope = fixture.App.Services.CreateAsyncScope();
        await Db(scope).Orders.ExecuteDeleteAsync();
        Assert.Equal("[]", await client.GetStringAsync("/api/orders"));
        var rebuilt = await scope.ServiceProvider.GetRequiredService<ReadModelRebuilder>().RebuildAsync(default);

        Assert.Equal(await Db(scope).Events.Select(e => e.StreamId).Distinct().CountAsync(), rebuilt);
        Assert.Equal(JsonDocument.Parse(before).RootElement.ToString(), JsonDocument.Parse(await client.GetStringAsync("/api/orders")).RootElement.ToString());
    }

    // An order whose saga waits for a stock answer that never comes (until the deadline, well after the test).
    async Task<Guid> NewWaitingOrderAsync()
    {
        using var client = fixture.ClientFor($"store-{Guid.NewGuid()}");
        return await client.CheckoutAcceptedAsync(OrderingHttp.Items((SagaParticipants.SilentProduct, 1)));
    }

    async Task CancelElsewhereAsync(Guid id, string reason)
    {
        await using var other = fixture.App.Services.CreateAsyncScope();
        var order = (await Store(other).LoadAsync(id, default))!;
        order.Cancel(reason, DateTimeOffset.UtcNow);
        Store(other).Append(order, new(null, null));
        await Db(other).SaveChangesAsync();
    }

    static OrderStore Store(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<OrderStore>();

    static OrderingContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<OrderingContext>();
}
