namespace CloudNative.AppHost.Tests;

/// <summary>The AppHost, published while it knows real secrets: none of them reaches the manifest, only references to parameters.</summary>
public sealed class ManifestSecretTests
{
    [Fact]
    public async Task SecretsKnownToTheAppHostStayOutOfTheManifest()
    {
        const string postgresPassword = "Pg-Secret-From-Configuration-4c1e";
        const string cachePassword = "Redis-Secret-From-Configuration-9a7b";
        var scratch = Repository.ScratchManifestPath();
        try
        {
            var (exitCode, stdout, stderr) = await AppHostProcess.RunAsync(
                new Dictionary<string, string> { ["Parameters__postgres-password"] = postgresPassword, ["Parameters__cache-password"] = cachePassword },
                "--publisher", "manifest", "--output-path", scratch);

            Assert.True(exitCode == 0, $"The AppHost exited with {exitCode}.\n{stdout}\n{stderr}");
            var manifest = await File.ReadAllTextAsync(scratch);
            Assert.DoesNotContain(postgresPassword, manifest, StringComparison.Ordinal);
            Assert.DoesNotContain(cachePassword, manifest, StringComparison.Ordinal);
            Assert.Contains("{postgres-password.value}", manifest, StringComparison.Ordinal);
            Assert.Contains("{cache-password.value}", manifest, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(scratch);
        }
    }
}
