namespace CloudNative.Hosting;

internal static class GeneratedParameterStore
{
    public static void Persist(IDistributedApplicationBuilder builder, string key, string value)
    {
        // Keep the value in configuration too, so every reader in this process sees the same secret.
        builder.Configuration[key] = value;
        if (builder is DistributedApplicationBuilder { Options.PersistGeneratedParameters: true, UserSecrets: { } store }
            && builder.ExecutionContext.IsRunMode)
        {
            store.Set(key, value);
        }
    }
}
