using System.Text.Json;
using CloudNative.Hosting.ApplicationModel;
using CloudNative.Hosting.Publishing;
using CloudNative.Hosting.Redis;

namespace CloudNative.Hosting.Tests.Publishing;

/// <summary>The checks azd makes when it loads a manifest (aspire-contracts §4.4), each with azd's message.</summary>
public sealed class AzdManifestRulesTests
{
    [Fact]
    public void AcceptedTypesPass()
    {
        Assert.Empty(Check("""
            {"resources":{
              "p":{"type":"parameter.v0","value":"{p.inputs.value}","inputs":{"value":{"type":"string","secret":true,"default":{"generate":{"minLength":22}}}}},
              "p-uri-encoded":{"type":"annotated.string","value":"{p.value}","filter":"uri"},
              "v":{"type":"value.v0","connectionString":"x"},
              "c":{"type":"container.v0","image":"redis","bindings":{"tcp":{"scheme":"tcp","protocol":"tcp","transport":"tcp","targetPort":6379}}},
              "api":{"type":"project.v0","path":"a.csproj","bindings":{"http":{"scheme":"http","protocol":"tcp","transport":"http","external":true},"https":{"scheme":"https","protocol":"tcp","transport":"http","external":true}}}
            }}
            """));
    }

    [Theory]
    [InlineData("executable.v0")]
    [InlineData("aws.cloudformation.stack.v0")]
    [InlineData("my.extension.v0")]
    public void OtherTypesAreUnsupported(string type) =>
        Assert.Equal($"unsupported resource type: {type}", Single("""{"resources":{"x":{"type":"TYPE"}}}""".Replace("TYPE", type, StringComparison.Ordinal)));

    [Fact]
    public void ParameterMustUseItsOwnInput() =>
        Assert.Equal("parameter p does not use inputs from its own resource. This is not supported",
            Single("""{"resources":{"p":{"type":"parameter.v0","value":"{q.inputs.value}","inputs":{"value":{"type":"string"}}}}}"""));

    [Fact]
    public void SecretParameterMayNotHaveADefaultValue() =>
        Assert.Equal("default value for secured parameter p is not supported",
            Single("""{"resources":{"p":{"type":"parameter.v0","value":"{p.inputs.value}","inputs":{"value":{"type":"string","secret":true,"default":{"value":"hunter2"}}}}}}"""));

    [Theory]
    [InlineData("{db.connectionString}")]
    [InlineData("--password={pw.value}")]
    [InlineData("{pw-uri-encoded.value}")]
    [InlineData("{kv.secretOutputs.key}")]
    public void ArgumentsMayNotCarrySecrets(string arg) =>
        Assert.Equal("resource c: argument 1 cannot contain connection strings, secured parameters, or secret outputs. Use environment variables instead",
            Single("""
                {"resources":{
                  "pw":{"type":"parameter.v0","value":"{pw.inputs.value}","inputs":{"value":{"type":"string","secret":true}}},
                  "pw-uri-encoded":{"type":"annotated.string","value":"{pw.value}","filter":"uri"},
                  "c":{"type":"container.v0","image":"x","args":["-c","ARG"]}
                }}
                """.Replace("ARG", arg, StringComparison.Ordinal)));

    [Fact]
    public void NonSecretParameterInArgumentsIsFine() =>
        Assert.Empty(Check("""
            {"resources":{
              "rows":{"type":"parameter.v0","value":"{rows.inputs.value}","inputs":{"value":{"type":"string"}}},
              "c":{"type":"container.v0","image":"x","args":["--rows={rows.value}"]}
            }}
            """));

    [Fact]
    public void TcpBindingNeedsATargetPort() =>
        Assert.Equal("configuring ingress for resource c: binding \"tcp\" has scheme \"tcp\" but no container port",
            Single("""{"resources":{"c":{"type":"container.v0","image":"x","bindings":{"tcp":{"scheme":"tcp","protocol":"tcp","transport":"tcp"}}}}}"""));

