using System.Security.Cryptography;

namespace Identity.Api.Tests;

// One Postgres for the whole collection, and one Identity app with every secret configured over `identitydb`.
// Tests that need a fresh app or another configuration create their own database on the same server.
public sealed class IdentityServerFixture : IAsyncLifetime
{
    PostgresServer? postgres;
    IdentityApiFactory? app;

    public string DemoPassword { get; } = NewSecret();

    public string AdminPassword { get; } = NewSecret();

    public string ServiceSecret { get; } = NewSecret();

    internal PostgresServer Postgres => postgres ?? throw new InvalidOperationException("Postgres has not started.");

    internal IdentityApiFactory App => app ?? throw new InvalidOperationException("The app has not started.");

    internal IReadOnlyDictionary<string, string> AllSecrets => new Dictionary<string, string>
    {
        ["Identity:Seed:DemoPassword"] = DemoPassword,
        ["Identity:Seed:AdminPassword"] = AdminPassword,
        ["Identity:Clients:ServiceSecret"] = ServiceSecret,
    };

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        postgres = await PostgresServer.StartAsync(timeout.Token);
        app = CreateApp("identitydb", AllSecrets);
        // Starts the host: migrations, keys and seed run now, not inside the first test's timing.
        _ = app.Server;
    }

    internal IdentityApiFactory CreateApp(string database, IReadOnlyDictionary<string, string> settings) =>
        new(Postgres.ConnectionString(database), settings);

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }
    }

    // Generated like the AppHost's secret parameters: nothing in the tests depends on a known password.
    static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
}

[CollectionDefinition(Name)]
public sealed class IdentityServerCollection : ICollectionFixture<IdentityServerFixture>
{
    public const string Name = "Identity server";
}
