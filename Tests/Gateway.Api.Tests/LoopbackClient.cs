using System.Net;
using System.Net.Sockets;

namespace Gateway.Api.Tests;

// An HttpClient whose connections leave from a chosen loopback address (127.0.0.1, 127.0.0.2, ...: all of 127/8 is
// this machine), so one test process can be several clients as far as the server's RemoteIpAddress goes.
static class LoopbackClient
{
    public static HttpClient From(string sourceAddress, Uri baseAddress) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(sourceAddress), 0));
                await socket.ConnectAsync(IPAddress.Parse(context.DnsEndPoint.Host), context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    {
        BaseAddress = baseAddress,
    };
}
