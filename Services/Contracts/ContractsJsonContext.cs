using System.Text.Json;
using System.Text.Json.Serialization;

namespace CloudNative.Contracts;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ReserveStock))]
[JsonSerializable(typeof(ReleaseStock))]
[JsonSerializable(typeof(StockReserved))]
[JsonSerializable(typeof(StockRejected))]
[JsonSerializable(typeof(StockReleased))]
[JsonSerializable(typeof(AuthorizePayment))]
[JsonSerializable(typeof(RefundPayment))]
[JsonSerializable(typeof(PaymentAuthorized))]
[JsonSerializable(typeof(PaymentDeclined))]
[JsonSerializable(typeof(PaymentRefunded))]
[JsonSerializable(typeof(OrderSubmitted))]
[JsonSerializable(typeof(OrderConfirmed))]
[JsonSerializable(typeof(OrderCancelled))]
public sealed partial class ContractsJsonContext : JsonSerializerContext;
