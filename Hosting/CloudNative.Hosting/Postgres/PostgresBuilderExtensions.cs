using System.Net.Sockets;
using CloudNative.Hosting.ApplicationModel;
using CloudNative.Hosting.Orchestration;
using Npgsql;

namespace CloudNative.Hosting.Postgres;

public static class PostgresBuilderExtensions
{
    internal const string Registry = "docker.io";
    internal const string Image = "library/postgres";
    internal const string Tag = "17.6";

    /// <summary>
    /// A PostgreSQL server with a generated password (scram-sha-256, never trust), health-checked with a real
    /// connection. Runs from the image in container mode, from the system's binaries in process mode.
    /// </summary>
    public static IResourceBuilder<PostgresServerResource> AddPostgres(this IDistributedApplicationBuilder builder, string name,
        IResourceBuilder<ParameterResource>? userName = null, IResourceBuilder<ParameterResource>? password = null, int? port = null)
    {
        var passwordParameter = password?.Resource ?? ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password");
        var server = new PostgresServerResource(name, userName?.Resource, passwordParameter);
        var healthCheckKey = $"{name}_check";
        HealthCheckRegistrations.Add(builder, healthCheckKey, cancellationToken => PostgresHealth.CheckAsync(server, cancellationToken));

        return builder.AddResource(server)
            .WithAnnotation(new ContainerImageAnnotation(Registry, Image, Tag))
            .WithAnnotation(new EndpointAnnotation(ProtocolType.Tcp, "tcp", "tcp", PostgresServerResource.PrimaryEndpointName, port, targetPort: 5432))
            .WithAnnotation(new EnvironmentCallbackAnnotation(context =>
            {
                context.EnvironmentVariables["POSTGRES_HOST_AUTH_METHOD"] = "scram-sha-256";
                context.EnvironmentVariables["POSTGRES_INITDB_ARGS"] = "--auth-host=scram-sha-256 --auth-local=scram-sha-256";
                context.EnvironmentVariables["POSTGRES_USER"] = server.UserNameReference;
                context.EnvironmentVariables["POSTGRES_PASSWORD"] = server.PasswordParameter;
            }))
            .WithAnnotation(new ResourceReadyAnnotation((_, cancellationToken) => PostgresDatabaseCreator.CreateAllAsync(server, cancellationToken)))
            .WithHealthCheck(healthCheckKey);
    }

    /// <summary>A database on the server. Since Aspire 9.2 the AppHost creates it once the server is ready.</summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(this IResourceBuilder<PostgresServerResource> builder, string name, string? databaseName = null)
    {
        databaseName ??= name;
        var database = new PostgresDatabaseResource(name, databaseName, builder.Resource);
        var added = builder.ApplicationBuilder.AddResource(database);

        // Only once the name is accepted: the server creates every database it knows when it is ready.
        builder.Resource.AddDatabase(name, databaseName);
        var healthCheckKey = $"{name}_check";
        HealthCheckRegistrations.Add(builder.ApplicationBuilder, healthCheckKey, cancellationToken => PostgresHealth.CheckAsync(database, cancellationToken));
        return added
            .WithAnnotation(new ResourceRelationshipAnnotation(builder.Resource, "Parent"))
            .WithHealthCheck(healthCheckKey);
    }

    /// <summary>Keeps data in a named volume in container mode, as Aspire's WithDataVolume (process mode keeps data per AppHost anyway).</summary>
    public static IResourceBuilder<PostgresServerResource> WithDataVolume(this IResourceBuilder<PostgresServerResource> builder, string? name = null) =>
        builder.WithAnnotation(new ContainerMountAnnotation(name ?? VolumeNames.For(builder, "data"), "/var/lib/postgresql/data", IsVolume: true));
}
