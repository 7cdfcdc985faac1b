using CloudNative.Hosting;
using CloudNative.Hosting.ApplicationModel;
using CloudNative.Hosting.Testing;

namespace CloudNative.AppHost.Tests;

/// <summary>The real AppHost, published with real secrets known to it: none of them reaches the manifest.</summary>
public sealed class ManifestSecretTests
{
    [Fact]
    public async Task SecretsKnownToTheAppHostStayOutOfTheManifest()
    {
        const string configuredPassword = "Pg-Secret-From-Configuration-4c1e";
        var scratch = Repository.ScratchManifestPath();
        try
        {
            await using var builder = await DistributedApplicationTestingBuilder.CreateAsync(
                typeof(Projects.CloudNative_AppHost), ["--publisher", "manifest", "--output-path", scratch]);
            builder.Configuration["Parameters:postgres-password"] = configuredPassword;
            var secrets = builder.Resources.OfType<IResourceWithGeneratedParameters>()
                .SelectMany(r => r.GeneratedParameters)
                .Select(p => p.Value)
                .ToList();
            Assert.Contains(configuredPassword, secrets);
            Assert.True(secrets.Count >= 2, "Expected the generated Postgres and Redis passwords.");

            var app = await builder.BuildAsync();
            await app.RunAsync();

            var manifest = await File.ReadAllTextAsync(scratch);
            Assert.All(secrets, secret =>
            {
                Assert.DoesNotContain(secret, manifest, StringComparison.Ordinal);
                Assert.DoesNotContain(Uri.EscapeDataString(secret), manifest, StringComparison.Ordinal);
            });
            Assert.Equal(await File.ReadAllTextAsync(Repository.ManifestPath), manifest);
        }
        finally
        {
            File.Delete(scratch);
        }
    }
}
