using System.Net.Http.Json;
using System.Text.Json;
using Catalog.Api.Infrastructure;
using Catalog.Api.Model;
using Catalog.Api.Stock;
using Catalog.Api.Tests.Infrastructure;
using CloudNative.Contracts;
using CloudNative.Messaging.Tests.Infrastructure;
using CloudNative.ServiceTests;
using Npgsql;

namespace Catalog.Api.Tests;

// Commands go in through the real broker and the service's consumer; what it did is read back from the broker and
// from catalogdb, and what readers see through the service's cached API.
[Collection(CatalogServiceCollection.Name)]
public sealed class StockCommandTests(CatalogServiceFixture fixture)
{
    private SagaTopics Saga => fixture.Saga;

    [Fact]
    public async Task Duplicates_and_resent_commands_reserve_and_release_once_and_answer_alike()
    {
        var (boots, poles) = (await fixture.AddProductAsync(10, 109.99m), await fixture.AddProductAsync(3, 59.50m));
        var orderId = Guid.NewGuid();
        // Two lines for one product count as one.
        var reserve = new ReserveStock(orderId, [new(boots.Id, 2), new(poles.Id, 1), new(boots.Id, 1)]);

        var first = await Saga.SendAsync(Topics.CatalogCommands, orderId, reserve);
        await Saga.SendAsync(Topics.CatalogCommands, orderId, reserve, again: first);
        var resent = await Saga.SendAsync(Topics.CatalogCommands, orderId, reserve);
        var replies = await Saga.WaitForReplyAsync(Topics.CatalogEvents, orderId, resent);

        Assert.Equal([first.MessageId, resent.MessageId], replies.Select(r => r.Envelope.CausationId!.Value));
        ReservedLine[] expected = [new(boots.Id, 3, 109.99m), new(poles.Id, 1, 59.50m)];
        Assert.All(replies, r => Assert.Equal(expected, Assert.IsType<StockReserved>(r.Message).Lines));
        Assert.Equal((7, 2), (await fixture.StockOfAsync(boots.Id), await fixture.StockOfAsync(poles.Id)));

        var release = await Saga.SendAsync(Topics.CatalogCommands, orderId, new ReleaseStock(orderId, "payment declined"));
        await Saga.SendAsync(Topics.CatalogCommands, orderId, new ReleaseStock(orderId, "payment declined"), again: release);
        var resentRelease = await Saga.SendAsync(Topics.CatalogCommands, orderId, new ReleaseStock(orderId, "payment declined"));
        var lateReserve = await Saga.SendAsync(Topics.CatalogCommands, orderId, reserve);
        replies = await Saga.WaitForReplyAsync(Topics.CatalogEvents, orderId, lateReserve);

        Assert.Equal([release.MessageId, resentRelease.MessageId, lateReserve.MessageId], replies[2..].Select(r => r.Envelope.CausationId!.Value));
        Assert.All(replies[2..4], r => Assert.Equal(new StockReleased(orderId), r.Message));
        // Released once; a re-send after the release is told nothing is held, and takes nothing.
        Assert.Equal(StockReplies.ReleasedReason, Assert.IsType<StockRejected>(replies[4].Message).Reason);
        Assert.Equal((10, 3), (await fixture.StockOfAsync(boots.Id), await fixture.StockOfAsync(poles.Id)));
        Assert.Equal(StockReservationStatus.Released, Assert.Single(await fixture.ReservationsAsync([orderId])).Status);
    }

    [Fact]
    public async Task A_reservation_takes_every_line_or_none()
    {
        var (plenty, scarce) = (await fixture.AddProductAsync(5), await fixture.AddProductAsync(1));
        (Guid OrderId, OrderLine[] Lines, int[] Rejected, string Reason)[] cases =
        [
            (Guid.NewGuid(), [new(plenty.Id, 2), new(scarce.Id, 2)], [scarce.Id], "Not enough stock."),
            (Guid.NewGuid(), [new(plenty.Id, 2), new(int.MaxValue, 1)], [int.MaxValue], "Unknown products."),
            (Guid.NewGuid(), [new(plenty.Id, 2), new(scarce.Id, 0)], [scarce.Id], "Quantities must be positive."),
            (Guid.NewGuid(), [new(plenty.Id, int.MaxValue), new(plenty.Id, 1)], [plenty.Id], "Quantities must be positive."),
            (Guid.NewGuid(), [], [], "The order has no lines."),
        ];

        foreach (var (orderId, lines, rejected, reason) in cases)
        {
            var command = await Saga.SendAsync(Topics.CatalogCommands, orderId, new ReserveStock(orderId, lines));
            var reply = Assert.IsType<StockRejected>(Assert.Single(await Saga.WaitForReplyAsync(Topics.CatalogEvents, orderId, command)).Message);
            Assert.Equal(rejected, reply.ProductIds);
            Assert.Equal(reason, reply.Reason);
        }

        Assert.Equal((5, 1), (await fixture.StockOfAsync(plenty.Id), await fixture.StockOfAsync(scarce.Id)));
    }

