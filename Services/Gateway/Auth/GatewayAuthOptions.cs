using System.ComponentModel.DataAnnotations;

namespace Gateway.Api.Auth;

// Gateway:Auth: whose access tokens the gateway accepts.
public sealed class GatewayAuthOptions
{
    public const string SectionName = "Gateway:Auth";

    // The "iss" that Identity puts in its tokens (its Identity:Issuer); the AppHost sets both from one value.
    [Required]
    public Uri? Issuer { get; set; }

    // The one API audience Identity issues access tokens for.
    [Required]
    public string Audience { get; set; } = "cloudnative-api";

    // Where the gateway reads Identity's discovery document and JWKS: the service name, which service discovery
    // resolves (the AppHost's services:identity:http:N, DNS in Kubernetes). Not the issuer: that is a public URL a
    // process inside the app may not be able to reach.
    [Required]
    public Uri? Authority { get; set; } = new("http://identity");
}
