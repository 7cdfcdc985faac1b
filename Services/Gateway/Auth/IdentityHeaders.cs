using System.Security.Claims;
using CloudNative.ServiceDefaults.Gateway;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Gateway.Api.Auth;

// The headers that tell a backend who the caller is. Backends trust them because only the gateway can set them: on
// every route, whatever a client sent under these names is removed, and they are set from the validated token only.
public sealed class IdentityHeaders : ITransformProvider
{
    // Named once, in ServiceDefaults, for the gateway and the services that read them.
    public const string UserId = GatewayHeaders.UserId;

    // The caller's roles, comma-separated.
    public const string UserRoles = GatewayHeaders.UserRoles;

    static readonly string[] Names = [UserId, UserRoles];

    public void ValidateRoute(TransformRouteValidationContext context)
    {
    }

    public void ValidateCluster(TransformClusterValidationContext context)
    {
    }

    public void Apply(TransformBuilderContext context) => context.AddRequestTransform(SetFromTokenAsync);

    static ValueTask SetFromTokenAsync(RequestTransformContext context)
    {
        RemoveClientValues(context);

        var user = context.HttpContext.User;
        if (user.Identity?.IsAuthenticated == true && user.FindFirstValue(TokenClaims.Subject) is { Length: > 0 } subject)
        {
            RequestTransform.AddHeader(context, UserId, subject);
            var roles = user.FindAll(TokenClaims.Role).Select(role => role.Value).ToArray();
            if (roles.Length > 0)
            {
                RequestTransform.AddHeader(context, UserRoles, string.Join(',', roles));
            }
        }

        return ValueTask.CompletedTask;
    }

    // Also the look-alikes: WSGI, CGI and nginx-fronted backends read "X_User_Id" as the same header as "X-User-Id".
    static void RemoveClientValues(RequestTransformContext context)
    {
        foreach (var name in context.HttpContext.Request.Headers.Keys.Where(IsIdentityHeader).ToArray())
        {
            RequestTransform.RemoveHeader(context, name);
        }
    }

    static bool IsIdentityHeader(string name)
    {
        foreach (var identityName in Names)
        {
            if (SameIgnoringCaseAndSeparator(identityName, name))
            {
                return true;
            }
        }
        return false;
    }

    static bool SameIgnoringCaseAndSeparator(string expected, string name)
    {
        if (expected.Length != name.Length)
        {
            return false;
        }
        for (var i = 0; i < name.Length; i++)
        {
            if (Normalize(expected[i]) != Normalize(name[i]))
            {
                return false;
            }
        }
        return true;
    }

    static char Normalize(char c) => c == '_' ? '-' : char.ToLowerInvariant(c);
}
