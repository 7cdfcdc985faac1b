using System.Buffers.Binary;
using System.Net.Sockets;

namespace CloudNative.KafkaDevBroker.Tests;

/// <summary>A bare ApiVersions request, to see what the broker advertises before any client library interprets it.</summary>
internal static class ApiVersionsProbe
{
    public const short UnsupportedVersion = 35;

    /// <summary>The error code and, for v0-v2, each api key's max version.</summary>
    public static async Task<(short ErrorCode, Dictionary<short, short> MaxVersions)> SendAsync(string host, int port, short version)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(host, port);
        var stream = client.GetStream();
        await stream.WriteAsync(Request(version));

        var size = new byte[4];
        await stream.ReadExactlyAsync(size);
        var response = new byte[BinaryPrimitives.ReadInt32BigEndian(size)];
        await stream.ReadExactlyAsync(response);

        // correlation_id int32, error_code int16, then for v0-v2 an int32 count of (api_key, min, max) int16s.
        var errorCode = BinaryPrimitives.ReadInt16BigEndian(response.AsSpan(4));
        var maxVersions = new Dictionary<short, short>();
        for (var i = 0; version <= 2 && i < BinaryPrimitives.ReadInt32BigEndian(response.AsSpan(6)); i++)
        {
            var entry = response.AsSpan(10 + i * 6);
            maxVersions[BinaryPrimitives.ReadInt16BigEndian(entry)] = BinaryPrimitives.ReadInt16BigEndian(entry[4..]);
        }

        return (errorCode, maxVersions);
    }

    private static byte[] Request(short version)
    {
        // Header: api_key 18, api_version, correlation_id 1, client_id "probe". v3+ is flexible: the
        // header ends in empty tagged fields, and the body holds client_software_name and
        // client_software_version as compact strings, then empty tagged fields.
        byte[] header = [0, 18, 0, (byte)version, 0, 0, 0, 1, 0, 5, .. "probe"u8];
        byte[] flexible = [0, 6, .. "probe"u8, 2, (byte)'1', 0];
        byte[] request = [.. header, .. version >= 3 ? flexible : []];
        var size = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(size, request.Length);
        return [.. size, .. request];
    }
}
