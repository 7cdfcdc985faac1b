namespace CloudNative.IntegrationTests;

/// <summary>Boots the real AppHost once for a test collection and waits until every resource is healthy.</summary>
public sealed class AppHostFixture : IAsyncLifetime
{
    public static readonly TimeSpan StartupTimeout = TimeSpan.FromMinutes(3);

    public DistributedApplication App { get; private set; } = null!;

    public IReadOnlyList<string> ResourceNames { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.CloudNative_AppHost>().WaitAsync(StartupTimeout);
        ResourceNames = [.. builder.Resources.Select(r => r.Name)];
        App = await builder.BuildAsync();
        await App.StartAsync().WaitAsync(StartupTimeout);
        await WaitForAllHealthyAsync();
    }

    public Task WaitForAllHealthyAsync() =>
        Task.WhenAll(ResourceNames.Select(name => App.ResourceNotifications.WaitForResourceHealthyAsync(name))).WaitAsync(StartupTimeout);

    public async Task DisposeAsync() => await App.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class AppHostCollection : ICollectionFixture<AppHostFixture>
{
    public const string Name = "AppHost";
}
