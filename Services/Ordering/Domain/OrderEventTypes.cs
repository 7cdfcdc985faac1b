using System.Text.Json;
using Ordering.Api.Serialization;

namespace Ordering.Api.Domain;

/// <summary>
/// The stored names of the order events and their JSON. The names, not the CLR types, are in the event store, so a
/// stream written today still reads after a record is renamed or moved.
/// </summary>
public static class OrderEventTypes
{
    private static OrderingJsonContext Json => OrderingJsonContext.Default;

    public static (string Type, string Data) Serialize(OrderEvent @event) => @event switch
    {
        OrderEvent.Submitted e => ("OrderSubmitted", JsonSerializer.Serialize(e, Json.Submitted)),
        OrderEvent.StockReserved e => ("StockReserved", JsonSerializer.Serialize(e, Json.StockReserved)),
        OrderEvent.PaymentAuthorized e => ("PaymentAuthorized", JsonSerializer.Serialize(e, Json.PaymentAuthorized)),
        OrderEvent.Confirmed e => ("OrderConfirmed", JsonSerializer.Serialize(e, Json.Confirmed)),
        OrderEvent.Cancelled e => ("OrderCancelled", JsonSerializer.Serialize(e, Json.Cancelled)),
        OrderEvent.StockReleased e => ("StockReleased", JsonSerializer.Serialize(e, Json.StockReleased)),
        OrderEvent.PaymentRefunded e => ("PaymentRefunded", JsonSerializer.Serialize(e, Json.PaymentRefunded)),
        _ => throw new InvalidOperationException($"{@event.GetType().Name} has no stored name."),
    };

    public static OrderEvent Deserialize(string type, string data) => (type switch
    {
        "OrderSubmitted" => JsonSerializer.Deserialize(data, Json.Submitted),
        "StockReserved" => JsonSerializer.Deserialize(data, Json.StockReserved),
        "PaymentAuthorized" => JsonSerializer.Deserialize(data, Json.PaymentAuthorized),
        "OrderConfirmed" => JsonSerializer.Deserialize(data, Json.Confirmed),
        "OrderCancelled" => JsonSerializer.Deserialize(data, Json.Cancelled),
        "StockReleased" => JsonSerializer.Deserialize(data, Json.StockReleased),
        "PaymentRefunded" => (OrderEvent?)JsonSerializer.Deserialize(data, Json.PaymentRefunded),
        _ => throw new InvalidOperationException($"Unknown order event type '{type}'."),
    }) ?? throw new InvalidOperationException($"The stored '{type}' event is JSON null.");
}
