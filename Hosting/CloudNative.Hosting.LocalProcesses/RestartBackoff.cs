namespace CloudNative.Hosting.LocalProcesses;

/// <summary>1, 2, 4 … 30 s between restarts of a crashing process; a run that lasted a minute starts the count again.</summary>
internal sealed class RestartBackoff
{
    private static readonly TimeSpan s_ceiling = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_stableRun = TimeSpan.FromMinutes(1);

    private int _failures;

    public TimeSpan Next(TimeSpan lastRun)
    {
        if (lastRun >= s_stableRun)
        {
            _failures = 0;
        }

        var delay = TimeSpan.FromSeconds(Math.Pow(2, Math.Min(_failures, 5)));
        _failures++;
        return delay < s_ceiling ? delay : s_ceiling;
    }
}
