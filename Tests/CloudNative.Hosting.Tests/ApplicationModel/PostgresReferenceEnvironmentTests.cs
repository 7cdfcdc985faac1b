using CloudNative.Hosting.Postgres;
using CloudNative.Hosting.Testing;
using CloudNative.Hosting.Tests.TestSupport;

namespace CloudNative.Hosting.Tests.ApplicationModel;

/// <summary>WithReference(database) injects exactly Aspire 13.1's variables (aspire-contracts §3.1, §2.5).</summary>
public sealed class PostgresReferenceEnvironmentTests
{
    // Reserved and non-ASCII-safe characters, so the URI form must differ from the plain one.
    private const string Password = "p@ss:w/rd{1}+x";
    private const string EncodedPassword = "p%40ss%3Aw%2Frd%7B1%7D%2Bx";

    [Fact]
    public async Task DatabaseReferenceInjectsConnectionStringAndConnectionProperties()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        builder.Configuration["Parameters:postgres-password"] = Password;
        var postgres = builder.AddPostgres("postgres");
        var catalogDb = postgres.AddDatabase("catalogdb");
        var consumer = builder.AddExecutable("consumer", "true", ".").WithReference(catalogDb);
        var port = RunMode.Allocate(postgres.Resource, "tcp", 54321);

        var env = await RunMode.EnvironmentOf(consumer.Resource);

        Assert.Equal(new Dictionary<string, string>
        {
            ["ConnectionStrings__catalogdb"] = $"Host=localhost;Port={port};Username=postgres;Password={Password};Database=catalogdb",
            ["CATALOGDB_HOST"] = "localhost",
            ["CATALOGDB_PORT"] = $"{port}",
            ["CATALOGDB_USERNAME"] = "postgres",
            ["CATALOGDB_PASSWORD"] = Password,
            ["CATALOGDB_URI"] = $"postgresql://postgres:{EncodedPassword}@localhost:{port}/catalogdb",
            ["CATALOGDB_JDBCCONNECTIONSTRING"] = $"jdbc:postgresql://localhost:{port}/catalogdb",
            ["CATALOGDB_DATABASE"] = "catalogdb",
        }, env);
    }

    [Fact]
    public async Task ServerReferenceHasNoDatabasePartOrDatabaseProperty()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        builder.Configuration["Parameters:pg-password"] = Password;
        var postgres = builder.AddPostgres("pg");
        var consumer = builder.AddExecutable("consumer", "true", ".").WithReference(postgres);
        var port = RunMode.Allocate(postgres.Resource, "tcp", 54322);

        var env = await RunMode.EnvironmentOf(consumer.Resource);

        Assert.Equal(new Dictionary<string, string>
        {
            ["ConnectionStrings__pg"] = $"Host=localhost;Port={port};Username=postgres;Password={Password}",
            ["PG_HOST"] = "localhost",
            ["PG_PORT"] = $"{port}",
            ["PG_USERNAME"] = "postgres",
            ["PG_PASSWORD"] = Password,
            ["PG_URI"] = $"postgresql://postgres:{EncodedPassword}@localhost:{port}",
            ["PG_JDBCCONNECTIONSTRING"] = $"jdbc:postgresql://localhost:{port}",
        }, env);
    }

    [Fact]
    public async Task UserNameParameterReplacesTheDefaultUser()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        builder.Configuration["Parameters:dbuser"] = "catalog_owner";
        builder.Configuration["Parameters:postgres-password"] = Password;
        var user = builder.AddParameter("dbuser");
        var postgres = builder.AddPostgres("postgres", userName: user);
        var consumer = builder.AddExecutable("consumer", "true", ".").WithReference(postgres.AddDatabase("catalogdb"));
        var port = RunMode.Allocate(postgres.Resource, "tcp", 54323);

        var env = await RunMode.EnvironmentOf(consumer.Resource);

        Assert.Equal($"Host=localhost;Port={port};Username=catalog_owner;Password={Password};Database=catalogdb", env["ConnectionStrings__catalogdb"]);
        Assert.Equal("catalog_owner", env["CATALOGDB_USERNAME"]);
        Assert.StartsWith("postgresql://catalog_owner:", env["CATALOGDB_URI"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task DatabaseNameMayDifferFromTheResourceName()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        builder.Configuration["Parameters:postgres-password"] = Password;
        var postgres = builder.AddPostgres("postgres");
        var db = postgres.AddDatabase("catalogdb", databaseName: "catalog");
        var consumer = builder.AddExecutable("consumer", "true", ".").WithReference(db);
        RunMode.Allocate(postgres.Resource, "tcp", 54324);

        var env = await RunMode.EnvironmentOf(consumer.Resource);

        Assert.EndsWith(";Database=catalog", env["ConnectionStrings__catalogdb"], StringComparison.Ordinal);
        Assert.Equal("catalog", env["CATALOGDB_DATABASE"]);
        Assert.EndsWith("/catalog", env["CATALOGDB_URI"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerContainerEnvironmentMatchesAspire()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        builder.Configuration["Parameters:postgres-password"] = Password;
        var postgres = builder.AddPostgres("postgres");

        var env = await RunMode.EnvironmentOf(postgres.Resource);

        Assert.Equal(new Dictionary<string, string>
        {
            ["POSTGRES_HOST_AUTH_METHOD"] = "scram-sha-256",
            ["POSTGRES_INITDB_ARGS"] = "--auth-host=scram-sha-256 --auth-local=scram-sha-256",
            ["POSTGRES_USER"] = "postgres",
            ["POSTGRES_PASSWORD"] = Password,
        }, env);
    }
}
