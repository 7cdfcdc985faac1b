using System.Text.Json;
using System.Text.Json.Serialization;
using Catalog.Api.Model;
using Microsoft.AspNetCore.Mvc;

namespace Catalog.Api.Serialization;

// Source-generated JSON for everything the API returns (and HybridCache stores): no reflection at run
// time, and the web defaults (camelCase) match what clients already expect.
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PaginatedItems<CatalogItem>))]
[JsonSerializable(typeof(CatalogItem))]
[JsonSerializable(typeof(List<CatalogItem>))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
internal partial class CatalogJsonContext : JsonSerializerContext;
