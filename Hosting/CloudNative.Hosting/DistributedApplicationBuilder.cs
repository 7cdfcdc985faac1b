using System.Reflection;
using CloudNative.Hosting.ApplicationModel;
using CloudNative.Hosting.Orchestration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CloudNative.Hosting;

public sealed class DistributedApplicationBuilder : IDistributedApplicationBuilder
{
    private static readonly Dictionary<string, string> s_switchMappings = new(StringComparer.Ordinal)
    {
        ["--publisher"] = "Publishing:Publisher",
        ["--output-path"] = "Publishing:OutputPath",
        ["--operation"] = "AppHost:Operation",
    };

    private readonly HostApplicationBuilder _innerBuilder;

    public DistributedApplicationBuilder(DistributedApplicationOptions options)
    {
        Options = options;
        AppHostAssembly = options.Assembly ?? Assembly.GetEntryAssembly();
        AppHostDirectory = AppHostMetadata.ProjectDirectory(AppHostAssembly);
        var args = CommandLineSwitches.Normalize(options.Args);

        _innerBuilder = new HostApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ApplicationName = AppHostMetadata.ProjectName(AppHostAssembly),
            ContentRootPath = AppHostDirectory,
            EnvironmentName = Environments.Development,
            DisableDefaults = true,
        });

        ConfigureConfiguration(args);
        ExecutionContext = new DistributedApplicationExecutionContext(ExecutionModeResolver.Resolve(Configuration));
        Options.EphemeralData |= Configuration.GetValue<bool>("AppHost:EphemeralData");
        Services.AddSingleton(this);
        Services.AddSingleton(ExecutionContext);
        Services.AddSingleton(Options);
    }

    public DistributedApplicationOptions Options { get; }

    public ConfigurationManager Configuration => _innerBuilder.Configuration;

    public IHostEnvironment Environment => _innerBuilder.Environment;

    public IServiceCollection Services => _innerBuilder.Services;

    public IList<IResource> Resources { get; } = [];

    public DistributedApplicationExecutionContext ExecutionContext { get; }

    public string AppHostDirectory { get; }

    public Assembly? AppHostAssembly { get; }

    internal UserSecretsStore? UserSecrets { get; private set; }

    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource
    {
        if (Resources.FirstOrDefault(r => string.Equals(r.Name, resource.Name, StringComparison.OrdinalIgnoreCase)) is { } existing)
        {
            throw new DistributedApplicationException(
                $"Cannot add resource '{resource.Name}' ({resource.GetType().Name}): a resource named '{existing.Name}' ({existing.GetType().Name}) already exists. Resource names are case-insensitive; choose another name.");
        }

        Resources.Add(resource);
        return CreateResourceBuilder(resource);
    }

    public IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource => new ResourceBuilder<T>(this, resource);

    public DistributedApplication Build()
    {
        TestingHooks.OnBuilding(this);
        ModelValidator.Validate(this);
        Services.AddOrchestration(this);
        return new DistributedApplication(_innerBuilder.Build(), this);
    }

    private void ConfigureConfiguration(string[] args)
    {
        Configuration.AddJsonFile(Path.Combine(AppHostDirectory, "appsettings.json"), optional: true);
        Configuration.AddJsonFile(Path.Combine(AppHostDirectory, $"appsettings.{Environment.EnvironmentName}.json"), optional: true);
        if (AppHostMetadata.UserSecretsId(AppHostAssembly) is { } secretsId)
        {
            UserSecrets = new UserSecretsStore(secretsId);
            Configuration.AddJsonFile(UserSecrets.FilePath, optional: true, reloadOnChange: false);
        }

        Configuration.AddEnvironmentVariables();
        Configuration.AddCommandLine(args, s_switchMappings);
    }
}
