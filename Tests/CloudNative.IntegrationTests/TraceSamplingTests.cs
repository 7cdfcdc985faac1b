namespace CloudNative.IntegrationTests;

/// <summary>
/// The AppHost's model, built without starting it: every service traces every request unless AppHost:TraceSampleRatio
/// asks for a share, and a share that is not one stops the AppHost with a message that says what to give.
/// </summary>
public sealed class TraceSamplingTests
{
    [Fact]
    public async Task Every_service_traces_every_request_by_default()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.CloudNative_AppHost>();

        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            var environment = await EnvironmentAsync(project, builder.ExecutionContext);
            Assert.Equal("always_on", environment["OTEL_TRACES_SAMPLER"]);
        }
    }

    [Fact]
    public async Task A_sample_ratio_makes_every_service_keep_that_share_of_new_traces()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.CloudNative_AppHost>(
            ["AppHost:TraceSampleRatio=0.05"]);

        var projects = builder.Resources.OfType<ProjectResource>().ToList();
        Assert.Equal(AppHostFixture.Services.Order(), projects.Select(project => project.Name).Order());
        foreach (var project in projects)
        {
            var environment = await EnvironmentAsync(project, builder.ExecutionContext);
            Assert.Equal("parentbased_traceidratio", environment["OTEL_TRACES_SAMPLER"]);
            Assert.Equal("0.05", environment["OTEL_TRACES_SAMPLER_ARG"]);
        }
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("ten percent")]
    public async Task A_ratio_that_is_not_a_share_names_the_setting_and_the_fix(string ratio)
    {
        var error = await Assert.ThrowsAsync<DistributedApplicationException>(async () =>
        {
            await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.CloudNative_AppHost>(
                [$"AppHost:TraceSampleRatio={ratio}"]);
        });

        Assert.Contains($"AppHost:TraceSampleRatio is '{ratio}'", error.Message);
        Assert.Contains("a number from 0 to 1", error.Message);
    }

    // The environment callbacks in the order the app would run them, without starting anything: values that refer to
    // endpoints stay unresolved, which the sampler variables do not need.
    private static async Task<Dictionary<string, object>> EnvironmentAsync(IResource resource, DistributedApplicationExecutionContext executionContext)
    {
        var environment = new Dictionary<string, object>();
        var context = new EnvironmentCallbackContext(executionContext, resource, environment);
        foreach (var annotation in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await annotation.Callback(context);
        }
        return environment;
    }
}
