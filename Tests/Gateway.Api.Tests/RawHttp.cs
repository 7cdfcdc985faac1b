using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Gateway.Api.Tests;

// HTTP/1.1 over a bare socket, for what HttpClient will not send: any method token, unnormalised paths, invalid
// headers, bodies that lie about their length. Writes and reads at once, so an early answer (413, 431) is read even
// while the client is still sending. Requests should say "Connection: close", so the answer ends with the connection.
// halfClose ends the client's side after sending, as a client that gives up on a short body does; Kestrel then treats
// the request as aborted, so there may be no answer at all (the gateway's side is checked through KestrelGateway).
static class RawHttp
{
    public static async Task<RawResponse> SendAsync(int port, byte[] request, TimeSpan timeout, bool halfClose = false)
    {
        using var cts = new CancellationTokenSource(timeout);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, cts.Token);
        var stream = client.GetStream();
        var socket = client.Client;
        using var stopWriting = CancellationTokenSource.CreateLinkedTokenSource(cts.Token);

        var write = Task.Run(async () =>
        {
            try
            {
                await stream.WriteAsync(request, stopWriting.Token);
                if (halfClose)
                {
                    socket.Shutdown(SocketShutdown.Send);
                }
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
                // The server answered and closed before the whole request was sent; the answer is what counts.
            }
        });

        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cts.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException) when (received.Length > 0 || halfClose)
        {
            // Reset after the answer arrived (the server closed with request bytes unread), or instead of one.
        }

        // The answer is complete; a write still blocked on a server that stopped reading is abandoned.
        await stopWriting.CancelAsync();
        await write;
        return RawResponse.Parse(received.ToArray());
    }

    public static Task<RawResponse> SendAsync(int port, string request, TimeSpan? timeout = null, bool halfClose = false) =>
        SendAsync(port, Encoding.Latin1.GetBytes(request), timeout ?? TimeSpan.FromSeconds(10), halfClose);
}

sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body, string Raw)
{
    public static RawResponse Parse(byte[] bytes)
    {
        var raw = Encoding.Latin1.GetString(bytes);
        var headerEnd = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = headerEnd < 0 ? raw : raw[..headerEnd];
        var lines = head.Split("\r\n");
        var parts = lines[0].Split(' ', 3);
        var status = parts.Length >= 2 && parts[0].StartsWith("HTTP/1.", StringComparison.Ordinal) && int.TryParse(parts[1], out var code) ? code : 0;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                var name = line[..colon];
                var value = line[(colon + 1)..].Trim();
                headers[name] = headers.TryGetValue(name, out var existing) ? existing + ", " + value : value;
            }
        }
        var body = headerEnd < 0 ? "" : Encoding.UTF8.GetString(bytes, headerEnd + 4, bytes.Length - headerEnd - 4);
        if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked"))
        {
            body = Dechunk(body);
        }
        return new RawResponse(status, headers, body, raw.Length > 600 ? raw[..600] + "…" : raw);
    }

    static string Dechunk(string chunked)
    {
        var body = new StringBuilder();
        var at = 0;
        while (at < chunked.Length)
        {
            var lineEnd = chunked.IndexOf("\r\n", at, StringComparison.Ordinal);
            if (lineEnd < 0 || !int.TryParse(chunked[at..lineEnd].Split(';')[0], System.Globalization.NumberStyles.HexNumber, null, out var size) || size == 0)
            {
                break;
            }
            body.Append(chunked, lineEnd + 2, Math.Min(size, chunked.Length - lineEnd - 2));
            at = lineEnd + 2 + size + 2;
        }
        return body.ToString();
    }
}
