using System.Text.Json;
using NJsonSchema;

namespace CloudNative.AppHost.Tests;

/// <summary>
/// <c>aspire-manifest.json</c> at the repository root is what Aspire's own manifest publisher writes for the AppHost,
/// byte for byte, and it matches Aspire's schema. Regenerate it with
/// <c>dotnet run --project AppHost -- --publisher manifest --output-path aspire-manifest.json</c>.
/// </summary>
public sealed class CheckedInManifestTests
{
    private const string Regenerate = "dotnet run --project AppHost -- --publisher manifest --output-path aspire-manifest.json";

    [Fact]
    public async Task RegeneratingFromTheAppHostGivesTheCheckedInBytes()
    {
        var checkedIn = ReadCheckedIn();
        var scratch = Repository.ScratchManifestPath();
        try
        {
            var (exitCode, stdout, stderr) = await AppHostProcess.RunAsync("--publisher", "manifest", "--output-path", scratch);

            Assert.True(exitCode == 0, $"The AppHost exited with {exitCode}.\n{stdout}\n{stderr}");
            Assert.Contains($"Published manifest to: {scratch}", stdout, StringComparison.Ordinal);
            var regenerated = await File.ReadAllBytesAsync(scratch);
            Assert.True(checkedIn.SequenceEqual(regenerated),
                $"aspire-manifest.json is stale: the AppHost now publishes something else. Regenerate it with `{Regenerate}` and commit it.");
        }
        finally
        {
            File.Delete(scratch);
        }
    }

    [ReferenceFact]
    public async Task CheckedInManifestMatchesAspiresSchema()
    {
        var errors = await SchemaErrorsAsync(System.Text.Encoding.UTF8.GetString(ReadCheckedIn()));

        Assert.True(errors.Count == 0, "aspire-manifest.json breaks the schema:\n" + string.Join('\n', errors));
    }

    [ReferenceFact]
    public async Task SchemaCheckCatchesABrokenManifest()
    {
        Assert.NotEmpty(await SchemaErrorsAsync("""{"resources":{"c":{"type":"container.v0","env":{}}}}"""));
        Assert.NotEmpty(await SchemaErrorsAsync("""{"resources":{"c":{"type":"container.v0","image":"x","bindings":{"b":{"scheme":"tcp","protocol":"quic","transport":"tcp"}}}}}"""));
        Assert.NotEmpty(await SchemaErrorsAsync("""{"resources":{"p":{"type":"parameter.v0","value":"{p.inputs.value}","inputs":{"value":{"type":"int"}}}}}"""));
        Assert.Empty(await SchemaErrorsAsync("""{"resources":{"c":{"type":"container.v0","image":"x"}}}"""));
    }

    private static async Task<IReadOnlyList<string>> SchemaErrorsAsync(string manifest)
    {
        if (!File.Exists(Repository.SchemaPath))
        {
            Assert.Fail($"The manifest schema '{Repository.SchemaPath}' is missing; CI needs shared/ beside the repository.");
        }

        var schema = await JsonSchema.FromJsonAsync(AsDraft04Equivalent(await File.ReadAllTextAsync(Repository.SchemaPath)));
        return [.. schema.Validate(manifest).Select(Describe)];
    }

    [Fact]
    public void ResourcesAreTheModelsInOrderThenTheGeneratedPasswords()
    {
        using var document = JsonDocument.Parse(ReadCheckedIn());
        var resources = document.RootElement.GetProperty("resources").EnumerateObject()
            .Select(r => $"{r.Name}:{r.Value.GetProperty("type").GetString()}").ToList();

        Assert.Equal(
            [
                "postgres:container.v0", "catalogdb:value.v0", "identitydb:value.v0", "paymentsdb:value.v0", "orderingdb:value.v0", "cache:container.v0", "kafka:container.v0",
                "identity:project.v0", "demo-password:parameter.v0", "admin-password:parameter.v0", "identity-service-secret:parameter.v0",
                "catalog:project.v0", "catalog-canary:project.v0", "payments:project.v0", "basket:project.v0", "ordering:project.v0", "gateway:project.v0",
                "postgres-password:parameter.v0", "postgres-password-uri-encoded:annotated.string",
                "cache-password:parameter.v0", "cache-password-uri-encoded:annotated.string",
                "cond-cache-bindings-tcp-tlsenabled-3eddb73a:value.v0",
            ],
            resources);
        Assert.Equal("true", document.RootElement.GetProperty("resources").GetProperty("gateway")
            .GetProperty("bindings").GetProperty("http").GetProperty("external").ToString().ToLowerInvariant());
    }

