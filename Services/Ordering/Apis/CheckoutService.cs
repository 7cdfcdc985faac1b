using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ordering.Api.Clients;
using Ordering.Api.Domain;
using Ordering.Api.Extensions;
using Ordering.Api.Infrastructure;
using Ordering.Api.Saga;

namespace Ordering.Api.Apis;

/// <summary>
/// Checkout: resolve and validate the items, then claim the idempotency key, submit the order and start its saga in one
/// transaction (key, events, read model, outbox, deadline). The key is looked up only when the claim finds it taken or
/// the request is about to be refused, so a retried request gets its order back even after the basket it came from has
/// been emptied, and a first request costs no lookup. While the sagas are behind (<see cref="SagaBacklog"/>), new orders
/// are refused with 503.
/// </summary>
public sealed partial class CheckoutService(
    OrderingContext db,
    OrderingTransaction transaction,
    SagaRunner runner,
    SagaBacklog backlog,
    CheckoutSaga saga,
    CatalogClient catalog,
    BasketClient basket,
    IOptionsSnapshot<OrderingOptions> options,
    TimeProvider time,
    ILogger<CheckoutService> logger)
{
    public async Task<Results<Accepted<OrderSummary>, ValidationProblem, ProblemHttpResult>> CheckoutAsync(
        string userId, CheckoutRequest? request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (idempotencyKey is { Length: 0 or > IdempotencyKey.MaxLength })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["Idempotency-Key"] = [$"The Idempotency-Key header must be 1 to {IdempotencyKey.MaxLength} characters."],
            });
        }

        var requestHash = CheckoutRequest.Hash(request);
        var answer = await CheckoutOnceAsync(userId, request, idempotencyKey, requestHash, cancellationToken);
        if (idempotencyKey is null || answer is { Result: Accepted<OrderSummary> })
        {
            // Null only when a key was taken: without a key there is none to take.
            return answer!;
        }

        // The key was taken, or this refusal may be for a retry of a request that succeeded (its basket emptied since,
        // the backlog full now): answer as the key's first request was answered.
        return await ReplayAsync(userId, idempotencyKey, requestHash, cancellationToken)
            ?? answer
            ?? throw new InvalidOperationException("An idempotency key collided but cannot be read back.");
    }

    // Null when the idempotency key is already taken.
    private async Task<Results<Accepted<OrderSummary>, ValidationProblem, ProblemHttpResult>?> CheckoutOnceAsync(
        string userId, CheckoutRequest? request, string? idempotencyKey, string requestHash, CancellationToken cancellationToken)
    {
        if (backlog.IsFull)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Too many orders in progress",
                detail: "Orders are being accepted faster than their checkouts finish; this one was not taken. Try again shortly.");
        }

        IReadOnlyList<CheckoutItem> requested;
        try
        {
            requested = request is null ? await basket.GetItemsAsync(userId, cancellationToken) : request.Items ?? [];
        }
        catch (DependencyUnavailableException exception)
        {
            return Unavailable(exception);
        }

        if (request is null && requested.Count == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The basket is empty",
                detail: "There is nothing to check out: the basket is empty. Add items to it, or send the items in the body.");
        }

        if (!CheckoutValidation.TryValidate(requested, options.Value, out var items, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        try
        {
            var unknown = await catalog.FindUnknownAsync(items.Select(i => i.ProductId), cancellationToken);
            if (unknown.Count > 0)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown products",
                    detail: $"The catalog has no products with ids {string.Join(", ", unknown)}.",
                    extensions: new Dictionary<string, object?> { ["unknownProductIds"] = unknown });
            }
        }
        catch (DependencyUnavailableException exception)
        {
            return Unavailable(exception);
        }

        var submitted = await SubmitAsync(userId, items, idempotencyKey, requestHash, cancellationToken);
        if (submitted is null)
        {
            return null;
        }

        if (request is null && !await basket.TryClearAsync(userId, cancellationToken))
        {
            LogBasketNotCleared(submitted.Id);
        }

        return Accepted(submitted);
    }

    // Null when the key is taken by a concurrent request. The key is claimed first, so that request's order is never
    // started here.
    private Task<OrderSummary?> SubmitAsync(string userId, IReadOnlyList<OrderItem> items, string? idempotencyKey, string requestHash,
        CancellationToken cancellationToken) =>
        transaction.RunAsync(async ct =>
        {
            var now = time.GetUtcNow();
            var orderId = Guid.CreateVersion7(now);
            if (idempotencyKey is not null && !await db.TryClaimAsync(
                    new IdempotencyKey { UserId = userId, Key = idempotencyKey, RequestHash = requestHash, OrderId = orderId, CreatedAt = now }, ct))
            {
                return null;
            }

            var order = Order.Submit(orderId, userId, items, now);
            runner.Start(order, saga.Start);
            return OrderSummary.From(order);
        }, cancellationToken);

    private async Task<Results<Accepted<OrderSummary>, ValidationProblem, ProblemHttpResult>?> ReplayAsync(
        string userId, string idempotencyKey, string requestHash, CancellationToken cancellationToken)
    {
        var existing = await db.IdempotencyKeys.AsNoTracking().SingleOrDefaultAsync(k => k.UserId == userId && k.Key == idempotencyKey, cancellationToken);
        if (existing is null)
        {
            return null;
        }

        if (existing.RequestHash != requestHash)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Idempotency key reused",
                detail: "This Idempotency-Key was used for a different checkout request; use a new key for a new order.");
        }

        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == existing.OrderId, cancellationToken);
        return Accepted(order);
    }

    private static Accepted<OrderSummary> Accepted(OrderSummary order) => TypedResults.Accepted(OrdersApi.Location(order.Id), order);

    private static ProblemHttpResult Unavailable(DependencyUnavailableException exception) =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service unavailable",
            detail: $"{exception.Message} Try again shortly.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} was checked out from the basket, but the basket could not be emptied.")]
    private partial void LogBasketNotCleared(Guid orderId);
}
