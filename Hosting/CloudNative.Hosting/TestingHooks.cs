namespace CloudNative.Hosting;

/// <summary>
/// Lets CloudNative.Hosting.Testing run an AppHost's own Program.cs and take its builder, the way
/// Aspire.Hosting.Testing does: the AppHost's Main runs until <c>Build()</c>, which hands the builder to
/// the test and stops Main there. The test then changes the builder if it likes and builds it itself.
/// </summary>
internal static class TestingHooks
{
    private static readonly AsyncLocal<TestingSession?> s_session = new();

    public static bool IsTesting => s_session.Value is not null;

    public static void Begin(TestingSession session) => s_session.Value = session;

    public static void ApplyTo(DistributedApplicationOptions options) => s_session.Value?.Configure(options);

    public static IDistributedApplicationBuilder Capture(DistributedApplicationBuilder builder)
    {
        s_session.Value?.Created(builder);
        return builder;
    }

    /// <summary>Called by Build(): while the test has not taken the builder yet, stop the AppHost's Main here.</summary>
    public static void OnBuilding(DistributedApplicationBuilder builder)
    {
        if (s_session.Value is { } session && session.Intercepts(builder))
        {
            throw new BuilderCapturedException();
        }
    }
}

internal sealed class TestingSession(Action<DistributedApplicationOptions> configure)
{
    private readonly TaskCompletionSource<DistributedApplicationBuilder> _builder = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DistributedApplicationBuilder? _created;
    private bool _released;

    /// <summary>Completes when the AppHost's Main calls Build(), so the model is complete.</summary>
    public Task<DistributedApplicationBuilder> Builder => _builder.Task;

    public void Configure(DistributedApplicationOptions options) => configure(options);

    public void Created(DistributedApplicationBuilder builder) => _created ??= builder;

    /// <summary>The first Build() (from the AppHost's Main) is intercepted; the test's own Build() goes through.</summary>
    public bool Intercepts(DistributedApplicationBuilder builder)
    {
        if (_released || !ReferenceEquals(_created, builder))
        {
            return false;
        }

        _builder.TrySetResult(builder);
        return true;
    }

    public void Release() => _released = true;

    public void Fail(Exception exception) => _builder.TrySetException(exception);
}

/// <summary>Thrown inside the AppHost's Main to stop it once the test has its builder.</summary>
internal sealed class BuilderCapturedException : Exception;
