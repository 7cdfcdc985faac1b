using System.Reflection;
using Aspire.Confluent.Kafka;
using Microsoft.Extensions.Hosting;

namespace CloudNative.ServiceDefaults.Tests;

// Aspire.Confluent.Kafka's public API (its api/Aspire.Confluent.Kafka.cs), so that moving to the package, once it is
// served, changes a package reference and nothing else.
public class KafkaPublicApiTests
{
    private static readonly string[] ClientOverloads =
    [
        "(IHostApplicationBuilder builder, String {0})",
        "(IHostApplicationBuilder builder, String {0}, Action<Kafka{1}Settings> configureSettings)",
        "(IHostApplicationBuilder builder, String {0}, Action<{1}Builder<TKey, TValue>> configureBuilder)",
        "(IHostApplicationBuilder builder, String {0}, Action<IServiceProvider, {1}Builder<TKey, TValue>> configureBuilder)",
        "(IHostApplicationBuilder builder, String {0}, Action<Kafka{1}Settings> configureSettings, Action<{1}Builder<TKey, TValue>> configureBuilder)",
        "(IHostApplicationBuilder builder, String {0}, Action<Kafka{1}Settings> configureSettings, Action<IServiceProvider, {1}Builder<TKey, TValue>> configureBuilder)",
    ];

    [Theory]
    [InlineData(typeof(AspireKafkaProducerExtensions), "Producer")]
    [InlineData(typeof(AspireKafkaConsumerExtensions), "Consumer")]
    public void Extensions_have_Aspires_overloads(Type extensions, string client)
    {
        string[] expected =
        [
            .. ClientOverloads.Select(o => $"void AddKafka{client}<TKey, TValue>" + string.Format(o, "connectionName", client)),
            .. ClientOverloads.Select(o => $"void AddKeyedKafka{client}<TKey, TValue>" + string.Format(o, "name", client)),
        ];

        var actual = extensions.GetMethods(BindingFlags.Public | BindingFlags.Static).Select(Format);

        Assert.Equal(expected.Order(), actual.Order());
        Assert.Equal("Microsoft.Extensions.Hosting", extensions.Namespace);
    }

    [Theory]
    [InlineData(typeof(KafkaProducerSettings), "ProducerConfig")]
    [InlineData(typeof(KafkaConsumerSettings), "ConsumerConfig")]
    public void Settings_have_Aspires_properties(Type settings, string config)
    {
        var actual = settings.GetProperties().Select(p => $"{Name(p.PropertyType)} {p.Name} {(p.CanWrite ? "get; set;" : "get;")}");

        Assert.Equal(
            new[]
            {
                "String ConnectionString get; set;",
                $"{config} Config get;",
                "Boolean DisableHealthChecks get; set;",
                "Boolean DisableMetrics get; set;",
                "Boolean DisableTracing get; set;",
            }.Order(),
            actual.Order());
        Assert.Equal("Aspire.Confluent.Kafka", settings.Namespace);
        Assert.True(settings.IsSealed);
    }

    private static string Format(MethodInfo method) =>
        $"{Name(method.ReturnType)} {method.Name}<{string.Join(", ", method.GetGenericArguments().Select(Name))}>" +
        $"({string.Join(", ", method.GetParameters().Select(p => $"{Name(p.ParameterType)} {p.Name}"))})";

    private static string Name(Type type) => type switch
    {
        { IsGenericType: true } => $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>",
        _ when type == typeof(void) => "void",
        _ => type.Name,
    };
}
