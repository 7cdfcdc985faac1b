using System.Net;
using System.Net.Sockets;

namespace CloudNative.Hosting.Orchestration;

/// <summary>
/// Owns an endpoint's stable port and forwards each connection to a live replica, round-robin, trying the
/// next one when a replica refuses. That is how replicas and restarts keep one address.
/// </summary>
internal sealed class TcpProxy(string resourceName, string endpointName, int port, Func<IReadOnlyList<int>> targetPorts) : IAsyncDisposable
{
    private readonly List<Socket> _listeners = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _acceptLoops = [];
    private int _next;

    public int Port { get; } = port;

    public void Start()
    {
        _listeners.Add(Listen(IPAddress.Loopback, required: true)!);
        if (Socket.OSSupportsIPv6 && Listen(IPAddress.IPv6Loopback, required: false) is { } v6)
        {
            _listeners.Add(v6);
        }

        foreach (var listener in _listeners)
        {
            _acceptLoops.Add(AcceptLoopAsync(listener));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var listener in _listeners)
        {
            listener.Dispose();
        }

        await Task.WhenAll(_acceptLoops).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private Socket? Listen(IPAddress address, bool required)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(address, Port));
            socket.Listen(512);
            return socket;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse && required)
        {
            socket.Dispose();
            throw new DistributedApplicationException(
                $"Resource '{resourceName}' endpoint '{endpointName}': port {Port} is already in use. Stop the process that holds it (ss -ltnp 'sport = :{Port}') or give the endpoint another port.", ex);
        }
        catch (SocketException) when (!required)
        {
            socket.Dispose();
            return null;
        }
    }

    private async Task AcceptLoopAsync(Socket listener)
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(Socket client)
    {
        using (client)
        {
            using var upstream = await ConnectToReplicaAsync().ConfigureAwait(false);
            if (upstream is null)
            {
                return;
            }

            client.NoDelay = true;
            upstream.NoDelay = true;
            using var clientStream = new NetworkStream(client, ownsSocket: false);
            using var upstreamStream = new NetworkStream(upstream, ownsSocket: false);
            var toUpstream = PumpAsync(clientStream, upstream);
            var toClient = PumpAsync(upstreamStream, client);
            await Task.WhenAll(toUpstream(upstreamStream), toClient(clientStream)).ConfigureAwait(false);
        }
    }

    /// <summary>Copies until the source closes, then half-closes the destination so the peer sees the end.</summary>
    private Func<Stream, Task> PumpAsync(Stream source, Socket destinationSocket) => async destination =>
    {
        try
        {
            await source.CopyToAsync(destination, _stopping.Token).ConfigureAwait(false);
            destinationSocket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            destinationSocket.Close();
        }
    };

    private async Task<Socket?> ConnectToReplicaAsync()
    {
        var targets = targetPorts();
        for (var attempt = 0; attempt < targets.Count; attempt++)
        {
            var target = targets[(int)((uint)Interlocked.Increment(ref _next) % targets.Count)];
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, target), _stopping.Token).ConfigureAwait(false);
                return socket;
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException)
            {
                socket.Dispose();
            }
        }

        return null;
    }
}
