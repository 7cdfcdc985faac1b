namespace Identity.Api.Model;

public static class Clients
{
    // Public: command-line tools, tests and load generators sign users in with the password grant.
    public const string Cli = "cloudnative-cli";

    // Confidential: service-to-service calls with the client_credentials grant.
    public const string Service = "cloudnative-service";
}
