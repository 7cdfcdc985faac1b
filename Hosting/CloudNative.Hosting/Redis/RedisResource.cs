using CloudNative.Hosting.ApplicationModel;
using CloudNative.Hosting.Orchestration;

namespace CloudNative.Hosting.Redis;

public sealed class RedisResource(string name, ParameterResource? password)
    : ContainerResource(name, entrypoint: "/bin/sh"), IResourceWithConnectionString, IResourceWithGeneratedParameters, IProcessModeResource
{
    internal const string PrimaryEndpointName = "tcp";

    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    public ParameterResource? PasswordParameter { get; } = password;

    /// <summary>Set by WithDataVolume: snapshot every 60 s when a key changed, as Aspire's data volume does.</summary>
    public bool PersistData { get; internal set; }

    public ReferenceExpression ConnectionStringExpression => PasswordParameter is null
        ? ReferenceExpression.Create($"{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)}")
        : ReferenceExpression.Create($"{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)},password={PasswordParameter}");

    IEnumerable<ParameterResource> IResourceWithGeneratedParameters.GeneratedParameters => PasswordParameter is null ? [] : [PasswordParameter];

    IEnumerable<RequiredBinary> IProcessModeResource.RequiredBinaries =>
        [new("redis-server", "Install it with 'apt-get update && apt-get install -y redis-server' (./build.sh does this).")];

    public IEnumerable<KeyValuePair<string, ReferenceExpression>> GetConnectionProperties()
    {
        var host = PrimaryEndpoint.Property(EndpointProperty.Host);
        var port = PrimaryEndpoint.Property(EndpointProperty.Port);
        yield return new("Host", ReferenceExpression.Create($"{host}"));
        yield return new("Port", ReferenceExpression.Create($"{port}"));
        if (PasswordParameter is not null)
        {
            yield return new("Password", ReferenceExpression.Create($"{PasswordParameter}"));
            yield return new("Uri", ReferenceExpression.Create($"redis://:{PasswordParameter:uri}@{host}:{port}"));
        }
        else
        {
            yield return new("Uri", ReferenceExpression.Create($"redis://{host}:{port}"));
        }
    }

    IResourceLauncher IProcessModeResource.CreateProcessLauncher(IServiceProvider services) => new RedisProcessLauncher(this);
}
