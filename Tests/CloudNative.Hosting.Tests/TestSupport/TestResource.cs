using CloudNative.Hosting.ApplicationModel;

namespace CloudNative.Hosting.Tests.TestSupport;

/// <summary>A bare resource for tests of the notification service and the wait graph.</summary>
internal sealed class TestResource(string name) : Resource(name), IResourceWithWaitSupport;
