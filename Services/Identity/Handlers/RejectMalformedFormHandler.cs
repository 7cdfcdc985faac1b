using Microsoft.AspNetCore;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Identity.Api.Handlers;

// ASP.NET Core's form reader throws on a body it will not decode (an encoded NUL, too many or too long values), and
// OpenIddict lets that escape as a 500. Reading the form first turns it into the client's error, invalid_request;
// OpenIddict then reads the form already buffered.
sealed class RejectMalformedFormHandler : IOpenIddictServerHandler<ExtractTokenRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ExtractTokenRequestContext>()
            .UseSingletonHandler<RejectMalformedFormHandler>()
            .SetOrder(OpenIddictServerAspNetCoreHandlers.ExtractPostRequest<ExtractTokenRequestContext>.Descriptor.Order - 1_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ExtractTokenRequestContext context)
    {
        var request = context.Transaction.GetHttpRequest();
        if (request is null || !HttpMethods.IsPost(request.Method) || !request.HasFormContentType)
        {
            return;
        }

        try
        {
            await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (InvalidDataException ex)
        {
            context.Reject(Errors.InvalidRequest, $"The request body is not a valid form: {ex.Message}");
        }
    }
}
