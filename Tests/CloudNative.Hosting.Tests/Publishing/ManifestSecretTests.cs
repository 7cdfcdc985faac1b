using CloudNative.Hosting.ApplicationModel;
using CloudNative.Hosting.Postgres;
using CloudNative.Hosting.Redis;

namespace CloudNative.Hosting.Tests.Publishing;

/// <summary>No secret value ever reaches the manifest: only placeholders, even when the values are known.</summary>
public sealed class ManifestSecretTests
{
    [Fact]
    public async Task ConfiguredAndGeneratedSecretsAreAbsent()
    {
        using var host = ManifestHost.Create();
        const string configuredPassword = "Configured-Pg-Secret-7f3a9c";
        host.Builder.Configuration["Parameters:pg-password"] = configuredPassword;
        host.Builder.Configuration["Parameters:apikey"] = "Configured-Api-Key-51be20";
        host.Builder.Configuration["ConnectionStrings:legacy"] = "Server=legacy;Password=Legacy-Secret-93d1";
        var pg = host.Builder.AddPostgres("pg");
        var db = pg.AddDatabase("db");
        var redis = host.Builder.AddRedis("redis");
        var apikey = host.Builder.AddParameter("apikey", secret: true);
        var legacy = host.Builder.AddConnectionString("legacy");
        host.Builder.AddProject("api", host.CreateProject("Api"))
            .WithReference(db).WithReference(redis).WithReference(legacy).WithEnvironment("API_KEY", apikey);

        // Make every secret real, as run mode would, before publishing.
        var secrets = host.Builder.Resources.OfType<IResourceWithGeneratedParameters>().SelectMany(r => r.GeneratedParameters)
            .Append(apikey.Resource).Append((ParameterResource)legacy.Resource)
            .Select(p => p.Value).ToList();
        Assert.Contains(configuredPassword, secrets);

        var manifest = await host.PublishAsync();

        Assert.All(secrets, secret =>
        {
            Assert.DoesNotContain(secret, manifest.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(Uri.EscapeDataString(secret), manifest.Text, StringComparison.Ordinal);
        });
    }
}
