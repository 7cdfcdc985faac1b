using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Exporter;

namespace CloudNative.ServiceDefaults.Tests;

public class OpenTelemetryExporterTests
{
    [Fact]
    public void No_OTLP_exporter_without_an_endpoint()
    {
        var builder = TestHosts.CreateBuilder();
        builder.AddServiceDefaults();

        Assert.False(RegistersOtlpExporter(builder.Services));
    }

    [Fact]
    public void Blank_endpoint_counts_as_none()
    {
        var builder = TestHosts.CreateBuilder(("OTEL_EXPORTER_OTLP_ENDPOINT", " "));
        builder.AddServiceDefaults();

        Assert.False(RegistersOtlpExporter(builder.Services));
    }

    [Fact]
    public void OTLP_exporter_when_the_endpoint_is_set()
    {
        var builder = TestHosts.CreateBuilder(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:18889"));
        builder.AddServiceDefaults();

        Assert.True(RegistersOtlpExporter(builder.Services));
    }

    // UseOtlpExporter registers options and services from the OTLP exporter's assembly; nothing else does.
    private static bool RegistersOtlpExporter(IServiceCollection services)
    {
        var otlpAssembly = typeof(OtlpExporterOptions).Assembly;
        return services.Any(descriptor =>
            new[] { descriptor.ServiceType, descriptor.ImplementationType }
                .Where(type => type is not null)
                .SelectMany(type => type!.IsGenericType ? type.GetGenericArguments().Append(type) : [type])
                .Any(type => type.Assembly == otlpAssembly));
    }
}