    [Fact]
    public void NothingOfLocalProcessModeOrThisMachineLeaks()
    {
        var text = System.Text.Encoding.UTF8.GetString(ReadCheckedIn());

        foreach (var forbidden in new[]
        {
            Repository.Root, "KafkaDevBroker", "LocalProcesses", "/var/tmp", "/tmp/", "127.0.0.1", "initdb", "pgdata",
            "cloudnative.apphost-", "ASPNETCORE_URLS", "OTEL_EXPORTER_OTLP_ENDPOINT", "\"../",
        })
        {
            Assert.DoesNotContain(forbidden, text, StringComparison.Ordinal);
        }

        using var document = JsonDocument.Parse(text);
        foreach (var resource in document.RootElement.GetProperty("resources").EnumerateObject())
        {
            if (resource.Value.TryGetProperty("path", out var path))
            {
                Assert.False(Path.IsPathRooted(path.GetString()), $"{resource.Name}: '{path}' is not relative to the manifest.");
                Assert.True(File.Exists(Path.Combine(Repository.Root, path.GetString()!)), $"{resource.Name}: '{path}' does not exist in the repository.");
            }
        }
    }

    /// <summary>
    /// Rewrites two draft-07 features NJsonSchema does not handle into their draft-04 equivalents, without changing what
    /// the schema accepts: boolean schemas under <c>properties</c> (<c>"build": false</c> for container.v0) become
    /// <c>{"not": {}}</c> or <c>{}</c>, and <c>"const": x</c> (which tells the resource types apart) becomes <c>"enum": [x]</c>.
    /// </summary>
    private static string AsDraft04Equivalent(string schemaJson)
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(schemaJson)!;
        Rewrite(root);
        return root.ToJsonString();

        static void Rewrite(System.Text.Json.Nodes.JsonNode? node)
        {
            switch (node)
            {
                case System.Text.Json.Nodes.JsonObject obj:
                    if (obj["properties"] is System.Text.Json.Nodes.JsonObject properties)
                    {
                        foreach (var name in properties.Select(p => p.Key).ToList())
                        {
                            if (properties[name] is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<bool>(out var allowed))
                            {
                                properties[name] = allowed ? new System.Text.Json.Nodes.JsonObject() : new System.Text.Json.Nodes.JsonObject { ["not"] = new System.Text.Json.Nodes.JsonObject() };
                            }
                        }
                    }

                    if (obj["const"] is { } constant)
                    {
                        obj.Remove("const");
                        obj["enum"] = new System.Text.Json.Nodes.JsonArray(constant);
                    }

                    foreach (var child in obj.Select(p => p.Value).ToList())
                    {
                        Rewrite(child);
                    }

                    break;
                case System.Text.Json.Nodes.JsonArray array:
                    foreach (var child in array.ToList())
                    {
                        Rewrite(child);
                    }

                    break;
            }
        }
    }

    private static string Describe(NJsonSchema.Validation.ValidationError error) =>
        error is NJsonSchema.Validation.ChildSchemaValidationError child
            ? $"{error.Path}: {error.Kind} ({string.Join("; ", child.Errors.SelectMany(e => e.Value).Select(Describe))})"
            : $"{error.Path}: {error.Kind}";

    private static byte[] ReadCheckedIn()
    {
        if (!File.Exists(Repository.ManifestPath))
        {
            Assert.Fail($"'{Repository.ManifestPath}' is missing. Generate it with `{Regenerate}` and commit it.");
        }

        return File.ReadAllBytes(Repository.ManifestPath);
    }
}
