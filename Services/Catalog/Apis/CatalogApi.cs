using Catalog.Api.Caching;
using Catalog.Api.Infrastructure;
using Catalog.Api.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;

namespace Catalog.Api.Apis;

public static class CatalogApi
{
    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/catalog").WithTags("Catalog");

        api.MapGet("/items", GetAllItems)
            .WithName("ListItems")
            .WithSummary("List catalog items")
            .WithDescription("Returns a page of catalog items ordered by name.");

        api.MapGet("/items/{id:int}", GetItemById)
            .WithName("GetItem")
            .WithSummary("Get a catalog item")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/items/by", GetItemsByIds)
            .WithName("GetItemsByIds")
            .WithSummary("Get catalog items by their ids")
            .WithDescription("Returns the items among the given ids that exist, in id order; ids that match no item are left out.");

        return app;
    }

    public static async Task<Results<Ok<PaginatedItems<CatalogItem>>, ValidationProblem>> GetAllItems(
        [AsParameters] PaginationRequest paginationRequest,
        CatalogContext context,
        HybridCache cache,
        CancellationToken cancellationToken)
    {
        if (!paginationRequest.TryValidate(out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        var page = await cache.GetOrCreateAsync(
            CatalogCacheKeys.ItemsPage(paginationRequest.PageIndex, paginationRequest.PageSize),
            (context, paginationRequest),
            static async (state, ct) => await LoadPageAsync(state.context, state.paginationRequest, ct),
            tags: CatalogCacheKeys.ItemsTags,
            cancellationToken: cancellationToken);

        return TypedResults.Ok(page);
    }

    public static async Task<Results<Ok<CatalogItem>, ProblemHttpResult>> GetItemById(
        int id,
        CatalogContext context,
        HybridCache cache,
        CancellationToken cancellationToken)
    {
        // A miss is cached too (as null), so probing unknown ids does not reach Postgres every time.
        var item = await cache.GetOrCreateAsync(
            CatalogCacheKeys.Item(id),
            (context, id),
            static async (state, ct) => await WithBrandAndType(state.context.CatalogItems)
                .SingleOrDefaultAsync(ci => ci.Id == state.id, ct),
            tags: CatalogCacheKeys.ItemsTags,
            cancellationToken: cancellationToken);

        return item is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Catalog item not found", detail: $"No catalog item has id {id}.")
            : TypedResults.Ok(item);
    }

    public static async Task<Results<Ok<List<CatalogItem>>, ValidationProblem>> GetItemsByIds(
        [AsParameters] ItemsByIdsRequest request,
        CatalogContext context,
        CancellationToken cancellationToken)
    {
        if (!request.TryValidate(out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        // Not cached: the combinations of ids are too many for entries to be reused, and the lookup is one indexed query.
        var items = await WithBrandAndType(context.CatalogItems)
            .Where(ci => request.Ids.Contains(ci.Id))
            .OrderBy(ci => ci.Id)
            .ToListAsync(cancellationToken);

        return TypedResults.Ok(items);
    }

    static async Task<PaginatedItems<CatalogItem>> LoadPageAsync(CatalogContext context, PaginationRequest request, CancellationToken cancellationToken)
    {
        var count = await context.CatalogItems.LongCountAsync(cancellationToken);

        // Id breaks ties so paging is stable even if two items ever share a name.
        var data = await WithBrandAndType(context.CatalogItems)
            .OrderBy(ci => ci.Name)
            .ThenBy(ci => ci.Id)
            .Skip((int)request.Offset)
            .Take(request.PageSize)
            .ToListAsync(cancellationToken);

        return new PaginatedItems<CatalogItem>(request.PageIndex, request.PageSize, count, data);
    }

    // Read-only: no change tracking, and brand and type come with the item so clients need one call.
    static IQueryable<CatalogItem> WithBrandAndType(IQueryable<CatalogItem> items) =>
        items.AsNoTracking().Include(ci => ci.CatalogBrand).Include(ci => ci.CatalogType);
}
