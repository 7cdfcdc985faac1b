using CloudNative.Hosting.ApplicationModel;

namespace CloudNative.Hosting.Tests.Publishing;

/// <summary>
/// <c>parameter.v0</c> (aspire-contracts §1.3, WriteParameterAsync): plain, secret, generated and constant parameters,
/// connection-string parameters, and <c>value.v0</c> for a composed connection string.
/// </summary>
public sealed class ParameterManifestTests
{
    [Fact]
    public async Task PlainParameterHasOnlyAStringInput()
    {
        using var host = ManifestHost.Create();
        host.Builder.AddParameter("insertionrows");

        var manifest = await host.PublishAsync();

        // playground/ParameterEndToEnd: "insertionrows".
        Golden.Equal("""
            {
              "type": "parameter.v0",
              "value": "{insertionrows.inputs.value}",
              "inputs": {
                "value": {
                  "type": "string"
                }
              }
            }
            """, manifest.Resource("insertionrows"));
    }

    [Fact]
    public async Task SecretParameterIsMarkedSecret()
    {
        using var host = ManifestHost.Create();
        host.Builder.AddParameter("apikey", secret: true);

        var manifest = await host.PublishAsync();

        Golden.Equal("""
            {
              "type": "parameter.v0",
              "value": "{apikey.inputs.value}",
              "inputs": {
                "value": {
                  "type": "string",
                  "secret": true
                }
              }
            }
            """, manifest.Resource("apikey"));
    }

    [Fact]
    public async Task ConnectionStringParameterWritesItsValueAsConnectionString()
    {
        using var host = ManifestHost.Create();
        host.Builder.AddConnectionString("parameterFromConnectionStringConfig");

        var manifest = await host.PublishAsync();

        // playground/ParameterEndToEnd: "parameterFromConnectionStringConfig".
        Golden.Equal("""
            {
              "type": "parameter.v0",
              "connectionString": "{parameterFromConnectionStringConfig.value}",
              "value": "{parameterFromConnectionStringConfig.inputs.value}",
              "inputs": {
                "value": {
                  "type": "string",
                  "secret": true
                }
              }
            }
            """, manifest.Resource("parameterFromConnectionStringConfig"));
    }

    [Fact]
    public async Task OthersReferToAConnectionStringParameterAsAConnectionString()
    {
        using var host = ManifestHost.Create();
        var sql = host.Builder.AddConnectionString("sql");
        host.Builder.AddConnectionString("db", ReferenceExpression.Create($"{sql.Resource};Initial Catalog=db"));
        host.Builder.AddProject("api", host.CreateProject("Api")).WithReference(sql);

        var manifest = await host.PublishAsync();

        // playground/ParameterEndToEnd: "db".
        Golden.Equal("""
            {
              "type": "value.v0",
              "connectionString": "{sql.connectionString};Initial Catalog=db"
            }
            """, manifest.Resource("db"));
        Assert.Equal("{sql.connectionString}", manifest.Root.GetProperty("resources").GetProperty("api").GetProperty("env").GetProperty("ConnectionStrings__sql").GetString());
    }

    [Fact]
    public async Task GeneratedDefaultWritesOnlyTheRulesThatDifferFromTheDefaults()
    {
        using var host = ManifestHost.Create();
        var password = ParameterResourceBuilderExtensions.CreateGeneratedParameter(host.Builder, "sql-password", secret: true,
            new GenerateParameterDefault { MinLength = 22, MinLower = 1, MinUpper = 1, MinNumeric = 1 });
        host.Builder.AddConnectionString("cs", ReferenceExpression.Create($"Password={password}"));

        var manifest = await host.PublishAsync();

        // playground/ParameterEndToEnd: "sql-password" (SQL Server's generated password).
        Golden.Equal("""
            {
              "type": "parameter.v0",
              "value": "{sql-password.inputs.value}",
              "inputs": {
                "value": {
                  "type": "string",
                  "secret": true,
                  "default": {
                    "generate": {
                      "minLength": 22,
                      "minLower": 1,
                      "minUpper": 1,
                      "minNumeric": 1
                    }
                  }
                }
              }
            }
            """, manifest.Resource("sql-password"));
    }

    [Fact]
    public async Task EveryGenerateRuleIsWrittenInAspiresOrder()
    {
        using var host = ManifestHost.Create();
        host.Builder.AddParameter("param").Resource.Default = new GenerateParameterDefault
        {
            MinLength = 16,
            Lower = false,
            Upper = false,
            Numeric = false,
            Special = false,
            MinLower = 1,
            MinUpper = 2,
            MinNumeric = 3,
            MinSpecial = 4,
        };

        var manifest = await host.PublishAsync();

        // tests/Aspire.Hosting.Tests/ManifestGenerationTests.cs ParameterInputDefaultValuesGenerateCorrectly.
        Golden.Equal("""
            {
              "type": "parameter.v0",
              "value": "{param.inputs.value}",
              "inputs": {
                "value": {
                  "type": "string",
                  "default": {
                    "generate": {
                      "minLength": 16,
                      "lower": false,
                      "upper": false,
                      "numeric": false,
                      "special": false,
                      "minLower": 1,
                      "minUpper": 2,
                      "minNumeric": 3,
                      "minSpecial": 4
                    }
                  }
                }
              }
            }
            """, manifest.Resource("param"));
    }

    [Fact]
    public async Task ConstantIsWrittenAsDefaultOnlyWhenAskedTo()
    {
        using var host = ManifestHost.Create();
        host.Builder.AddParameter("region", "westeurope", publishValueAsDefault: true);
        host.Builder.AddParameter("tier", "basic");

        var manifest = await host.PublishAsync();

        Golden.Equal("""
            {
              "type": "parameter.v0",
              "value": "{region.inputs.value}",
              "inputs": {
                "value": {
                  "type": "string",
                  "default": {
                    "value": "westeurope"
                  }
                }
              }
            }
            """, manifest.Resource("region"));
        Assert.DoesNotContain("basic", manifest.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParameterFormattedForAUriGetsAnAnnotatedStringRightAfterIt()
    {
        using var host = ManifestHost.Create();
        var token = host.Builder.AddParameter("token", secret: true);
        host.Builder.AddConnectionString("api", ReferenceExpression.Create($"https://x:{token.Resource:uri}@api.example"));

        var manifest = await host.PublishAsync();

        // A model parameter written before anything formatted it gets its derived entry at the end.
        Assert.Equal(["token", "api", "token-uri-encoded"], manifest.ResourceNames);
        Assert.Equal("https://x:{token-uri-encoded.value}@api.example", manifest.Root.GetProperty("resources").GetProperty("api").GetProperty("connectionString").GetString());
    }
}
