namespace CloudNative.Hosting;

/// <summary>
/// A problem with the application model or its environment that the AppHost cannot work around.
/// The message names the resource, the cause and the fix.
/// </summary>
public sealed class DistributedApplicationException(string message, Exception? innerException = null) : Exception(message, innerException);
