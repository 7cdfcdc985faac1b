using System.Security.Claims;
using CloudNative.ServiceDefaults.Gateway;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class GatewayUserExtensions
{
    /// <summary>
    /// Authenticates requests by the gateway's <see cref="GatewayHeaders.UserId"/> header. Only for services that the
    /// gateway alone can reach: the header is trusted as given. Endpoints opt in with <c>RequireAuthorization()</c>.
    /// </summary>
    public static TBuilder AddGatewayUserAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddAuthentication(GatewayUserAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, GatewayUserAuthenticationHandler>(GatewayUserAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        return builder;
    }

    /// <summary>The user id of a request that passed <c>RequireAuthorization()</c> under the gateway scheme.</summary>
    public static string GetGatewayUserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("The request was not authenticated by the gateway scheme.");
}
