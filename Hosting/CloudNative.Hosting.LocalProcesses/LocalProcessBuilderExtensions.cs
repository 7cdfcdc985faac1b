using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Lifecycle;
using CloudNative.Hosting.LocalProcesses;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Aspire.Hosting;

public static class LocalProcessBuilderExtensions
{
    /// <summary>
    /// When no container engine answers (or <c>LocalProcesses:Mode</c> is <c>Always</c>), Postgres, Redis and any
    /// resource with a local-process recipe run as local processes; the model and the manifest stay Aspire's.
    /// </summary>
    public static IDistributedApplicationBuilder AddLocalProcessFallback(this IDistributedApplicationBuilder builder)
    {
        builder.Services.AddOptions<LocalProcessOptions>().BindConfiguration(LocalProcessOptions.SectionName);
        builder.Services.TryAddSingleton<LocalProcessHost>();
        builder.Services.TryAddEventingSubscriber<LocalProcessSubscriber>();
        return builder;
    }

    /// <summary>Gives a container resource a way to run as a local process.</summary>
    public static IResourceBuilder<T> WithLocalProcess<T>(this IResourceBuilder<T> builder, ILocalProcessRecipe recipe)
        where T : ContainerResource =>
        builder.WithAnnotation(new LocalProcessAnnotation(recipe), ResourceAnnotationMutationBehavior.Replace);
}
