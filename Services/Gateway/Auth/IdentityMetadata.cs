using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Gateway.Api.Auth;

// Identity's discovery document and JWKS, cached and refreshed by IdentityModel's ConfigurationManager. When they
// cannot be read (identity down, not yet listening), JwtBearer's own manager is consulted inside token validation,
// which swallows the failure and then blames the token ("unknown key", a 401). Wrapped, the failure surfaces as
// IdentityUnavailableException: the gateway's fault, a 503 (IdentityUnavailableHandler), and the next request tries
// again.
sealed class IdentityMetadata(IConfigurationManager<OpenIdConnectConfiguration> inner) : IConfigurationManager<OpenIdConnectConfiguration>
{
    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        try
        {
            return await inner.GetConfigurationAsync(cancel);
        }
        catch (Exception exception) when (!cancel.IsCancellationRequested)
        {
            throw new IdentityUnavailableException(exception);
        }
    }

    // JwtBearer asks for this when a token names a key it does not know (Identity rolled its keys over).
    public void RequestRefresh() => inner.RequestRefresh();
}

sealed class IdentityUnavailableException(Exception inner)
    : Exception("The identity service's discovery document or signing keys could not be read.", inner);
