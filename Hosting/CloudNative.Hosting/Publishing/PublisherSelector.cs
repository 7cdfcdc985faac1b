using Microsoft.Extensions.DependencyInjection;

namespace CloudNative.Hosting.Publishing;

internal static class PublisherSelector
{
    public static Task PublishAsync(DistributedApplication app, DistributedApplicationBuilder builder, CancellationToken cancellationToken)
    {
        var name = builder.Configuration["Publishing:Publisher"] ?? "manifest";
        var publishers = app.Services.GetServices<IDistributedApplicationPublisher>().ToList();
        var publisher = publishers.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new DistributedApplicationException(
                $"Unknown publisher '{name}'. Valid publishers are: {string.Join(", ", publishers.Select(p => $"'{p.Name}'"))}.");
        var context = new PublishingContext(builder.Configuration["Publishing:OutputPath"], builder.AppHostDirectory, builder.ExecutionContext);
        return publisher.PublishAsync([.. builder.Resources], context, cancellationToken);
    }
}
