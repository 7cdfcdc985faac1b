using CloudNative.Hosting.ApplicationModel;
using CloudNative.Hosting.Orchestration;
using CloudNative.Hosting.Testing;

namespace CloudNative.Hosting.Tests.Orchestration;

/// <summary>The WaitFor graph: cycles are found with their path, shared dependencies are not cycles.</summary>
public sealed class WaitGraphTests
{
    [Fact]
    public void CycleIsReportedWithItsPathAndTheFix()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var a = builder.AddExecutable("a", "true", ".");
        var b = builder.AddExecutable("b", "true", ".");
        var c = builder.AddExecutable("c", "true", ".");
        a.WaitFor(b);
        b.WaitFor(c);
        c.WaitFor(a);

        var error = Assert.Throws<DistributedApplicationException>(() => builder.Build());

        Assert.Contains("WaitFor cycle: a → b → c → a", error.Message, StringComparison.Ordinal);
        Assert.Contains("Remove one of these WaitFor calls", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CycleFoundFromAnEntryOutsideItIsOnlyTheCycle()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var entry = builder.AddExecutable("entry", "true", ".");
        var b = builder.AddExecutable("b", "true", ".");
        var c = builder.AddExecutable("c", "true", ".");
        entry.WaitFor(b);
        b.WaitFor(c);
        c.WaitFor(b);

        var cycle = WaitGraph.FindCycle(builder.Resources);

        Assert.NotNull(cycle);
        Assert.Equal(["b", "c", "b"], cycle.Select(r => r.Name));
    }

    [Fact]
    public void WaitForCompletionEdgesCountToo()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var migrate = builder.AddExecutable("migrate", "true", ".");
        var api = builder.AddExecutable("api", "true", ".");
        api.WaitForCompletion(migrate);
        migrate.WaitFor(api);

        var error = Assert.Throws<DistributedApplicationException>(() => builder.Build());

        // The search starts from the first resource added.
        Assert.Contains("WaitFor cycle: migrate → api → migrate.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SelfWaitIsRejectedWhereItIsWritten()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var api = builder.AddExecutable("api", "true", ".");

        var error = Assert.Throws<DistributedApplicationException>(() => api.WaitFor(api));

        Assert.Contains("'api' cannot wait for itself", error.Message, StringComparison.Ordinal);
        Assert.Contains("Remove the WaitFor call", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DiamondIsNotACycle()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var top = builder.AddExecutable("top", "true", ".");
        var left = builder.AddExecutable("left", "true", ".");
        var right = builder.AddExecutable("right", "true", ".");
        var bottom = builder.AddExecutable("bottom", "true", ".");
        top.WaitFor(left).WaitFor(right);
        left.WaitFor(bottom);
        right.WaitFor(bottom);

        Assert.Null(WaitGraph.FindCycle(builder.Resources));
        using var app = builder.Build();
    }

    [Fact]
    public void RepeatedWaitIsOneEdge()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var api = builder.AddExecutable("api", "true", ".");
        var db = builder.AddExecutable("db", "true", ".");
        api.WaitFor(db).WaitFor(db);

        Assert.Equal([db.Resource], WaitGraph.DependenciesOf(api.Resource));
        Assert.Null(WaitGraph.FindCycle(builder.Resources));
    }

    [Fact]
    public void WaitForRecordsAspiresDefaults()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var api = builder.AddExecutable("api", "true", ".");
        var db = builder.AddExecutable("db", "true", ".");

        api.WaitFor(db);

        var wait = Assert.Single(api.Resource.Annotations.OfType<WaitAnnotation>());
        Assert.Equal(new WaitAnnotation(db.Resource, WaitType.WaitUntilHealthy, 0, WaitBehavior.StopOnResourceUnavailable), wait);
        Assert.Contains(api.Resource.Annotations.OfType<ResourceRelationshipAnnotation>(), r => r.Resource == db.Resource && r.Type == "WaitFor");
    }

    [Fact]
    public void WaitForCompletionRecordsTheExpectedExitCode()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var migrate = builder.AddExecutable("migrate", "true", ".");
        var seed = builder.AddExecutable("seed", "true", ".");
        var api = builder.AddExecutable("api", "true", ".");

        api.WaitForCompletion(migrate).WaitForCompletion(seed, exitCode: 3);

        var waits = api.Resource.Annotations.OfType<WaitAnnotation>().ToList();
        Assert.Equal(
            [(migrate.Resource, WaitType.WaitForCompletion, 0), (seed.Resource, WaitType.WaitForCompletion, 3)],
            waits.Select(w => ((IResource)w.Resource, w.WaitType, w.ExitCode)));
    }

    [Fact]
    public void WaitOnResourceUnavailableIsKept()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var api = builder.AddExecutable("api", "true", ".");
        var db = builder.AddExecutable("db", "true", ".");

        api.WaitFor(db, WaitBehavior.WaitOnResourceUnavailable);

        Assert.Equal(WaitBehavior.WaitOnResourceUnavailable, Assert.Single(api.Resource.Annotations.OfType<WaitAnnotation>()).WaitBehavior);
    }
}
