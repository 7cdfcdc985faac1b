using System.Text.Json.Nodes;

namespace CloudNative.Hosting.LocalProcesses.Tests;

/// <summary>Publishing never converts: with Mode=Always and no container engine, the manifest is Aspire's own.</summary>
public sealed class PublishModeTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TheManifestIsTheSameWithTheFallback()
    {
        var withFallback = await PublishAsync(withFallback: true);
        var without = await PublishAsync(withFallback: false);

        Assert.True(JsonNode.DeepEquals(without.Manifest, withFallback.Manifest), $"Without:\n{without.Manifest}\nWith:\n{withFallback.Manifest}");
        Assert.Equal("container.v0", (string?)withFallback.Manifest["resources"]!["svc"]!["type"]);
        Assert.All(withFallback.Model, r => Assert.True(r.IsContainer(), $"'{r.Name}' lost its image"));
    }

    private static async Task<(JsonNode Manifest, IReadOnlyList<IResource> Model)> PublishAsync(bool withFallback)
    {
        using var timeout = new CancellationTokenSource(s_timeout);
        var directory = Directory.CreateTempSubdirectory("cloudnative-localprocess-manifest-");
        try
        {
            var builder = DistributedApplicationTestingBuilder.Create(
                "--publisher", "manifest", "--output-path", directory.FullName, "LocalProcesses:Mode=Always", "ASPIRE_CONTAINER_RUNTIME=false");
            if (withFallback)
            {
                builder.AddLocalProcessFallback();
            }

            var postgres = builder.AddPostgres("postgres").WithDataVolume("postgres-data");
            var cache = builder.AddRedis("cache");
            var svc = builder.AddContainer("svc", "example/svc").WithEndpoint(targetPort: 8080, port: 18080, name: "tcp")
                .WithLocalProcess(new CommandRecipe("sleep", "300"));
            await using var app = builder.Build();
            await app.RunAsync(timeout.Token);

            var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(directory.FullName, "aspire-manifest.json"), timeout.Token))!;
            return (manifest, [postgres.Resource, cache.Resource, svc.Resource]);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
