using System.Net;
using System.Net.Sockets;

namespace Gateway.Api.Tests;

// A loopback port where a backend is down: the socket holds the port, so nothing else can be handed it while the
// test runs, but never listens, so connections to it are refused.
sealed class RefusedPort : IDisposable
{
    readonly Socket socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public RefusedPort() => socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));

    public string Url => $"http://127.0.0.1:{((IPEndPoint)socket.LocalEndPoint!).Port}";

    public void Dispose() => socket.Dispose();
}
