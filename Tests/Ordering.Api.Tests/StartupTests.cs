using Ordering.Api.Tests.Infrastructure;

namespace Ordering.Api.Tests;

[Collection(OrderingCollection.Name)]
public sealed class StartupTests(OrderingFixture fixture)
{
    [Fact]
    public void TheRelayAndTheConsumer_StartOnceTheSchemaIsMigrated()
    {
        // The fixture's database was empty: anything that ran before the migration would have found no tables, and
        // logged it ("relation ... does not exist") as a failure to retry.
        Assert.DoesNotContain(fixture.App.Problems.Entries, entry => entry.Contains("does not exist", StringComparison.Ordinal));
    }
}
