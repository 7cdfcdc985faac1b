namespace CloudNative.Bench.Startup;

/// <summary>
/// The bench's own output: the console as it was when the bench started. The console itself is muted, since the
/// AppHost the fixture runs boot in this process would otherwise interleave its console log with the table.
/// </summary>
internal static class Out
{
    private static readonly TextWriter s_stdout = Console.Out;

    /// <summary>Without it the fields could be set lazily, after <see cref="MuteConsole"/> has muted the console.</summary>
    static Out()
    {
    }

    public static void WriteLine(string line = "") => s_stdout.WriteLine(line);

    public static void MuteConsole()
    {
        Console.SetOut(TextWriter.Null);
        Console.SetError(TextWriter.Null);
    }
}
