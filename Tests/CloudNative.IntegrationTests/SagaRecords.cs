namespace CloudNative.IntegrationTests;

/// <summary>The saga's participants' own rows for an order: stock, reservations, payments, inbox.</summary>
internal static class SagaRecords
{
    public static Task<int> StockAsync(this AppHostFixture fixture, int productId) =>
        fixture.ScalarAsync<int>("catalogdb", """SELECT "AvailableStock" FROM "Catalog" WHERE "Id" = $1""", productId);

    public static Task SetStockAsync(this AppHostFixture fixture, int productId, int stock) =>
        fixture.ExecuteAsync("catalogdb", """UPDATE "Catalog" SET "AvailableStock" = $2 WHERE "Id" = $1""", productId, stock);

    /// <summary>The order's reservation statuses (one at most), with the quantity each took.</summary>
    public static Task<List<(string Status, long Quantity)>> ReservationsAsync(this AppHostFixture fixture, Guid orderId) =>
        fixture.QueryAsync("catalogdb",
            """
            SELECT r."Status", COALESCE(SUM(l."Quantity"), 0) FROM "StockReservations" r
            LEFT JOIN "StockReservationLines" l ON l."OrderId" = r."OrderId" WHERE r."OrderId" = $1 GROUP BY r."Status"
            """,
            r => (r.GetString(0), r.GetInt64(1)), orderId);

    /// <summary>The order's payments (one at most): their status and amount.</summary>
    public static Task<List<(string Status, decimal Amount)>> PaymentsAsync(this AppHostFixture fixture, Guid orderId) =>
        fixture.QueryAsync("paymentsdb", """SELECT "Status", "Amount" FROM "Payments" WHERE "OrderId" = $1""",
            r => (r.GetString(0), r.GetDecimal(1)), orderId);

    /// <summary>How many times a consumer group recorded the message id as applied (its inbox).</summary>
    public static Task<long> InboxCountAsync(this AppHostFixture fixture, string database, string group, Guid messageId) =>
        fixture.ScalarAsync<long>(database, """SELECT COUNT(*) FROM "InboxMessages" WHERE "ConsumerGroup" = $1 AND "MessageId" = $2""", group, messageId);

    /// <summary>
    /// Ordering's read model for many orders at once: a test watching dozens of orders reads this, where polling each
    /// through the gateway would run into the customer's rate limit.
    /// </summary>
    public static Task<List<(Guid Id, string Status, string? CancelReason)>> OrdersAsync(this AppHostFixture fixture, Guid[] ids) =>
        fixture.QueryAsync("orderingdb", """SELECT "Id", "Status", "CancelReason" FROM "Orders" WHERE "Id" = ANY($1)""",
            r => (r.GetGuid(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2)), ids);
}
