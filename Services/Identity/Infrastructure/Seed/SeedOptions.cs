namespace Identity.Api.Infrastructure.Seed;

// Identity:Seed: the demo users' passwords, which the AppHost fills from its secret parameters.
public class SeedOptions
{
    public const string SectionName = "Identity:Seed";

    public string? DemoPassword { get; set; }

    public string? AdminPassword { get; set; }
}
