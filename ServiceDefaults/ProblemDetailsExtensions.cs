using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class ProblemDetailsExtensions
{
    /// <summary>
    /// Errors as RFC 9457 problem details. A request that cannot be bound (e.g. <c>?pageIndex=abc</c>) is the
    /// client's fault: it keeps its 400 rather than the exception handler turning it into a 500 (in Development,
    /// minimal APIs throw it).
    /// </summary>
    public static TBuilder AddDefaultProblemDetails<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler(options =>
            options.StatusCodeSelector = exception => exception is BadHttpRequestException badRequest
                ? badRequest.StatusCode
                : StatusCodes.Status500InternalServerError);
        return builder;
    }
}
