namespace CloudNative.ServiceDefaults.Gateway;

// The headers by which the gateway, the only public entry, tells the services behind it who is calling. The gateway
// authenticates the caller and overwrites whatever a client sent under these names, so services trust them as given.
public static class GatewayHeaders
{
    public const string UserId = "X-User-Id";

    public const string UserRoles = "X-User-Roles";
}
