using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Ordering.Api.Infrastructure;

namespace Ordering.Api.Apis;

public static class OrdersApi
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private const int MaxOrdersListed = 100;

    private const string RetryAfterSeconds = "1";

    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        // Authorization runs before the body is bound: a request without the gateway's user is a 401 whatever it sends.
        var api = app.MapGroup("/api/orders").WithTags("Orders").RequireAuthorization();

        api.MapPost("/", Checkout)
            .WithName("Checkout")
            .WithSummary("Check out")
            .WithDescription("Submits an order for the given items, or for the caller's basket when the body is empty, and starts its checkout. " +
                             "Idempotency-Key makes a retry return the same order.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapGet("/", ListOrders)
            .WithName("ListOrders")
            .WithSummary("The caller's orders, newest first");

        api.MapGet("/{id:guid}", GetOrder)
            .WithName("GetOrder")
            .WithSummary("An order and its checkout status")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/{id:guid}/events", GetOrderEvents)
            .WithName("GetOrderEvents")
            .WithSummary("An order's history: its events in order")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    public static string Location(Guid orderId) => $"/api/orders/{orderId}";

    public static async Task<Results<Accepted<OrderSummary>, ValidationProblem, ProblemHttpResult>> Checkout(
        CheckoutRequest? request,
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey,
        ClaimsPrincipal user,
        HttpRequest httpRequest,
        CheckoutService checkout,
        CancellationToken cancellationToken)
    {
        // Only an empty body means "my basket"; a JSON null is a body without the items, not a request for the basket.
        if (request is null && httpRequest.ContentLength is > 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid checkout body",
                detail: "Send {\"items\":[...]}, or an empty body to check out your basket.");
        }

        var result = await checkout.CheckoutAsync(user.GetGatewayUserId(), request, idempotencyKey, cancellationToken);
        if (result.Result is ProblemHttpResult { StatusCode: StatusCodes.Status503ServiceUnavailable })
        {
            // Every 503 of checkout is a wait (a dependency down, the sagas behind): tell the client when to come back.
            httpRequest.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
        }

        return result;
    }

    public static async Task<Ok<List<OrderSummary>>> ListOrders(ClaimsPrincipal user, OrderingContext db, CancellationToken cancellationToken)
    {
        var userId = user.GetGatewayUserId();
        return TypedResults.Ok(await db.Orders.AsNoTracking()
            .Where(o => o.UserId == userId)
            .OrderByDescending(o => o.SubmittedAt)
            .Take(MaxOrdersListed)
            .ToListAsync(cancellationToken));
    }

    public static async Task<Results<Ok<OrderSummary>, ProblemHttpResult>> GetOrder(Guid id, ClaimsPrincipal user, OrderingContext db,
        CancellationToken cancellationToken) =>
        await FindOwnAsync(db, id, user.GetGatewayUserId(), cancellationToken) is { } order ? TypedResults.Ok(order) : NotFound(id);

    public static async Task<Results<Ok<List<OrderEventView>>, ProblemHttpResult>> GetOrderEvents(Guid id, ClaimsPrincipal user,
        OrderingContext db, CancellationToken cancellationToken)
    {
        if (await FindOwnAsync(db, id, user.GetGatewayUserId(), cancellationToken) is null)
        {
            return NotFound(id);
        }

        var events = await db.Events.AsNoTracking().Where(e => e.StreamId == id).OrderBy(e => e.Version).ToListAsync(cancellationToken);
        return TypedResults.Ok(events.Select(e => new OrderEventView(e.Version, e.Type, e.OccurredAt, JsonDocument.Parse(e.Data).RootElement)).ToList());
    }

    // Someone else's order is as unknown as a missing one: its existence is not the caller's business.
    private static Task<OrderSummary?> FindOwnAsync(OrderingContext db, Guid id, string userId, CancellationToken cancellationToken) =>
        db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id && o.UserId == userId, cancellationToken);

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Order not found", detail: $"You have no order {id}.");
}

public sealed record OrderEventView(int Version, string Type, DateTimeOffset OccurredAt, JsonElement Data);
