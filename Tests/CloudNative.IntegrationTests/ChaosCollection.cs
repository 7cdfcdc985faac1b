namespace CloudNative.IntegrationTests;

/// <summary>
/// Tests that kill service replicas: their own app, since DCP does not restart a killed project replica, and alone,
/// never beside another app booting or under test (on 2 cores a second app's load would move every timing).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ChaosCollection : ICollectionFixture<ChaosAppHostFixture>
{
    public const string Name = "Chaos";
}

/// <summary>
/// The app for killing replicas. The broker gives a killed consumer's partitions to the survivor only when the
/// member's session times out (45 s), and Ordering's saga deadline (30 s) would cancel the orders waiting on them
/// first: correct, but then whether an order confirms depends on which partition its key hashed to. Here the
/// deadline outlasts the session, so every order must confirm, and any message lost would show as an order that
/// does not.
/// </summary>
public sealed class ChaosAppHostFixture : AppHostFixture
{
    public static readonly TimeSpan SagaTimeout = TimeSpan.FromMinutes(3);

    protected override void Configure(IDistributedApplicationTestingBuilder builder)
    {
        base.Configure(builder);
        builder.Service("ordering").WithEnvironment("Ordering__SagaTimeout", SagaTimeout.ToString("c"));
    }
}
