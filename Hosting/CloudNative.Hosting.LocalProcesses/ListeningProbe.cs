using System.Net;
using System.Net.Sockets;

namespace CloudNative.Hosting.LocalProcesses;

/// <summary>Waits until a freshly started process accepts connections on its port, or exits first.</summary>
internal static class ListeningProbe
{
    private static readonly TimeSpan s_retry = TimeSpan.FromMilliseconds(50);

    /// <returns>True once a connection is accepted; false when <paramref name="exited"/> completes first.</returns>
    public static async Task<bool> WaitAsync(int port, Task exited, CancellationToken cancellationToken)
    {
        while (!exited.IsCompleted)
        {
            using var client = new TcpClient(AddressFamily.InterNetwork);
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (SocketException)
            {
                // Refused: not listening yet. The process signals nothing else we could wait on, so try again shortly.
                await Task.WhenAny(exited, Task.Delay(s_retry, cancellationToken)).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        return false;
    }
}
