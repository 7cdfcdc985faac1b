using System.Globalization;
using System.Net;
using StackExchange.Redis.Profiling;

namespace CloudNative.ServiceDefaults.Redis;

// OpenTelemetry's database semantic conventions for a Redis command. The command's arguments are left out:
// they hold keys and values, which may be personal data.
internal static class RedisSpanAttributes
{
    public static List<KeyValuePair<string, object?>> For(IProfiledCommand command)
    {
        var (address, port) = command.EndPoint switch
        {
            DnsEndPoint dns => (dns.Host, dns.Port),
            IPEndPoint ip => (ip.Address.ToString(), ip.Port),
            var other => (other?.ToString(), (int?)null),
        };

        List<KeyValuePair<string, object?>> attributes =
        [
            new("db.system.name", "redis"),
            new("db.operation.name", command.Command),
            new("server.address", address),
            new("server.port", port),
        ];
        // Commands that address no database, such as PING, report -1.
        if (command.Db >= 0)
        {
            attributes.Add(new("db.namespace", command.Db.ToString(CultureInfo.InvariantCulture)));
        }
        return attributes;
    }
}
