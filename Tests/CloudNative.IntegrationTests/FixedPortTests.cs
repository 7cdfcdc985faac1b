namespace CloudNative.IntegrationTests;

/// <summary>
/// In run mode Aspire's proxy listens on each endpoint's fixed port (from the project's launch profile, or set in the
/// AppHost). Two endpoints with one port means one proxy never listens and its service is reached through the
/// other's address. The testing builder randomizes ports, so only the model shows this.
/// </summary>
public sealed class FixedPortTests
{
    [Fact]
    public async Task No_two_endpoints_share_a_fixed_port()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.CloudNative_AppHost>();

        var shared = builder.Resources
            .SelectMany(resource => resource.Annotations.OfType<EndpointAnnotation>().Select(endpoint => (resource.Name, endpoint)))
            .Where(e => e.endpoint.Port is not null)
            .GroupBy(e => e.endpoint.Port)
            .Where(port => port.Count() > 1)
            .Select(port => $"{port.Key}: {string.Join(", ", port.Select(e => $"{e.Name}/{e.endpoint.Name}"))}");

        Assert.Empty(shared);
    }
}
