using CloudNative.Messaging.Envelope;
using CloudNative.Messaging.Serialization;
using CloudNative.Messaging.Tests.Infrastructure;
using Confluent.Kafka;
using System.Text;

namespace CloudNative.Messaging.Tests;

public sealed class EnvelopeTests
{
    private static readonly MessageTypes Types = new MessageTypes()
        .Add("order-placed", TestJsonContext.Default.OrderPlaced)
        .Add("order-shipped", TestJsonContext.Default.OrderShipped);

    [Fact]
    public void Headers_RoundTrip_EveryField()
    {
        var first = EventEnvelope.Create("order-placed", DateTimeOffset.Parse("2026-12-02T10:11:12.1234567+00:00"), causedBy: null);
        var second = EventEnvelope.Create("order-shipped", DateTimeOffset.Parse("2026-12-02T10:11:13.5+01:00"), causedBy: first);
        var headers = new Headers();

        second.WriteTo(headers);

        var read = EventEnvelope.ReadFrom(headers);
        Assert.Equal(second, read);
        Assert.Equal(first.CorrelationId, read.CorrelationId);
        Assert.Equal(first.MessageId, read.CausationId);
        Assert.Equal(first.MessageId, first.CorrelationId);
        Assert.Null(first.CausationId);
    }

    [Fact]
    public void WriteTo_ReplacesAnEarlierEnvelope()
    {
        var headers = new Headers();
        EventEnvelope.Create("order-placed", DateTimeOffset.UtcNow, null).WriteTo(headers);
        var latest = EventEnvelope.Create("order-shipped", DateTimeOffset.UtcNow, null);

        latest.WriteTo(headers);

        Assert.Single(headers, h => h.Key == EnvelopeHeaders.MessageId);
        Assert.Equal(latest, EventEnvelope.ReadFrom(headers));
    }

    [Theory]
    [InlineData(EnvelopeHeaders.MessageId, null)]
    [InlineData(EnvelopeHeaders.MessageId, "not-a-guid")]
    [InlineData(EnvelopeHeaders.MessageType, null)]
    [InlineData(EnvelopeHeaders.OccurredAt, "yesterday")]
    [InlineData(EnvelopeHeaders.CorrelationId, null)]
    [InlineData(EnvelopeHeaders.CausationId, "")]
    public void ReadFrom_AMissingOrMalformedHeader_IsPoison(string header, string? value)
    {
        var headers = new Headers();
        EventEnvelope.Create("order-placed", DateTimeOffset.UtcNow, EventEnvelope.Create("order-placed", DateTimeOffset.UtcNow, null)).WriteTo(headers);
        headers.Remove(header);
        if (value is not null)
        {
            headers.Add(header, Encoding.UTF8.GetBytes(value));
        }

        var exception = Assert.Throws<PoisonMessageException>(() => EventEnvelope.ReadFrom(headers));
        Assert.Contains(header, exception.Message);
    }

    [Fact]
    public void ReadFrom_NoHeadersAtAll_IsPoison() => Assert.Throws<PoisonMessageException>(() => EventEnvelope.ReadFrom(null));

    [Fact]
    public void Payload_RoundTrips_ThroughItsRegisteredName()
    {
        var (name, payload) = Types.Serialize(new OrderPlaced("order-1", 7));

        Assert.Equal("order-placed", name);
        Assert.Equal("""{"OrderId":"order-1","Sequence":7}""", Encoding.UTF8.GetString(payload));
        Assert.Equal(new OrderPlaced("order-1", 7), Types.Deserialize(name, payload));
    }

    [Theory]
    [InlineData("order-cancelled", """{"OrderId":"order-1"}""")] // unknown type
    [InlineData("order-placed", """{"OrderId":"order-1",""")] // truncated JSON
    [InlineData("order-placed", """{"OrderId":"order-1","Sequence":"seven"}""")] // wrong shape
    [InlineData("order-placed", "null")]
    [InlineData("order-placed", "")]
    public void Deserialize_UnknownTypeOrBadJson_IsPoison(string type, string json) =>
        Assert.Throws<PoisonMessageException>(() => Types.Deserialize(type, Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Serialize_AnUnregisteredType_FailsInTheSendersCode() =>
        Assert.Throws<InvalidOperationException>(() => Types.Serialize(new Order { Id = "x" }));

    [Fact]
    public void Add_ANameOrTypeTwice_Fails()
    {
        var types = new MessageTypes().Add("order-placed", TestJsonContext.Default.OrderPlaced);

        Assert.Throws<InvalidOperationException>(() => types.Add("order-placed", TestJsonContext.Default.OrderShipped));
        Assert.Throws<InvalidOperationException>(() => types.Add("order-placed-v2", TestJsonContext.Default.OrderPlaced));
        Assert.Throws<InvalidOperationException>(() => types.Serialize(new OrderShipped("order-1")));
    }
}
