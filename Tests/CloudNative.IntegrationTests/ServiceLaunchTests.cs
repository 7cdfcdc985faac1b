namespace CloudNative.IntegrationTests;

/// <summary>
/// The AppHost's model, built without starting it: in run mode every service starts from the assembly the build
/// produced (dotnet Service.dll), not through the SDK's dotnet run, unless configuration asks for dotnet run.
/// </summary>
public sealed class ServiceLaunchTests
{
    [Fact]
    public async Task Every_service_starts_from_its_built_assembly_in_its_project_directory()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.CloudNative_AppHost>();

        var projects = builder.Resources.OfType<ProjectResource>().ToList();
        Assert.Equal(AppHostFixture.Services.Order(), projects.Select(project => project.Name).Order());
        foreach (var project in projects)
        {
            var projectPath = project.GetProjectMetadata().ProjectPath;
            var launch = Assert.Single(project.Annotations.OfType<ExecutableAnnotation>());
            Assert.Equal("dotnet", launch.Command);
            Assert.Equal(Path.GetDirectoryName(projectPath), launch.WorkingDirectory);

            var assembly = Assert.IsType<string>(Assert.Single(await ArgumentsAsync(project)));
            Assert.Equal(Path.GetFileNameWithoutExtension(projectPath) + ".dll", Path.GetFileName(assembly));
            Assert.True(File.Exists(assembly), $"{project.Name}: {assembly} does not exist.");
        }
    }

    [Fact]
    public async Task Configuration_can_ask_for_the_sdks_dotnet_run_again()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.CloudNative_AppHost>(
            ["AppHost:LaunchServicesWithDotnetRun=true"]);

        Assert.All(builder.Resources.OfType<ProjectResource>(), project =>
            Assert.Empty(project.Annotations.OfType<ExecutableAnnotation>()));
    }

    private static async Task<List<object>> ArgumentsAsync(IResource resource)
    {
        var arguments = new List<object>();
        var context = new CommandLineArgsCallbackContext(arguments, resource, CancellationToken.None);
        foreach (var annotation in resource.Annotations.OfType<CommandLineArgsCallbackAnnotation>())
        {
            await annotation.Callback(context);
        }
        return arguments;
    }
}
