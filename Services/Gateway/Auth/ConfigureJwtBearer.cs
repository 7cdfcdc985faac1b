using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Api.Auth;

// JwtBearer (Microsoft.AspNetCore.Authentication.JwtBearer) rather than OpenIddict.Validation: the gateway only checks
// self-contained JWTs against a JWKS, which is exactly JwtBearer's job; it is part of ASP.NET Core's release train
// (10.0.x, like the rest of the gateway), its TokenValidationParameters state every rule below in one place, and
// its ConfigurationManager caches the JWKS, refreshes it in the background and re-reads it when a token names an
// unknown key (a key rollover in Identity). OpenIddict.Validation would add a second token stack for no extra check.
sealed class ConfigureJwtBearer(IOptions<GatewayAuthOptions> settings, IHttpClientFactory httpClients, ValidatedTokenCache tokens, TimeProvider time)
    : IConfigureNamedOptions<JwtBearerOptions>
{
    public const string BackchannelClient = "identity-metadata";

    public static readonly TimeSpan BackchannelTimeout = TimeSpan.FromSeconds(10);

    // Identity's and the gateway's clocks may drift a little; 5 minutes (the default) would keep an expired token
    // usable for far too long.
    static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme)
        {
            return;
        }

        var auth = settings.Value;
        // The backchannel comes from IHttpClientFactory, so service discovery resolves http://identity. Inside the app
        // services speak plain HTTP (TLS ends at the ingress), as Identity itself allows.
        var metadataAddress = new Uri(auth.Authority!, ".well-known/openid-configuration").AbsoluteUri;
        options.ConfigurationManager = new IdentityMetadata(new ConfigurationManager<OpenIdConnectConfiguration>(
            metadataAddress,
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(httpClients.CreateClient(BackchannelClient)) { RequireHttps = false }));
        options.MapInboundClaims = false;
        options.TokenHandlers.Clear();
        options.TokenHandlers.Add(tokens);
        options.TokenValidationParameters = new TokenValidationParameters
        {
            // OpenIddict writes the issuer as an absolute URI (with its trailing slash); compare like with like. The
            // validator makes it the only issuer: by default JwtBearer also accepts whatever the discovery document says.
            IssuerValidator = TrustedIssuer(auth.Issuer!.AbsoluteUri),
            ValidAudience = auth.Audience,
            // Identity signs with RS256 only; "none", HS256 with the public key as secret and the rest are refused.
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidTypes = [TokenClaims.AccessTokenType],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = ClockSkew,
            NameClaimType = TokenClaims.Subject,
            RoleClaimType = TokenClaims.Role,
            LifetimeValidator = TokenLifetime.By(time),
        };
        options.Events = new JwtBearerEvents
        {
            OnChallenge = BearerChallenge.WriteProblemAsync,
        };
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);

    static IssuerValidator TrustedIssuer(string trusted) => (issuer, _, _) => issuer == trusted
        ? issuer
        : throw new SecurityTokenInvalidIssuerException("The token's issuer is not the configured one.") { InvalidIssuer = issuer };
}
