using Microsoft.AspNetCore.Diagnostics;

namespace Gateway.Api.Auth;

// A token the gateway cannot check for want of Identity's keys is not the client's fault: 503, try again shortly.
sealed class IdentityUnavailableHandler : IExceptionHandler
{
    const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancel)
    {
        if (exception is not IdentityUnavailableException)
        {
            return false;
        }

        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Service Unavailable",
            detail: "The gateway cannot check access tokens right now: the identity service's signing keys are unavailable.")
            .ExecuteAsync(context);
        return true;
    }
}
