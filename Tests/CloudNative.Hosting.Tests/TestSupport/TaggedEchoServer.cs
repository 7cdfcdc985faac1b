using System.Net;
using System.Net.Sockets;
using CloudNative.Hosting.Orchestration;

namespace CloudNative.Hosting.Tests.TestSupport;

/// <summary>
/// A loopback TCP server that greets each connection with its tag byte, then echoes what it receives. Its port is
/// never handed to anyone else, so once it is stopped, connecting there is refused rather than reaching another test.
/// </summary>
internal sealed class TaggedEchoServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, PortAllocator.Allocate());
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _acceptLoop;
    private readonly byte _tag;

    public TaggedEchoServer(char tag)
    {
        _tag = (byte)tag;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = AcceptLoopAsync();
    }

    public int Port { get; }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stopping.Token);
                connections.Add(ServeAsync(client));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        await Task.WhenAll(connections);
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                await stream.WriteAsync(new[] { _tag }, _stopping.Token);
                await stream.CopyToAsync(stream, _stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException)
            {
            }
        }
    }
}
