using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudNative.Hosting.Kafka.Tests;

/// <summary>In run mode, a project that references Kafka gets Aspire's connection string and connection properties.</summary>
public sealed class KafkaReferenceEnvironmentTests
{
    [Fact]
    public async Task AReferencingProjectGetsConnectionStringHostAndPort()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        // Aspire checks in run mode that the project file exists; an empty one is enough, nothing is built or started.
        var projectDirectory = Directory.CreateTempSubdirectory("cloudnative-kafka-service-");
        try
        {
            var projectPath = Path.Combine(projectDirectory.FullName, "Service.csproj");
            await File.WriteAllTextAsync(projectPath, """<Project Sdk="Microsoft.NET.Sdk" />""", timeout.Token);
            using var builder = DistributedApplicationTestingBuilder.Create();
            var kafka = builder.AddKafka("kafka")
                .WithEndpoint("tcp", e => e.AllocatedEndpoint = new AllocatedEndpoint(e, "localhost", 27017));
            var service = builder.AddProject("service", projectPath).WithReference(kafka);
            await using var app = builder.Build();

            var environment = await EnvironmentOfAsync(service.Resource, app.Services, timeout.Token);

            Assert.Equal("localhost:27017", environment["ConnectionStrings__kafka"]);
            Assert.Equal("localhost", environment["KAFKA_HOST"]);
            Assert.Equal("27017", environment["KAFKA_PORT"]);
        }
        finally
        {
            projectDirectory.Delete(recursive: true);
        }
    }

    private static async Task<Dictionary<string, string>> EnvironmentOfAsync(IResource resource, IServiceProvider services, CancellationToken cancellationToken)
    {
        var configuration = await ExecutionConfigurationBuilder.Create(resource)
            .WithEnvironmentVariablesConfig()
            .BuildAsync(services.GetRequiredService<DistributedApplicationExecutionContext>(), NullLogger.Instance, cancellationToken);
        Assert.Null(configuration.Exception);
        return configuration.EnvironmentVariables.ToDictionary(kv => kv.Key, kv => kv.Value);
    }
}
