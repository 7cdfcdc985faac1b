using System.Text;
using CloudNative.Hosting.ApplicationModel;
using CloudNative.Hosting.Postgres;

namespace CloudNative.Hosting.Tests.Publishing;

/// <summary>The file as Aspire 13.1 writes it: <c>$schema</c> first, two-space indent, "\n", no final newline, stable order.</summary>
public sealed class ManifestFormatTests
{
    [Fact]
    public async Task SchemaComesFirstAndTheTextHasAspiresLayout()
    {
        using var host = ManifestHost.Create();
        host.Builder.AddParameter("p");

        var manifest = await host.PublishAsync();

        Golden.Equal("""
            {
              "$schema": "https://json.schemastore.org/aspire-8.0.json",
              "resources": {
                "p": {
                  "type": "parameter.v0",
                  "value": "{p.inputs.value}",
                  "inputs": {
                    "value": {
                      "type": "string"
                    }
                  }
                }
              }
            }
            """, manifest.Text);
        Assert.DoesNotContain('\r', manifest.Text);
        Assert.False(manifest.Text.EndsWith('\n'), "Utf8JsonWriter writes no final newline, and neither do Aspire's manifests.");
        Assert.NotEqual(0xEF, manifest.Bytes[0]);
    }

    [Fact]
    public async Task PublishingTwiceGivesTheSameBytes()
    {
        using var first = ManifestHost.Create();
        first.Builder.AddPostgres("pg").AddDatabase("db");
        using var second = ManifestHost.Create();
        second.Builder.AddPostgres("pg").AddDatabase("db");

        Assert.Equal((await first.PublishAsync()).Bytes, (await second.PublishAsync()).Bytes);
    }

    [Fact]
    public async Task HtmlSensitiveCharactersAreEscapedAsUtf8JsonWriterDoes()
    {
        using var host = ManifestHost.Create();
        host.Builder.AddProject("api", host.CreateProject("Api")).WithEnvironment("JDBC", "a?sslmode=require&x=<y>");

        var manifest = await host.PublishAsync();

        // playground/WaitFor shows "\u0026" for '&' in DB_JDBCCONNECTIONSTRING.
        Assert.Contains("\"JDBC\": \"a?sslmode=require\\u0026x=\\u003Cy\\u003E\"", manifest.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExcludedResourcesAreLeftOut()
    {
        using var host = ManifestHost.Create();
        host.Builder.AddParameter("kept");
        host.Builder.AddParameter("devonly").ExcludeFromManifest();

        var manifest = await host.PublishAsync();

        Assert.Equal(["kept"], manifest.ResourceNames);
    }

    [Fact]
    public async Task ExecutableIsWrittenAsExecutableV0()
    {
        using var host = ManifestHost.Create();
        var workingDirectory = Path.Combine(host.Directory, "tools");
        Directory.CreateDirectory(workingDirectory);
        host.Builder.AddExecutable("tool", "python3", workingDirectory, "main.py").WithEnvironment("MODE", "batch");

        var manifest = await host.RenderWithoutAzdRulesAsync();

        Golden.Equal("""
            {
              "type": "executable.v0",
              "workingDirectory": "../tools",
              "command": "python3",
              "args": [
                "main.py"
              ],
              "env": {
                "MODE": "batch"
              }
            }
            """, manifest.Resource("tool"));
    }

    [Fact]
    public async Task ResourceWithoutAManifestShapeGetsAspiresErrorEntry()
    {
        using var host = ManifestHost.Create();
        host.Builder.AddResource(new TestSupport.TestResource("opaque"));

        var manifest = await host.RenderWithoutAzdRulesAsync();

        Golden.Equal("""
            {
              "error": "This resource does not support generation in the manifest."
            }
            """, manifest.Resource("opaque"));
    }

    [Fact]
    public async Task ManifestPublishingCallbackWritesTheEntryItself()
    {
        using var host = ManifestHost.Create();
        host.Builder.AddParameter("custom").WithAnnotation(new ManifestPublishingCallbackAnnotation(context =>
        {
            var writer = ((CloudNative.Hosting.Publishing.ManifestPublishingContext)context).Writer;
            writer.WriteString("type", "value.v0");
            writer.WriteString("connectionString", "fixed");
            return Task.CompletedTask;
        }));

        var manifest = await host.PublishAsync();

        Golden.Equal("""
            {
              "type": "value.v0",
              "connectionString": "fixed"
            }
            """, manifest.Resource("custom"));
    }

    [Fact]
    public async Task UtfEightWithoutByteOrderMark()
    {
        using var host = ManifestHost.Create();
        host.Builder.AddParameter("p");

        var manifest = await host.PublishAsync();

        Assert.Equal(Encoding.UTF8.GetBytes(manifest.Text), manifest.Bytes);
    }
}
