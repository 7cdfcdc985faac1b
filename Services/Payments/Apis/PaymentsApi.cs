using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Payments.Api.Infrastructure;
using Payments.Api.Model;

namespace Payments.Api.Apis;

public static class PaymentsApi
{
    // Internal: the gateway does not route here. Support and tests read an order's payment.
    public static IEndpointRouteBuilder MapPaymentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/payments").WithTags("Payments");

        api.MapGet("/{orderId:guid}", GetPaymentByOrderId)
            .WithName("GetPayment")
            .WithSummary("Get an order's payment")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    public static async Task<Results<Ok<Payment>, ProblemHttpResult>> GetPaymentByOrderId(Guid orderId, PaymentsContext context, CancellationToken cancellationToken)
    {
        var payment = await context.Payments.AsNoTracking().SingleOrDefaultAsync(p => p.OrderId == orderId, cancellationToken);
        return payment is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Payment not found", detail: $"Order {orderId} has no payment.")
            : TypedResults.Ok(payment);
    }
}
