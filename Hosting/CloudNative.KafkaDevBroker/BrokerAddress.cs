using System.Globalization;
using System.Net;

namespace CloudNative.KafkaDevBroker;

internal sealed record BrokerAddress(string Host, int Port)
{
    public static BrokerAddress Parse(string hostPort)
    {
        var colon = hostPort.LastIndexOf(':');
        return new BrokerAddress(hostPort[..colon], int.Parse(hostPort[(colon + 1)..], CultureInfo.InvariantCulture));
    }

    public IPEndPoint ToEndPoint() => new(IPAddress.Parse(Host), Port);

    public override string ToString() => $"{Host}:{Port}";
}
