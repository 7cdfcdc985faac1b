using CloudNative.Hosting.Testing;

namespace CloudNative.Hosting.Tests.BadInput;

public sealed class ProjectPathTests
{
    [Fact]
    public void MissingProjectFileNamesTheResourceThePathAndWhereItWasResolved()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var expected = Path.GetFullPath(Path.Combine("Services", "Nope", "Nope.csproj"), builder.AppHostDirectory);

        var error = Assert.Throws<DistributedApplicationException>(() => builder.AddProject("nope", Path.Combine("Services", "Nope", "Nope.csproj")));

        Assert.Contains("Resource 'nope'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{expected}' does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains($"AppHost directory '{builder.AppHostDirectory}'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(builder.Resources, r => r.Name == "nope");
    }

    [Fact]
    public async Task ProjectThatWasNeverBuiltIsReportedWhenItStarts()
    {
        var directory = Directory.CreateTempSubdirectory("unbuilt-project-").FullName;
        try
        {
            var project = Path.Combine(directory, "Unbuilt.csproj");
            File.WriteAllText(project, "<Project />");
            using var builder = DistributedApplicationTestingBuilder.Create();
            var unbuilt = builder.AddProject("unbuilt", project);
            var launcher = new CloudNative.Hosting.Orchestration.ProjectLauncher(unbuilt.Resource, builder.Configuration, "Debug");

            var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => launcher.CreateProcessSpecAsync(
                TestSupport.RunMode.LaunchContext(unbuilt.Resource, directory), TestSupport.RunMode.Replica(unbuilt.Resource, ("http", 40999)), CancellationToken.None));

            Assert.Contains("Resource 'unbuilt'", error.Message, StringComparison.Ordinal);
            Assert.Contains(Path.Combine(directory, "bin", "Debug", "net10.0", "Unbuilt.dll"), error.Message, StringComparison.Ordinal);
            Assert.Contains("Build it first", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