    [Fact]
    public async Task Of_concurrent_reservations_for_the_last_unit_exactly_one_wins()
    {
        const int contenders = 8;
        var lastUnit = await fixture.AddProductAsync(1);
        var orderIds = Enumerable.Range(0, contenders).Select(_ => Guid.NewGuid()).ToList();

        // Hold the product's row so that every contender is queued on it before any can decide.
        await using var blocker = new NpgsqlConnection(fixture.DatabaseConnectionString);
        await blocker.OpenAsync();
        await using var blocking = await blocker.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand($"""SELECT 1 FROM "Catalog" WHERE "Id" = {lastUnit.Id} FOR UPDATE""", blocker, blocking))
        {
            await lockRow.ExecuteNonQueryAsync();
        }

        var handlers = orderIds.Select(id => Task.Run(() => DirectHandling.HandleAsync<CatalogContext, ReserveStock, ReserveStockHandler>(
            fixture.Services, Topics.CatalogCommands, new ReserveStock(id, [new(lastUnit.Id, 1)])))).ToList();
        // Watched from outside the blocking transaction, which would keep seeing its first snapshot of pg_stat_activity.
        await using var observer = new NpgsqlConnection(fixture.DatabaseConnectionString);
        await observer.OpenAsync();
        await Eventually.WaitForAsync(async () =>
        {
            await using var waiting = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", observer);
            return (long)(await waiting.ExecuteScalarAsync())!;
        }, count => count == contenders, $"{contenders} reservations waiting on the product's row");
        await blocking.RollbackAsync();
        await Task.WhenAll(handlers);

        var reservations = await fixture.ReservationsAsync(orderIds);
        Assert.Equal(1, reservations.Count(r => r.Status == StockReservationStatus.Reserved));
        Assert.Equal(contenders - 1, reservations.Count(r => r.Status == StockReservationStatus.Rejected));
        Assert.Equal(0, await fixture.StockOfAsync(lastUnit.Id));
        var replies = await Eventually.WaitForAsync(
            () => Task.FromResult(orderIds.SelectMany(id => Saga.Read(Topics.CatalogEvents, id)).ToList()), r => r.Count == contenders, "every contender's reply");
        Assert.Single(replies, r => r.Message is StockReserved);
    }

    [Fact]
    public async Task A_stock_change_drops_the_cached_reads()
    {
        var product = await fixture.AddProductAsync(10);
        Assert.Equal(10, await CachedStockAsync(product.Id));

        // A write behind the service's back is not seen: the read is served from the cache.
        await using (var connection = new NpgsqlConnection(fixture.DatabaseConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"""UPDATE "Catalog" SET "AvailableStock" = 12 WHERE "Id" = {product.Id}""", connection);
            await command.ExecuteNonQueryAsync();
        }
        Assert.Equal(10, await CachedStockAsync(product.Id));

        var orderId = Guid.NewGuid();
        var reserve = await Saga.SendAsync(Topics.CatalogCommands, orderId, new ReserveStock(orderId, [new(product.Id, 4)]));
        await Saga.WaitForReplyAsync(Topics.CatalogEvents, orderId, reserve);
        Assert.Equal(8, await CachedStockAsync(product.Id));

        var release = await Saga.SendAsync(Topics.CatalogCommands, orderId, new ReleaseStock(orderId, "cancelled"));
        await Saga.WaitForReplyAsync(Topics.CatalogEvents, orderId, release);
        Assert.Equal(12, await CachedStockAsync(product.Id));
    }

    [Fact]
    public async Task A_release_before_any_reservation_answers_and_blocks_a_late_reservation()
    {
        var product = await fixture.AddProductAsync(4);
        var orderId = Guid.NewGuid();

        var release = await Saga.SendAsync(Topics.CatalogCommands, orderId, new ReleaseStock(orderId, "timed out"));
        var reserve = await Saga.SendAsync(Topics.CatalogCommands, orderId, new ReserveStock(orderId, [new(product.Id, 1)]));
        var replies = await Saga.WaitForReplyAsync(Topics.CatalogEvents, orderId, reserve);

        Assert.Equal([release.MessageId, reserve.MessageId], replies.Select(r => r.Envelope.CausationId!.Value));
        Assert.Equal(new StockReleased(orderId), replies[0].Message);
        Assert.Equal(StockReplies.ReleasedReason, Assert.IsType<StockRejected>(replies[1].Message).Reason);
        Assert.Equal(4, await fixture.StockOfAsync(product.Id));
    }

    private async Task<int> CachedStockAsync(int productId) =>
        (await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/catalog/items/{productId}")).GetProperty("availableStock").GetInt32();
}
