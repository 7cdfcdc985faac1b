using System.Net.Sockets;
using System.Text;

namespace CloudNative.IntegrationTests;

internal static class RedisProtocol
{
    /// <summary>Sends one inline command without authenticating and returns Redis's first reply line.</summary>
    public static async Task<string> SendUnauthenticatedAsync(string host, int port, string command)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(host, port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return await reader.ReadLineAsync() ?? string.Empty;
    }
}
