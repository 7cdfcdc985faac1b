namespace Identity.Api.Infrastructure.Seed;

// Identity:Clients: secrets of the confidential clients, from configuration only.
public class ClientOptions
{
    public const string SectionName = "Identity:Clients";

    public string? ServiceSecret { get; set; }
}
