namespace Ordering.Api.Domain;

/// <summary>A product and quantity the customer asked for.</summary>
public sealed record OrderItem(int ProductId, int Quantity);

/// <summary>A line as the catalog reserved it, at the price it charged: the order's total is the sum of these.</summary>
public sealed record PricedItem(int ProductId, int Quantity, decimal UnitPrice);
