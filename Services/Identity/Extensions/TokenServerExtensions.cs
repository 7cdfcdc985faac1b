using Identity.Api.Handlers;
using Identity.Api.Infrastructure;
using Identity.Api.Infrastructure.Keys;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.Api.Extensions;

public static class TokenServerExtensions
{
    // Identity:Issuer pins the "iss" of every token (e.g. the gateway's public URL); without it the issuer is the
    // URL the request came in on.
    public const string IssuerSetting = "Identity:Issuer";

    public static void AddTokenServer(this IHostApplicationBuilder builder)
    {
        var issuer = builder.Configuration[IssuerSetting];

        builder.Services.AddOpenIddict()
            .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<IdentityContext>())
            .AddServer(options =>
            {
                options.SetTokenEndpointUris("connect/token");
                options.AllowPasswordFlow()
                    .AllowClientCredentialsFlow()
                    .AllowRefreshTokenFlow();
                options.RegisterScopes(Scopes.Email, Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess);

                // Plain signed JWTs, so the gateway validates access tokens with the JWKS alone.
                options.DisableAccessTokenEncryption();

                if (!string.IsNullOrEmpty(issuer))
                {
                    options.SetIssuer(new Uri(issuer, UriKind.Absolute));
                }

                options.AddEventHandler(RejectMalformedFormHandler.Descriptor);

                options.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    // TLS ends at the gateway; inside the application services speak plain HTTP.
                    .DisableTransportSecurityRequirement();
            });

        builder.Services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, ConfigureServerKeys>();
    }
}
