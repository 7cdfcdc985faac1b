using System.Buffers.Binary;

namespace CloudNative.KafkaDevBroker.Tests;

public sealed class KafkaFrameRelayTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(4096)]
    public async Task Requests_PassUnchanged_HoweverTheBytesArrive(int chunk)
    {
        var requests = Concat(Request(ApiKeys.Produce, 9, correlationId: 1, bodyLength: 3000), Request(ApiKeys.ApiVersions, 2, correlationId: 2, bodyLength: 10),
            Request(ApiKeys.Produce, 9, correlationId: 3, bodyLength: 0));
        var broker = new RecordingStream();

        await new KafkaFrameRelay().RelayRequestsAsync(new ChunkedStream(requests, chunk), broker, CancellationToken.None);

        Assert.Equal(requests, broker.Written.ToArray());
    }

    [Fact]
    public async Task PipelinedFrames_ThatArriveTogether_LeaveInOneWrite()
    {
        var requests = Concat(Request(ApiKeys.Produce, 9, 1, 100), Request(ApiKeys.Produce, 9, 2, 100), Request(ApiKeys.Produce, 9, 3, 100));
        var broker = new RecordingStream();

        await new KafkaFrameRelay().RelayRequestsAsync(new ChunkedStream(requests, requests.Length), broker, CancellationToken.None);

        Assert.Equal(1, broker.Writes);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task ApiVersionsResponse_IsCapped_OtherResponsesPassUnchanged(int chunk)
    {
        var relay = new KafkaFrameRelay();
        await relay.RelayRequestsAsync(new ChunkedStream(Request(ApiKeys.ApiVersions, 2, correlationId: 7, bodyLength: 10), chunk), new RecordingStream(),
            CancellationToken.None);
        var produceResponse = Response(correlationId: 6, new byte[500]);
        var responses = Concat(produceResponse, Response(correlationId: 7, ApiVersionsBody((ApiKeys.JoinGroup, 9), (ApiKeys.Produce, 9))), produceResponse);
        var client = new RecordingStream();

        await relay.RelayResponsesAsync(new ChunkedStream(responses, chunk), client, CancellationToken.None);

        var expected = Concat(produceResponse, Response(correlationId: 7, ApiVersionsBody((ApiKeys.JoinGroup, 5), (ApiKeys.Produce, 9))), produceResponse);
        Assert.Equal(expected, client.Written.ToArray());
    }

    [Fact]
    public async Task AFrameTooShortForItsHeader_IsNotKafka()
    {
        var frame = new byte[12];
        BinaryPrimitives.WriteInt32BigEndian(frame, 3);

        var error = await Assert.ThrowsAsync<IOException>(() =>
            new KafkaFrameRelay().RelayRequestsAsync(new ChunkedStream(frame, 12), new RecordingStream(), CancellationToken.None));

        Assert.Contains("Not a Kafka frame", error.Message);
    }

    [Fact]
    public async Task AStreamEndingInsideAFrame_Fails()
    {
        var request = Request(ApiKeys.Produce, 9, 1, 100);

        await Assert.ThrowsAsync<EndOfStreamException>(() =>
            new KafkaFrameRelay().RelayRequestsAsync(new ChunkedStream(request[..^1], 64), new RecordingStream(), CancellationToken.None));
    }

    private static byte[] Request(short apiKey, short apiVersion, int correlationId, int bodyLength)
    {
        var frame = new byte[12 + bodyLength];
        BinaryPrimitives.WriteInt32BigEndian(frame, frame.Length - 4);
        BinaryPrimitives.WriteInt16BigEndian(frame.AsSpan(4), apiKey);
        BinaryPrimitives.WriteInt16BigEndian(frame.AsSpan(6), apiVersion);
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(8), correlationId);
        Random.Shared.NextBytes(frame.AsSpan(12));
        return frame;
    }

    private static byte[] Response(int correlationId, byte[] body)
    {
        var frame = new byte[8 + body.Length];
        BinaryPrimitives.WriteInt32BigEndian(frame, frame.Length - 4);
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(4), correlationId);
        body.CopyTo(frame, 8);
        return frame;
    }

    // ApiVersions v1-v2: error_code, a count of (api_key, min_version, max_version), throttle_time_ms.
    private static byte[] ApiVersionsBody(params (short Key, short Max)[] apis)
    {
        var body = new byte[2 + 4 + apis.Length * 6 + 4];
        BinaryPrimitives.WriteInt32BigEndian(body.AsSpan(2), apis.Length);
        for (var i = 0; i < apis.Length; i++)
        {
            BinaryPrimitives.WriteInt16BigEndian(body.AsSpan(6 + i * 6), apis[i].Key);
            BinaryPrimitives.WriteInt16BigEndian(body.AsSpan(6 + i * 6 + 4), apis[i].Max);
        }

        return body;
    }

    private static byte[] Concat(params byte[][] frames) => [.. frames.SelectMany(f => f)];

    // Reads hand out at most chunk bytes each, as a socket may.
    private sealed class ChunkedStream(byte[] data, int chunk) : Stream
    {
        private int position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => data.Length;
        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, chunk), data.Length - position);
            data.AsSpan(position, n).CopyTo(buffer.AsSpan(offset));
            position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private sealed class RecordingStream : Stream
    {
        public MemoryStream Written { get; } = new();
        public int Writes { get; private set; }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Written.Length;
        public override long Position { get => Written.Position; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Writes++;
            Written.Write(buffer, offset, count);
        }

        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
