using System.Security.Claims;
using Basket.Api.Catalog;
using Basket.Api.Infrastructure;
using Basket.Api.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Basket.Api.Apis;

public static class BasketApi
{
    public static IEndpointRouteBuilder MapBasketApi(this IEndpointRouteBuilder app)
    {
        // Authorization runs before the body is bound: a request without the gateway's user is a 401 whatever it sends.
        var api = app.MapGroup("/api/basket").WithTags("Basket").RequireAuthorization();

        api.MapGet("/", GetBasket)
            .WithName("GetBasket")
            .WithSummary("Get the caller's basket")
            .WithDescription("Returns the caller's basket; a caller without one has an empty basket.");

        api.MapPut("/", UpdateBasket)
            .WithName("UpdateBasket")
            .WithSummary("Replace the caller's basket")
            .WithDescription("Replaces the whole basket with the given lines (each product once) and returns it.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapDelete("/", DeleteBasket)
            .WithName("DeleteBasket")
            .WithSummary("Delete the caller's basket");

        return app;
    }

    public static async Task<Ok<CustomerBasket>> GetBasket(ClaimsPrincipal user, RedisBasketRepository baskets) =>
        TypedResults.Ok(await baskets.GetAsync(user.GetGatewayUserId()) ?? CustomerBasket.Empty);

    public static async Task<Results<Ok<CustomerBasket>, ValidationProblem, ProblemHttpResult>> UpdateBasket(
        UpdateBasketRequest request,
        ClaimsPrincipal user,
        RedisBasketRepository baskets,
        CatalogClient catalog,
        IOptionsSnapshot<BasketOptions> options,
        CancellationToken cancellationToken)
    {
        if (!request.TryValidate(options.Value, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (request.Items.Count > 0)
        {
            IReadOnlySet<int> existing;
            try
            {
                existing = await catalog.FindExistingAsync([.. request.Items.Select(item => item.ProductId)], cancellationToken);
            }
            catch (CatalogUnavailableException)
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "Catalog unavailable",
                    detail: "The catalog could not be reached to check the products; the basket is unchanged. Try again later.");
            }

            if (UnknownProducts(request.Items, existing) is { Count: > 0 } unknown)
            {
                return TypedResults.ValidationProblem(
                    unknown.ToDictionary(line => $"items[{line.Index}].productId", line => new[] { $"No catalog product has id {line.ProductId}." }),
                    title: "Unknown products",
                    detail: $"Unknown product ids: {string.Join(", ", unknown.Select(line => line.ProductId))}.");
            }
        }

        var basket = new CustomerBasket(request.Items);
        await baskets.SaveAsync(user.GetGatewayUserId(), basket);
        return TypedResults.Ok(basket);
    }

    public static async Task<NoContent> DeleteBasket(ClaimsPrincipal user, RedisBasketRepository baskets)
    {
        await baskets.DeleteAsync(user.GetGatewayUserId());
        return TypedResults.NoContent();
    }

    static List<(int Index, int ProductId)> UnknownProducts(IReadOnlyList<BasketItem> items, IReadOnlySet<int> existing) =>
        [.. items.Select((item, index) => (index, item.ProductId)).Where(line => !existing.Contains(line.ProductId))];
}
