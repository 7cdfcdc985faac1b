namespace CloudNative.Hosting.ApplicationModel;

/// <summary>Aspire's generated volume names: <c>{app}-{hash}-{resource}-{suffix}</c>, lower case.</summary>
public static class VolumeNames
{
    public static string For<T>(IResourceBuilder<T> builder, string suffix) where T : IResource
    {
        var appName = Sanitize(builder.ApplicationBuilder.Environment.ApplicationName).ToLowerInvariant();
        var hash = builder.ApplicationBuilder.ExecutionContext.IsPublishMode
            ? PublishHash(builder.ApplicationBuilder.Environment.ApplicationName)
            : Orchestration.DataDirectories.AppHostHash(builder.ApplicationBuilder.AppHostDirectory);
        return $"{appName}-{hash}-{builder.Resource.Name}-{suffix}";
    }

    /// <summary>
    /// In publish mode Aspire hashes the AppHost's project file name as it is (<c>TestShop.AppHost.csproj</c> gives the
    /// <c>48e1ce2b9b</c> of the TestShop manifest), so the manifest does not depend on where the repository lives.
    /// </summary>
    internal static string PublishHash(string appHostProjectName) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{appHostProjectName}.csproj")))[..10];

    private static string Sanitize(string name) =>
        new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);
}
