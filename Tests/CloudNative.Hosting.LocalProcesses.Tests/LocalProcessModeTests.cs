using Aspire.Hosting.Eventing;
using Aspire.Hosting.Lifecycle;
using Microsoft.Extensions.DependencyInjection;

namespace CloudNative.Hosting.LocalProcesses.Tests;

/// <summary>
/// LocalProcesses:Mode decides at BeforeStartEvent. The container runtime is faked through ASPIRE_CONTAINER_RUNTIME:
/// <c>true</c> answers <c>info</c>, <c>false</c> and a missing CLI do not.
/// </summary>
public sealed class LocalProcessModeTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("Always", "true")]
    [InlineData("always", "true")]
    [InlineData("Always", "false")]
    [InlineData("Auto", "false")]
    [InlineData("Auto", "cloudnative-no-such-runtime")]
    public async Task TheContainerBecomesALocalProcess(string mode, string runtime)
    {
        var (resource, adopted) = await DecideAsync(mode, runtime);

        Assert.Empty(resource.Annotations.OfType<ContainerImageAnnotation>());
        Assert.False(resource.IsContainer());
        Assert.True(adopted);
    }

    [Theory]
    [InlineData("Never", "false")]
    [InlineData("Never", "true")]
    [InlineData("Auto", "true")]
    public async Task TheContainerStaysAContainer(string mode, string runtime)
    {
        var (resource, adopted) = await DecideAsync(mode, runtime);

        var image = Assert.Single(resource.Annotations.OfType<ContainerImageAnnotation>());
        Assert.Equal("example/svc", image.Image);
        Assert.True(Assert.Single(resource.Annotations.OfType<EndpointAnnotation>()).IsProxied);
        Assert.False(adopted);
    }

    [Fact]
    public async Task AnUnknownModeFailsNamingTheSettingAndTheValue()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => DecideAsync("Sometimes", "false"));

        Assert.Contains("LocalProcesses:Mode", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sometimes", error.Message, StringComparison.Ordinal);
    }

    private static async Task<(IResource Resource, bool Adopted)> DecideAsync(string mode, string runtime)
    {
        using var timeout = new CancellationTokenSource(s_timeout);
        using var builder = DistributedApplicationTestingBuilder.Create($"LocalProcesses:Mode={mode}", $"ASPIRE_CONTAINER_RUNTIME={runtime}");
        builder.AddLocalProcessFallback();
        var svc = builder.AddService("svc", new CommandRecipe("sleep", "300")).WithEndpoint(targetPort: 8080, name: "tcp");
        await using var app = builder.Build();

        // What DistributedApplication.StartAsync does first, without starting DCP.
        var subscriber = app.Services.GetServices<IDistributedApplicationEventingSubscriber>().OfType<LocalProcessSubscriber>().Single();
        var eventing = new DistributedApplicationEventing();
        await subscriber.SubscribeAsync(eventing, app.Services.GetRequiredService<DistributedApplicationExecutionContext>(), timeout.Token);
        await eventing.PublishAsync(new BeforeStartEvent(app.Services, app.Services.GetRequiredService<DistributedApplicationModel>()), timeout.Token);

        return (svc.Resource, app.Services.GetRequiredService<LocalProcessHost>().Find("svc") is not null);
    }
}
