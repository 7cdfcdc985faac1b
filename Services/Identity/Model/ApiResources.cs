namespace Identity.Api.Model;

public static class ApiResources
{
    // The audience of every access token; the gateway accepts no other.
    public const string Audience = "cloudnative-api";
}
