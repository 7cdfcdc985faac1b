namespace CloudNative.Contracts;

/// <summary>The checkout saga's topics. Every message is keyed by its order id, so one order's messages keep their order.</summary>
public static class Topics
{
    /// <summary>Ordering → Catalog: reserve or release an order's stock.</summary>
    public const string CatalogCommands = "catalog-commands";

    /// <summary>Catalog → Ordering: the outcome of a stock command.</summary>
    public const string CatalogEvents = "catalog-events";

    /// <summary>Ordering → Payments: authorize or refund an order's payment.</summary>
    public const string PaymentCommands = "payment-commands";

    /// <summary>Payments → Ordering: the outcome of a payment command.</summary>
    public const string PaymentEvents = "payment-events";

    /// <summary>Ordering → anyone: an order's lifecycle (submitted, confirmed, cancelled).</summary>
    public const string OrderEvents = "order-events";
}
