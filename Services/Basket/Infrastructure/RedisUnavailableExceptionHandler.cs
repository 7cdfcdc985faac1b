using Microsoft.AspNetCore.Diagnostics;
using StackExchange.Redis;

namespace Basket.Api.Infrastructure;

// Redis is the basket store: while it cannot be reached no request can be served, which is a 503 the client may retry,
// not a 500 that reads as a bug.
sealed class RedisUnavailableExceptionHandler(IProblemDetailsService problemDetails, ILogger<RedisUnavailableExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not (RedisConnectionException or RedisTimeoutException))
        {
            return false;
        }

        logger.LogWarning(exception, "Redis could not be reached for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Basket store unavailable",
                Detail = "The basket store could not be reached. Try again later.",
            },
        });
    }
}
