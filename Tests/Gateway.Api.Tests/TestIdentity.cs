using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Api.Tests;

// A stand-in for the identity service on 127.0.0.1: the discovery document and JWKS the gateway reads through service
// discovery (services:identity:http:0), with a signing key of its own to mint the tokens the tests send. Shared is one
// per test process and lives as long as the process (the gateways under test come and go).
sealed class TestIdentity : IAsyncDisposable
{
    // An identifier, deliberately not this server's URL: the gateway must take the issuer from configuration and
    // the keys from the service it discovers.
    public const string Issuer = "https://identity.cloudnative.test/";
    public const string Audience = "cloudnative-api";
    public const string AccessTokenType = "at+jwt";

    public static TestIdentity Shared { get; } = StartOn("http://127.0.0.1:0");

    public string Url { get; }

    public RsaSecurityKey SigningKey { get; }

    readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };
    readonly WebApplication app;

    TestIdentity(WebApplication app, RsaSecurityKey signingKey) => (this.app, Url, SigningKey) = (app, app.Urls.Single(), signingKey);

    // An identity service with keys of its own, on the given URL (port 0: any free one).
    public static TestIdentity StartOn(string url)
    {
        var key = NewKey();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();

        var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
        var jwks = new
        {
            keys = new[]
            {
                new
                {
                    kty = "RSA", use = "sig", alg = SecurityAlgorithms.RsaSha256, kid = key.KeyId,
                    n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent),
                },
            },
        };
        app.MapGet("/.well-known/openid-configuration", (HttpRequest request) => Results.Json(new Dictionary<string, string>
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = $"{request.Scheme}://{request.Host}/.well-known/jwks",
        }));
        app.MapGet("/.well-known/jwks", () => Results.Json(jwks));

        app.Start();
        return new TestIdentity(app, key);
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    public static RsaSecurityKey NewKey() => new(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") };

    // An access token as Identity issues it, valid for an hour; change changes any part of it.
    public string Token(string subject, string[] roles, Action<SecurityTokenDescriptor>? change = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["sub"] = subject };
        if (roles.Length > 0)
        {
            claims["role"] = roles.Length == 1 ? roles[0] : roles;
        }
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            TokenType = AccessTokenType,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            Claims = claims,
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
        };
        change?.Invoke(descriptor);
        return handler.CreateToken(descriptor);
    }

    public string CustomerToken(string subject = "customer-1") => Token(subject, ["customer"]);

    public string AdminToken(string subject = "admin-1") => Token(subject, ["admin"]);

    // For requests written by hand (RawHttp).
    public string AdminAuthorizationLine() => $"Authorization: Bearer {AdminToken()}\r\n";

    // The public key in PEM, the "secret" of the classic RS256 → HS256 confusion attack.
    public byte[] PublicKeyPem() => Encoding.ASCII.GetBytes(SigningKey.Rsa.ExportSubjectPublicKeyInfoPem());
}