    [Fact]
    public void OnlyHttpMayBeExternal() =>
        Assert.Equal("configuring ingress for resource c: External non-HTTP(s) endpoints are not supported",
            Single("""{"resources":{"c":{"type":"container.v0","image":"x","bindings":{"tcp":{"scheme":"tcp","protocol":"tcp","transport":"tcp","targetPort":5432,"external":true}}}}}"""));

    [Fact]
    public void AtMostOneExternalEndpointGroup() =>
        Assert.Equal("configuring ingress for resource c: Multiple external endpoints are not supported",
            Single("""
                {"resources":{"c":{"type":"container.v0","image":"x","bindings":{
                  "http":{"scheme":"http","protocol":"tcp","transport":"http","targetPort":8080,"external":true},
                  "admin":{"scheme":"http","protocol":"tcp","transport":"http","targetPort":9090,"external":true}}}}}
                """));

    [Fact]
    public void HttpAndHttpsOnOneTargetPortAreOneGroup() =>
        Assert.Empty(Check("""
            {"resources":{"c":{"type":"container.v0","image":"x","bindings":{
              "http":{"scheme":"http","protocol":"tcp","transport":"http","targetPort":8080,"external":true},
              "https":{"scheme":"https","protocol":"tcp","transport":"http","targetPort":8080,"external":true}}}}}
            """));

    [Fact]
    public void MainIngressOnAnotherPortThanEightyIsRefused()
    {
        var violation = Assert.Single(AzdManifestRules.Check(Parse("""
            {"resources":{"gateway":{"type":"project.v0","path":"g.csproj","bindings":{"http":{"scheme":"http","protocol":"tcp","transport":"http","port":5000,"external":true}}}}}
            """)));

        Assert.Equal("configuring ingress for resource gateway: Binding http can't be mapped to main ingress because it has port 5000 defined. main ingress only supports port 80 for http scheme.", violation.Message);
    }

    [Fact]
    public async Task PublisherRefusesAModelAzdWouldRefuseAndWritesNothing()
    {
        using var host = ManifestHost.Create();
        host.Builder.AddParameter("apikey", "s3cr3t-constant", publishValueAsDefault: true, secret: true);

        var exception = await Assert.ThrowsAsync<DistributedApplicationException>(host.PublishAsync);

        Assert.Equal("The manifest was not written because azd would refuse it: default value for secured parameter apikey is not supported", exception.Message);
        Assert.False(File.Exists(host.ManifestPath));
    }

    [Fact]
    public async Task PublisherRefusesAnExecutable()
    {
        using var host = ManifestHost.Create();
        host.Builder.AddExecutable("tool", "python3", host.Directory);

        var exception = await Assert.ThrowsAsync<DistributedApplicationException>(host.PublishAsync);

        Assert.EndsWith("unsupported resource type: executable.v0", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublisherRefusesAConnectionStringInArguments()
    {
        using var host = ManifestHost.Create();
        var redis = host.Builder.AddRedis("redis");
        host.Builder.AddProject("api", host.CreateProject("Api")).WithArgs("--redis", redis.Resource);

        var exception = await Assert.ThrowsAsync<DistributedApplicationException>(host.PublishAsync);

        Assert.EndsWith("resource api: argument 1 cannot contain connection strings, secured parameters, or secret outputs. Use environment variables instead", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublisherRefusesAnExternalTcpEndpoint()
    {
        using var host = ManifestHost.Create();
        host.Builder.AddRedis("redis").WithEndpoint(RedisResourceEndpoint, endpoint => endpoint.IsExternal = true);

        var exception = await Assert.ThrowsAsync<DistributedApplicationException>(host.PublishAsync);

        Assert.EndsWith("configuring ingress for resource redis: External non-HTTP(s) endpoints are not supported", exception.Message, StringComparison.Ordinal);
    }

    private const string RedisResourceEndpoint = "tcp";

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    private static IReadOnlyList<AzdRuleViolation> Check(string json) => AzdManifestRules.Check(Parse(json));

    private static string Single(string json) => Assert.Single(Check(json)).Message;
}
