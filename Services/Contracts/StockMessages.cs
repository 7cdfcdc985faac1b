namespace CloudNative.Contracts;

public sealed record OrderLine(int ProductId, int Quantity);

/// <summary>Reserve every line or none. Handled once per order: a repeat answers as the first time did.</summary>
public sealed record ReserveStock(Guid OrderId, IReadOnlyList<OrderLine> Lines);

/// <summary>Give back what <see cref="ReserveStock"/> took for the order; nothing if it took nothing.</summary>
public sealed record ReleaseStock(Guid OrderId, string Reason);

public sealed record ReservedLine(int ProductId, int Quantity, decimal UnitPrice);

/// <summary>Every line is reserved, at these prices: the order's total is theirs.</summary>
public sealed record StockReserved(Guid OrderId, IReadOnlyList<ReservedLine> Lines);

/// <summary>Nothing was reserved: the products named are unknown or short.</summary>
public sealed record StockRejected(Guid OrderId, IReadOnlyList<int> ProductIds, string Reason);

public sealed record StockReleased(Guid OrderId);
