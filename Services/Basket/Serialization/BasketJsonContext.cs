using System.Text.Json;
using System.Text.Json.Serialization;
using Basket.Api.Catalog;
using Basket.Api.Model;
using Microsoft.AspNetCore.Mvc;

namespace Basket.Api.Serialization;

// Source-generated JSON for the API's bodies, the stored baskets and the catalog's answers: no reflection at run
// time, web defaults (camelCase). The same strictness as the HTTP options (BasketServiceExtensions), so a stored
// basket reads back under the rules it was accepted by.
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.Strict,
    RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(CustomerBasket))]
[JsonSerializable(typeof(UpdateBasketRequest))]
[JsonSerializable(typeof(List<CatalogProduct>))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
internal partial class BasketJsonContext : JsonSerializerContext;
