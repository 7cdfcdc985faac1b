using System.Text.Json.Serialization;

namespace Ordering.Api.Domain;

/// <summary>Where an order is in checkout. Confirmed and Cancelled are final. Written as its name in JSON.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OrderStatus>))]
public enum OrderStatus
{
    Submitted,
    StockReserved,
    Paid,
    Confirmed,
    Cancelled,
}
