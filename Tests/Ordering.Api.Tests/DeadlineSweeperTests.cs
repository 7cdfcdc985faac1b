using CloudNative.Contracts;
using CloudNative.Messaging.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ordering.Api.Infrastructure;
using Ordering.Api.Saga;
using Ordering.Api.Tests.Infrastructure;

namespace Ordering.Api.Tests;

[Collection(OrderingCollection.Name)]
public sealed class DeadlineSweeperTests(OrderingFixture fixture)
{
    [Fact]
    public async Task SweepersRacingForTheSameOverdueSagas_CancelEachOnce()
    {
        using var client = fixture.ClientFor($"sweep-race-{Guid.NewGuid()}");
        var ids = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add(await client.CheckoutAcceptedAsync(OrderingHttp.Items((SagaParticipants.SilentProduct, 1))));
        }
        var sweeper = fixture.App.Services.GetServices<IHostedService>().OfType<SagaDeadlineSweeper>().Single();

        // All due at once, then three sweepers at them together: the app's own and two more, as replicas would be.
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OrderingContext>();
            await db.SagaDeadlines.Where(d => ids.Contains(d.OrderId)).ExecuteUpdateAsync(s => s.SetProperty(d => d.DueAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }
        await Task.WhenAll(sweeper.SweepOnceAsync(default), sweeper.SweepOnceAsync(default));

        foreach (var id in ids)
        {
            Assert.Equal("Cancelled", (await client.WaitForFinalAsync(id)).Status());
            var events = await Eventually.WaitForAsync(() => client.EventTypesAsync(id), e => e.Contains("StockReleased"), $"order {id}'s release acknowledged");
            Assert.Equal(["OrderSubmitted", "OrderCancelled", "StockReleased"], events);
            Assert.Single(fixture.Participants.ReceivedFor(id), m => m is ReleaseStock);
        }
    }
}
