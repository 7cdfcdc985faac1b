using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Payments.Api.Model;

namespace Payments.Api.Serialization;

// Source-generated JSON for everything the API returns; statuses as their names, which is what a reader wants.
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(Payment))]
[JsonSerializable(typeof(ProblemDetails))]
internal partial class PaymentsJsonContext : JsonSerializerContext;
