namespace CloudNative.Hosting.ApplicationModel;

/// <summary>Aspire's generated volume names: <c>{app}-{hash}-{resource}-{suffix}</c>, lower case.</summary>
public static class VolumeNames
{
    public static string For<T>(IResourceBuilder<T> builder, string suffix) where T : IResource
    {
        var appName = Sanitize(builder.ApplicationBuilder.Environment.ApplicationName).ToLowerInvariant();
        var hash = Orchestration.DataDirectories.AppHostHash(builder.ApplicationBuilder.ExecutionContext.IsPublishMode
            ? builder.ApplicationBuilder.Environment.ApplicationName
            : builder.ApplicationBuilder.AppHostDirectory);
        return $"{appName}-{hash}-{builder.Resource.Name}-{suffix}";
    }

    private static string Sanitize(string name) =>
        new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);
}
