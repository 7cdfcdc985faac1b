using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.IO.Pipelines;

namespace CloudNative.KafkaDevBroker;

// Relays one connection frame by frame (an int32 size, then that many bytes) instead of as a byte
// stream, so that ApiVersions responses can be capped on their way to the client. Whatever one read
// brings is passed on in one write: a frame's header and body, and frames a client pipelines, do not
// become separate writes (with TCP_NODELAY, separate segments, each waking the other side).
internal sealed class KafkaFrameRelay
{
    private const int BufferSize = 64 * 1024;

    // size, then the request header's api_key int16, api_version int16 and correlation_id int32.
    private const int RequestHead = 12;

    // size, then the response header's correlation_id int32.
    private const int ResponseHead = 8;

    // A response names only the correlation id of its request; requests name their api key.
    private readonly ConcurrentDictionary<int, bool> apiVersionsRequests = new();

    public Task RelayRequestsAsync(Stream client, Stream broker, CancellationToken cancellationToken) =>
        RelayAsync(client, broker, RequestHead, head =>
        {
            if (ApiVersionCaps.AppliesTo(BinaryPrimitives.ReadInt16BigEndian(head[4..]), BinaryPrimitives.ReadInt16BigEndian(head[6..])))
            {
                // Before forwarding, so that the response cannot get back first.
                apiVersionsRequests[BinaryPrimitives.ReadInt32BigEndian(head[8..])] = true;
            }

            return false;
        }, cancellationToken);

    public Task RelayResponsesAsync(Stream broker, Stream client, CancellationToken cancellationToken) =>
        RelayAsync(broker, client, ResponseHead, head => apiVersionsRequests.TryRemove(BinaryPrimitives.ReadInt32BigEndian(head[4..]), out _),
            cancellationToken);

    // Sees each frame's head and answers whether the frame is an ApiVersions response to cap: such a frame is held
    // until complete. Every other frame is passed on as its bytes arrive.
    private delegate bool HeadInspector(ReadOnlySpan<byte> head);

    private static async Task RelayAsync(Stream from, Stream to, int headSize, HeadInspector rewrite, CancellationToken cancellationToken)
    {
        // Fetch responses run to megabytes: read and write them in large pieces, as the copy loop before did.
        var reader = PipeReader.Create(from, new StreamPipeReaderOptions(bufferSize: BufferSize, leaveOpen: true));
        var writer = PipeWriter.Create(to, new StreamPipeWriterOptions(minimumBufferSize: BufferSize, leaveOpen: true));
        var frame = new FrameProgress();
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            while (Forward(ref buffer, ref frame, headSize, rewrite, writer))
            {
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
            await writer.FlushAsync(cancellationToken);
            if (read.IsCompleted)
            {
                if (frame.Unsent > 0 || !buffer.IsEmpty)
                {
                    throw new EndOfStreamException("The stream ended inside a frame.");
                }

                await reader.CompleteAsync();
                await writer.CompleteAsync();
                return;
            }
        }
    }

    // Where the relay is in the current frame: bytes of it still to pass on as they come, or (Held) an ApiVersions
    // response being held until it is complete.
    private struct FrameProgress
    {
        public long Unsent;
        public bool Held;
    }

    // Passes on what it can of buffer; false when the rest needs more bytes.
    private static bool Forward(ref ReadOnlySequence<byte> buffer, ref FrameProgress frame, int headSize, HeadInspector rewrite, PipeWriter writer)
    {
        if (frame.Unsent > 0 && !frame.Held)
        {
            var part = buffer.Slice(0, Math.Min(frame.Unsent, buffer.Length));
            Write(writer, part);
            frame.Unsent -= part.Length;
            buffer = buffer.Slice(part.End);
            return frame.Unsent == 0;
        }

        if (frame.Unsent == 0)
        {
            if (buffer.Length < headSize)
            {
                return false;
            }

            Span<byte> head = stackalloc byte[headSize];
            buffer.Slice(0, headSize).CopyTo(head);
            var size = BinaryPrimitives.ReadInt32BigEndian(head);
            if (size < headSize - 4)
            {
                throw new IOException($"Not a Kafka frame: size {size}.");
            }

            frame = new FrameProgress { Unsent = 4L + size, Held = rewrite(head) };
            return true;
        }

        if (buffer.Length < frame.Unsent)
        {
            return false;
        }

        // Only responses are held, so the body starts after the response head.
        var whole = buffer.Slice(0, frame.Unsent).ToArray();
        ApiVersionCaps.Apply(whole.AsSpan(ResponseHead));
        writer.Write(whole);
        buffer = buffer.Slice(whole.Length);
        frame = default;
        return true;
    }

    private static void Write(PipeWriter writer, ReadOnlySequence<byte> bytes)
    {
        foreach (var segment in bytes)
        {
            writer.Write(segment.Span);
        }
    }
}
