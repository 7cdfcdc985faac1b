using System.Collections.Concurrent;
using System.Diagnostics;

namespace CloudNative.ServiceDefaults.Tests;

// Records the stopped activities of one source that belong to this test's own trace, so that tests running
// in parallel do not see each other's spans.
internal sealed class ActivityCollector : IDisposable
{
    private const string TestSourceName = "CloudNative.ServiceDefaults.Tests";
    private static readonly ActivitySource TestSource = new(TestSourceName);

    private readonly ActivityListener listener;
    private readonly ConcurrentQueue<Activity> stopped = new();

    public ActivityCollector(string sourceName)
    {
        listener = new ActivityListener
        {
            // By name: a source first touched inside this callback would miss the listener being added.
            ShouldListenTo = source => source.Name is var name && (name == sourceName || name == TestSourceName),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == sourceName)
                {
                    stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        TestRoot = TestSource.StartActivity("test root")!;
    }

    // Current while the test runs; spans started under it share its trace id.
    public Activity TestRoot { get; }

    public IReadOnlyList<Activity> Stopped => [.. stopped.Where(a => a.TraceId == TestRoot.TraceId)];

    public void Dispose()
    {
        TestRoot.Dispose();
        listener.Dispose();
    }
}
