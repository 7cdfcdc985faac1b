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
// discovery (services:identity:http:0), with a signing key of its own to mint the tokens the tests send. One per test
// process; it lives as long as the process (the gateways under test come and go).
sealed class TestIdentity
{
    // An identifier, deliberately not this server's URL: the gateway must take the issuer from configuration and
    // the keys from the service it discovers.
    public const string Issuer = "https://identity.cloudnative.test/";
    public const string Audience = "cloudnative-api";
    public const string AccessTokenType = "at+jwt";

    public static TestIdentity Shared { get; } = Start();

    public string Url { get; }

    public RsaSecurityKey SigningKey { get; }

    readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };

    TestIdentity(string url, RsaSecurityKey signingKey) => (Url, SigningKey) = (url, signingKey);

    static TestIdentity Start()
    {
        var key = NewKey();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
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
        return new TestIdentity(app.Urls.Single(), key);
    }

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
