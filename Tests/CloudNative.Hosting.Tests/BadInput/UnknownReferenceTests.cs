using CloudNative.Hosting.ApplicationModel;
using CloudNative.Hosting.Postgres;
using CloudNative.Hosting.Redis;
using CloudNative.Hosting.Testing;
using CloudNative.Hosting.Tests.TestSupport;

namespace CloudNative.Hosting.Tests.BadInput;

/// <summary>A reference, wait or parent outside the model fails at Build(), naming both resources and the fix.</summary>
public sealed class UnknownReferenceTests
{
    [Fact]
    public void ReferenceToAResourceNotInTheModelIsRejected()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var ghost = builder.CreateResourceBuilder(new RedisResource("ghost", password: null));
        builder.AddProject("catalog", FakeProjects.Create("catalog")).WithReference(ghost);

        var error = Assert.Throws<DistributedApplicationException>(() => builder.Build());

        Assert.Equal(
            "Resource 'catalog' refers to 'ghost' (Reference), which is not part of this application model. Add it with the builder's Add… method and pass the builder it returns.",
            error.Message);
    }

    [Fact]
    public void WaitForAResourceNotInTheModelIsRejected()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var ghost = builder.CreateResourceBuilder(new TestResource("ghost"));
        builder.AddExecutable("api", "true", ".").WaitFor(ghost);

        var error = Assert.Throws<DistributedApplicationException>(() => builder.Build());

        Assert.Contains("'api' refers to 'ghost' (WaitFor)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EndpointOfAResourceNotInTheModelIsRejected()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var ghost = builder.CreateResourceBuilder(new ExecutableResource("ghost", "true", "/")).WithHttpEndpoint();
        builder.AddExecutable("api", "true", ".").WithEnvironment("GHOST_URL", ghost.GetEndpoint("http"));

        var error = Assert.Throws<DistributedApplicationException>(() => builder.Build());

        Assert.Contains("'api' refers to 'ghost' (Reference)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AResourceInsideAnEnvironmentExpressionIsChecked()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var ghost = builder.CreateResourceBuilder(new ExecutableResource("ghost", "true", "/")).WithHttpEndpoint();
        var endpoint = ghost.GetEndpoint("http");
        builder.AddExecutable("api", "true", ".").WithEnvironment("GHOST", ReferenceExpression.Create($"{endpoint.Property(EndpointProperty.Host)}:{endpoint.Property(EndpointProperty.Port)}"));

        var error = Assert.Throws<DistributedApplicationException>(() => builder.Build());

        Assert.Contains("'api' refers to 'ghost' (Reference)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AComposedConnectionStringOverAnUnknownResourceIsRejected()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var ghost = builder.CreateResourceBuilder(new RedisResource("ghost", password: null));
        builder.AddConnectionString("legacy", ReferenceExpression.Create($"{ghost.Resource.PrimaryEndpoint.Property(EndpointProperty.HostAndPort)}"));

        var error = Assert.Throws<DistributedApplicationException>(() => builder.Build());

        Assert.Contains("'legacy' refers to 'ghost' (ConnectionString)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GeneratedParametersOfModelResourcesAreKnown()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var postgres = builder.AddPostgres("postgres");
        builder.AddExecutable("api", "true", ".").WithReference(postgres.AddDatabase("catalogdb")).WithEnvironment("PG_PASSWORD", builder.CreateResourceBuilder(postgres.Resource.PasswordParameter));

        using var app = builder.Build();
    }
}
