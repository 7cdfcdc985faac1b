using System.Text.Json.Nodes;

namespace CloudNative.Hosting.Kafka.Tests;

/// <summary>
/// Renders a small app's manifest the way azd asks an AppHost for it (<c>--publisher manifest --output-path</c>),
/// in process, and returns its <c>resources</c> object.
/// </summary>
internal static class PublishedManifest
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    public static async Task<JsonObject> ResourcesOfAsync(Action<IDistributedApplicationBuilder> configure)
    {
        var directory = Directory.CreateTempSubdirectory("cloudnative-kafka-manifest-");
        try
        {
            var builder = DistributedApplicationTestingBuilder.Create("--publisher", "manifest", "--output-path", directory.FullName);
            configure(builder);
            using var timeout = new CancellationTokenSource(s_timeout);
            await using var app = builder.Build();
            await app.RunAsync(timeout.Token);

            var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(directory.FullName, "aspire-manifest.json"), timeout.Token))!;
            return manifest["resources"]!.AsObject();
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    public static void AssertJsonEqual(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"Expected:\n{expected}\nActual:\n{actual}");
}
