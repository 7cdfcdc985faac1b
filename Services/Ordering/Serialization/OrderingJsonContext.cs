using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Ordering.Api.Apis;
using Ordering.Api.Clients;
using Ordering.Api.Domain;
using Ordering.Api.Infrastructure;

namespace Ordering.Api.Serialization;

// Source-generated JSON for the API's bodies and the event store's events: no reflection at run time.
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CheckoutRequest))]
[JsonSerializable(typeof(OrderSummary))]
[JsonSerializable(typeof(List<OrderSummary>))]
[JsonSerializable(typeof(List<OrderEventView>))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
[JsonSerializable(typeof(EventMetadata))]
[JsonSerializable(typeof(List<CatalogProduct>))]
[JsonSerializable(typeof(OrderEvent.Submitted))]
[JsonSerializable(typeof(OrderEvent.StockReserved))]
[JsonSerializable(typeof(OrderEvent.PaymentAuthorized))]
[JsonSerializable(typeof(OrderEvent.Confirmed))]
[JsonSerializable(typeof(OrderEvent.Cancelled))]
[JsonSerializable(typeof(OrderEvent.StockReleased))]
[JsonSerializable(typeof(OrderEvent.PaymentRefunded))]
internal partial class OrderingJsonContext : JsonSerializerContext;
