namespace CloudNative.Hosting;

/// <summary>
/// A model mistake in Program.cs (a cycle, a bad replica count, a missing project) surfaces as one clear line
/// and exit code 1 instead of a stack trace: the message already names the resource, the cause and the fix.
/// </summary>
internal static class FatalErrorReporter
{
    private static int s_installed;

    public static void Install()
    {
        if (Interlocked.Exchange(ref s_installed, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            if (e.ExceptionObject is DistributedApplicationException ex)
            {
                Console.Error.WriteLine($"fail: {ex.Message}");
                Environment.Exit(1);
            }
        };
    }
}
