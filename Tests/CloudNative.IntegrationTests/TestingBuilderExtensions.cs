namespace CloudNative.IntegrationTests;

internal static class TestingBuilderExtensions
{
    /// <summary>One of the AppHost's services, to change its settings for a test app.</summary>
    public static IResourceBuilder<ProjectResource> Service(this IDistributedApplicationTestingBuilder builder, string name) =>
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == name));
}
