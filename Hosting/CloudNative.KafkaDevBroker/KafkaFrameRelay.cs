using System.Buffers.Binary;
using System.Collections.Concurrent;

namespace CloudNative.KafkaDevBroker;

// Relays one connection frame by frame (an int32 size, then that many bytes) instead of as a byte
// stream, so that ApiVersions responses can be capped on their way to the client.
internal sealed class KafkaFrameRelay
{
    private const int BufferSize = 64 * 1024;

    // A response names only the correlation id of its request; requests name their api key.
    private readonly ConcurrentDictionary<int, bool> apiVersionsRequests = new();

    public async Task RelayRequestsAsync(Stream client, Stream broker, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferSize];
        // size, then the request header's api_key int16, api_version int16 and correlation_id int32.
        while (await ReadHeadAsync(client, buffer, 12, cancellationToken) is { } size)
        {
            var apiKey = BinaryPrimitives.ReadInt16BigEndian(buffer.AsSpan(4));
            var apiVersion = BinaryPrimitives.ReadInt16BigEndian(buffer.AsSpan(6));
            if (ApiVersionCaps.AppliesTo(apiKey, apiVersion))
            {
                // Before forwarding, so that the response cannot get back first.
                apiVersionsRequests[BinaryPrimitives.ReadInt32BigEndian(buffer.AsSpan(8))] = true;
            }

            await broker.WriteAsync(buffer.AsMemory(0, 12), cancellationToken);
            await CopyAsync(client, broker, size - 8, buffer, cancellationToken);
        }
    }

    public async Task RelayResponsesAsync(Stream broker, Stream client, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferSize];
        // size, then the response header's correlation_id int32.
        while (await ReadHeadAsync(broker, buffer, 8, cancellationToken) is { } size)
        {
            if (apiVersionsRequests.TryRemove(BinaryPrimitives.ReadInt32BigEndian(buffer.AsSpan(4)), out _))
            {
                var frame = new byte[4 + size];
                buffer.AsSpan(0, 8).CopyTo(frame);
                await broker.ReadExactlyAsync(frame.AsMemory(8), cancellationToken);
                ApiVersionCaps.Apply(frame.AsSpan(8));
                await client.WriteAsync(frame, cancellationToken);
                continue;
            }

            await client.WriteAsync(buffer.AsMemory(0, 8), cancellationToken);
            await CopyAsync(broker, client, size - 4, buffer, cancellationToken);
        }
    }

    // Reads a frame's size and its first bytes into buffer; null at end of stream between frames.
    private static async Task<int?> ReadHeadAsync(Stream from, byte[] buffer, int count, CancellationToken cancellationToken)
    {
        var read = await from.ReadAtLeastAsync(buffer.AsMemory(0, count), count, throwOnEndOfStream: false, cancellationToken);
        if (read == 0)
        {
            return null;
        }

        if (read < count)
        {
            throw new EndOfStreamException("The stream ended inside a frame header.");
        }

        var size = BinaryPrimitives.ReadInt32BigEndian(buffer);
        return size >= count - 4 ? size : throw new IOException($"Not a Kafka frame: size {size}.");
    }

    private static async Task CopyAsync(Stream from, Stream to, int count, byte[] buffer, CancellationToken cancellationToken)
    {
        while (count > 0)
        {
            var read = await from.ReadAsync(buffer.AsMemory(0, Math.Min(count, buffer.Length)), cancellationToken);
            if (read == 0)
            {
                throw new EndOfStreamException($"The stream ended {count} byte(s) before the end of a frame.");
            }

            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            count -= read;
        }
    }
}
