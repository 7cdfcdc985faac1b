using CloudNative.Hosting.ApplicationModel;
using CloudNative.Hosting.Orchestration;

namespace CloudNative.Hosting.Postgres;

public sealed class PostgresServerResource(string name, ParameterResource? userName, ParameterResource password)
    : ContainerResource(name), IResourceWithConnectionString, IResourceWithGeneratedParameters, IProcessModeResource
{
    internal const string PrimaryEndpointName = "tcp";
    internal const string DefaultUserName = "postgres";

    private readonly Dictionary<string, string> _databases = new(StringComparer.OrdinalIgnoreCase);

    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    public ParameterResource? UserNameParameter { get; } = userName;

    public ParameterResource PasswordParameter { get; } = password;

    /// <summary>Database resource name → database name.</summary>
    public IReadOnlyDictionary<string, string> Databases => _databases;

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={UserNameReference};Password={PasswordParameter}");

    internal ReferenceExpression UserNameReference => UserNameParameter is null
        ? ReferenceExpression.Literal(DefaultUserName)
        : ReferenceExpression.Create($"{UserNameParameter}");

    IEnumerable<ParameterResource> IResourceWithGeneratedParameters.GeneratedParameters =>
        UserNameParameter is null ? [PasswordParameter] : [UserNameParameter, PasswordParameter];

    IEnumerable<RequiredBinary> IProcessModeResource.RequiredBinaries =>
    [
        new("initdb", "Install PostgreSQL with 'apt-get install -y postgresql' (./build.sh does this)."),
        new("postgres", "Install PostgreSQL with 'apt-get install -y postgresql' (./build.sh does this)."),
    ];

    public IEnumerable<KeyValuePair<string, ReferenceExpression>> GetConnectionProperties() => PostgresConnectionProperties.For(this, databaseName: null);

    IResourceLauncher IProcessModeResource.CreateProcessLauncher(IServiceProvider services) => new PostgresProcessLauncher(this);

    internal void AddDatabase(string resourceName, string databaseName) => _databases.TryAdd(resourceName, databaseName);
}
