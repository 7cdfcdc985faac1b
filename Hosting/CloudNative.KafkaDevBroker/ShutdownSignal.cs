using System.Runtime.InteropServices;

namespace CloudNative.KafkaDevBroker;

// Completes on SIGTERM (the AppHost stopping the resource), SIGINT (Ctrl+C), or, when asked,
// on stdin EOF: the parent's end of the pipe closes when it dies, even by SIGKILL.
internal sealed class ShutdownSignal : IDisposable
{
    private readonly TaskCompletionSource<string> requested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly PosixSignalRegistration terminate;
    private readonly PosixSignalRegistration interrupt;

    public ShutdownSignal(bool watchStdin)
    {
        terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        if (watchStdin)
        {
            // A background thread: a blocking read must not keep the process alive after shutdown.
            new Thread(WaitForStdinEof) { IsBackground = true, Name = "stdin-eof" }.Start();
        }
    }

    /// <summary>Completes with the reason for stopping.</summary>
    public Task<string> Requested => requested.Task;

    public void Dispose()
    {
        terminate.Dispose();
        interrupt.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        // Cancel the default termination so that the mock cluster is destroyed cleanly first.
        context.Cancel = true;
        requested.TrySetResult(context.Signal.ToString());
    }

    private void WaitForStdinEof()
    {
        using var stdin = Console.OpenStandardInput();
        var buffer = new byte[256];
        try
        {
            while (stdin.Read(buffer) > 0)
            {
            }
        }
        catch (IOException)
        {
        }

        requested.TrySetResult("stdin EOF");
    }
}
