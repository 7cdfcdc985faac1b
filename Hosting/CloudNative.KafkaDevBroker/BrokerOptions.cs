using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CloudNative.KafkaDevBroker;

/// <summary>The command line. The AppHost depends on it, so keep the switches stable.</summary>
public sealed partial record BrokerOptions
{
    public const int MaxBrokers = 16;

    public const string Usage =
        "Usage: CloudNative.KafkaDevBroker [--topic <name>:<partitions>]... [--port <n>] [--brokers <n>] [--exit-on-stdin-eof]";

    public IReadOnlyList<TopicSpec> Topics { get; init; } = [];

    /// <summary>Where broker 1 listens and is advertised; null picks a free port.</summary>
    public int? Port { get; init; }

    public int Brokers { get; init; } = 1;

    public bool ExitOnStdinEof { get; init; }

    public static bool TryParse(
        IReadOnlyList<string> args,
        [NotNullWhen(true)] out BrokerOptions? options,
        [NotNullWhen(false)] out string? error)
    {
        options = null;
        var topics = new List<TopicSpec>();
        int? port = null;
        int? brokers = null;
        var exitOnStdinEof = false;

        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--exit-on-stdin-eof")
            {
                exitOnStdinEof = true;
                continue;
            }

            if (name is not ("--topic" or "--port" or "--brokers"))
            {
                error = $"'{name}': unknown argument. Known: --topic <name>:<partitions>, --port <n>, --brokers <n>, --exit-on-stdin-eof.";
                return false;
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                error = $"{name}: missing value. {Example(name)}";
                return false;
            }

            var value = args[++i];
            error = name switch
            {
                "--topic" => AddTopic(value, topics),
                "--port" => SetOnce(name, value, 1, 65535, ref port, "omit --port to let the broker pick a free port"),
                _ => SetOnce(name, value, 1, MaxBrokers, ref brokers, "omit --brokers for a single broker"),
            };
            if (error is not null)
            {
                return false;
            }
        }

        options = new BrokerOptions { Topics = topics, Port = port, Brokers = brokers ?? 1, ExitOnStdinEof = exitOnStdinEof };
        error = null;
        return true;
    }

    private static string? AddTopic(string value, List<TopicSpec> topics)
    {
        var colon = value.LastIndexOf(':');
        if (colon < 0)
        {
            return $"--topic '{value}': missing partition count. {Example("--topic")}";
        }

        var name = value[..colon];
        var partitionText = value[(colon + 1)..];
        if (name.Length == 0)
        {
            return $"--topic '{value}': the topic name is empty. {Example("--topic")}";
        }

        // Kafka's own rule for legal topic names; the mock would accept anything, a real broker would not.
        if (!LegalTopicName().IsMatch(name) || name is "." or "..")
        {
            return $"--topic '{value}': '{name}' is not a legal Kafka topic name. Use up to 249 letters, digits, '.', '_' or '-'.";
        }

        if (!int.TryParse(partitionText, NumberStyles.None, CultureInfo.InvariantCulture, out var partitions) || partitions < 1)
        {
            return $"--topic '{value}': partitions must be a whole number of at least 1. {Example("--topic")}";
        }

        if (topics.Any(t => t.Name == name))
        {
            return $"--topic '{value}': topic '{name}' is declared twice. Declare each topic once.";
        }

        topics.Add(new TopicSpec(name, partitions));
        return null;
    }

    private static string? SetOnce(string name, string value, int min, int max, ref int? target, string hint)
    {
        if (target is not null)
        {
            return $"{name}: given twice. Give it once.";
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            return $"{name} '{value}': expected a whole number from {min} to {max}; {hint}.";
        }

        target = number;
        return null;
    }

    private static string Example(string name) => name switch
    {
        "--topic" => "Use --topic <name>:<partitions>, e.g. --topic orders:3.",
        "--port" => "Use --port <n>, e.g. --port 9092.",
        _ => "Use --brokers <n>, e.g. --brokers 3.",
    };

    [GeneratedRegex("^[a-zA-Z0-9._-]{1,249}$")]
    private static partial Regex LegalTopicName();
}
