namespace Identity.Api.Model;

// The role claim values the gateway authorizes against.
public static class Roles
{
    public const string Customer = "customer";
    public const string Admin = "admin";

    public static readonly string[] All = [Customer, Admin];
}
