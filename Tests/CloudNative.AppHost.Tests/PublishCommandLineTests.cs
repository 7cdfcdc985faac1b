namespace CloudNative.AppHost.Tests;

/// <summary>
/// The AppHost's publish switches as azd and Aspire's CLI pass them, and the bad input they can carry: each ends with
/// one clear message and a non-zero exit code, and nothing is started.
/// </summary>
public sealed class PublishCommandLineTests
{
    [Fact]
    public async Task MissingOutputPathGivesAspiresMessage()
    {
        var (exitCode, stdout, stderr) = await AppHostProcess.RunAsync("--publisher", "manifest");

        Assert.Equal(1, exitCode);
        Assert.Contains("The '--output-path [path]' option was not specified even though '--publisher manifest' argument was used.", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPublisherNamesTheValidOnes()
    {
        var (exitCode, stdout, stderr) = await AppHostProcess.RunAsync("--publisher", "helm", "--output-path", Path.GetTempPath());

        Assert.Equal(1, exitCode);
        Assert.Contains("Unknown publisher 'helm'. Valid publishers are: 'manifest'.", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutputPathThatCannotBeWrittenFails()
    {
        var blocker = Path.GetTempFileName();
        try
        {
            var manifestPath = Path.Combine(blocker, "aspire-manifest.json");

            var (exitCode, stdout, stderr) = await AppHostProcess.RunAsync("--publisher", "manifest", "--output-path", manifestPath);

            Assert.Equal(1, exitCode);
            Assert.Contains($"Could not write the manifest to '{manifestPath}'", stdout + stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    [Fact]
    public async Task DirectoryOutputPathGetsAspireManifestJsonAndOperationPublishIsAccepted()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"cloudnative-apphost-{Guid.NewGuid():N}");
        try
        {
            var (exitCode, stdout, stderr) = await AppHostProcess.RunAsync("--operation", "publish", "--publisher", "manifest", "--output-path", directory);

            Assert.True(exitCode == 0, $"exit {exitCode}\n{stdout}\n{stderr}");
            var manifestPath = Path.Combine(directory, "aspire-manifest.json");
            Assert.True(File.Exists(manifestPath));
            Assert.Contains($"Published manifest to: {manifestPath}", stdout, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
