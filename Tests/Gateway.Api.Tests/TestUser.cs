using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Api.Tests;

// Stands in for the gateway's token validation: a request with "X-Test-User: alice" is signed in as subject "alice"
// (a "sub" claim); with "X-Test-Mapped-User: alice" the subject comes as ClaimTypes.NameIdentifier, as JwtBearer maps it.
// (WebApplication runs authentication before the app's middleware once a scheme is registered.)
sealed class TestUser(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Header = "X-Test-User";
    public const string MappedHeader = "X-Test-Mapped-User";
    const string SchemeName = "Test";

    public static void Register(IServiceCollection services) =>
        services.AddAuthentication(SchemeName).AddScheme<AuthenticationSchemeOptions, TestUser>(SchemeName, _ => { });

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        Claim subject;
        if (Request.Headers[Header] is [{ Length: > 0 } sub])
        {
            subject = new Claim("sub", sub);
        }
        else if (Request.Headers[MappedHeader] is [{ Length: > 0 } mapped])
        {
            subject = new Claim(ClaimTypes.NameIdentifier, mapped);
        }
        else
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var identity = new ClaimsIdentity([subject], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
