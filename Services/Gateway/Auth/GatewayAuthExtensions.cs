using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Gateway.Api.Auth;

public static class GatewayAuthExtensions
{
    // Access tokens from Identity, validated against its JWKS; per-route policies from the route configuration's
    // "AuthorizationPolicy"; identity headers set for the backends from the token alone.
    public static void AddGatewayAuth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GatewayAuthOptions>()
            .BindConfiguration(GatewayAuthOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Service discovery from the defaults, but not their retries: while Identity is down, a request would wait
        // through all of them before its 503, and the ConfigurationManager already tries again on the next request and
        // refreshes in the background.
#pragma warning disable EXTEXP0001 // Experimental in Microsoft.Extensions.Http.Resilience 10.x: the supported way to opt one client out of the defaults.
        builder.Services.AddHttpClient(ConfigureJwtBearer.BackchannelClient, client => client.Timeout = ConfigureJwtBearer.BackchannelTimeout)
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.Services.AddExceptionHandler<IdentityUnavailableHandler>();
        builder.Services.AddSingleton<ValidatedTokenCache>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.ConfigureOptions<ConfigureJwtBearer>();

        builder.Services.AddAuthorizationBuilder().AddGatewayPolicies();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuthorizationProblems>();

        // What YARP's AddConfigFilter<T>() and AddTransforms<T>() register; here, so all that auth adds to the proxy is in
        // this folder.
        builder.Services.AddSingleton<IProxyConfigFilter, DefaultAuthorizationPolicy>();
        builder.Services.AddSingleton<ITransformProvider, IdentityHeaders>();
    }

    // Before anything that reads HttpContext.User (rate limiting partitions by "sub") and before the proxy.
    public static IApplicationBuilder UseGatewayAuth(this IApplicationBuilder app) =>
        app.UseAuthentication().UseAuthorization();
}
