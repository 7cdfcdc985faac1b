using CloudNative.Hosting.ApplicationModel;

namespace CloudNative.Hosting.Postgres;

/// <summary>The Aspire 13.1 connection properties of a server or a database (aspire-contracts §2.5), in Aspire's order.</summary>
internal static class PostgresConnectionProperties
{
    public static IEnumerable<KeyValuePair<string, ReferenceExpression>> For(PostgresServerResource server, string? databaseName)
    {
        var host = server.PrimaryEndpoint.Property(EndpointProperty.Host);
        var port = server.PrimaryEndpoint.Property(EndpointProperty.Port);
        var path = databaseName is null ? string.Empty : $"/{databaseName}";
        yield return new("Host", ReferenceExpression.Create($"{host}"));
        yield return new("Port", ReferenceExpression.Create($"{port}"));
        yield return new("Username", server.UserNameReference);
        yield return new("Password", ReferenceExpression.Create($"{server.PasswordParameter}"));
        yield return new("Uri", ReferenceExpression.Create($"postgresql://{server.UserNameReference}:{server.PasswordParameter:uri}@{host}:{port}{path}"));
        yield return new("JdbcConnectionString", ReferenceExpression.Create($"jdbc:postgresql://{host}:{port}{path}"));
        if (databaseName is not null)
        {
            yield return new("Database", ReferenceExpression.Literal(databaseName));
        }
    }
}
