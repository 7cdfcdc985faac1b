#:package Confluent.Kafka
// How long a consumer group takes to hand partitions to a member that joins, and back when it leaves, on the dev
// broker (librdkafka's mock cluster), per group protocol. It informs Services/Messaging's group.protocol default.
//   dotnet build Hosting/CloudNative.KafkaDevBroker
//   dotnet run bench/GroupJoin/group-join.cs -- Hosting/CloudNative.KafkaDevBroker/bin/Debug/net10.0/CloudNative.KafkaDevBroker.dll
using System.Diagnostics;
using Confluent.Kafka;

var brokerDll = args.Length == 1 ? Path.GetFullPath(args[0]) : throw new ArgumentException("usage: group-join.cs <CloudNative.KafkaDevBroker.dll>");
(string Name, GroupProtocol Protocol, int? SessionTimeoutMs)[] scenarios =
[
    ("consumer (KIP-848)", GroupProtocol.Consumer, null),
    ("classic, session.timeout.ms default (45000)", GroupProtocol.Classic, null),
    ("classic, session.timeout.ms 6000", GroupProtocol.Classic, 6000),
];

var info = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
info.ArgumentList.Add(brokerDll);
for (var i = 0; i < scenarios.Length; i++)
{
    info.ArgumentList.Add("--topic");
    info.ArgumentList.Add($"join-{i}:3");
}
info.ArgumentList.Add("--exit-on-stdin-eof");
using var broker = Process.Start(info)!;
try
{
    string? line;
    while ((line = broker.StandardOutput.ReadLine()) is not null && !line.StartsWith("KAFKA_BOOTSTRAP_SERVERS=", StringComparison.Ordinal))
    {
    }
    var bootstrap = line?.Split('=', 2)[1] ?? throw new InvalidOperationException("The broker exited before it was ready.");

    Console.WriteLine("| protocol | first member owns all | second member joins: split after | second member leaves: first owns all after |");
    Console.WriteLine("| --- | --- | --- | --- |");
    for (var i = 0; i < scenarios.Length; i++)
    {
        var (name, protocol, sessionTimeoutMs) = scenarios[i];
        var topic = $"join-{i}";
        using var first = Consumer(bootstrap, topic, protocol, sessionTimeoutMs);
        var clock = Stopwatch.StartNew();
        first.Subscribe(topic);
        PollUntil(() => first.Assignment.Count == 3, first);
        var alone = clock.Elapsed;

        using var second = Consumer(bootstrap, topic, protocol, sessionTimeoutMs);
        clock.Restart();
        second.Subscribe(topic);
        PollUntil(() => first.Assignment.Count > 0 && second.Assignment.Count > 0 && first.Assignment.Count + second.Assignment.Count == 3, first, second);
        var joined = clock.Elapsed;

        clock.Restart();
        second.Close();
        PollUntil(() => first.Assignment.Count == 3, first);
        var left = clock.Elapsed;
        first.Close();
        Console.WriteLine($"| {name} | {alone.TotalSeconds:F1} s | {joined.TotalSeconds:F1} s | {left.TotalSeconds:F1} s |");
    }
}
finally
{
    broker.StandardInput.Close();
    broker.WaitForExit(10_000);
}

static IConsumer<string, string> Consumer(string bootstrap, string topic, GroupProtocol protocol, int? sessionTimeoutMs)
{
    var config = new ConsumerConfig { BootstrapServers = bootstrap, GroupId = $"{topic}-group", GroupProtocol = protocol, EnableAutoCommit = false };
    if (sessionTimeoutMs is { } timeout)
    {
        config.SessionTimeoutMs = timeout;
        config.HeartbeatIntervalMs = 250;
    }
    return new ConsumerBuilder<string, string>(config).Build();
}

// Group membership only progresses while members poll.
static void PollUntil(Func<bool> condition, params IConsumer<string, string>[] consumers)
{
    var deadline = DateTime.UtcNow.AddMinutes(2);
    while (!condition())
    {
        if (DateTime.UtcNow > deadline)
        {
            throw new TimeoutException("The group did not settle within 2 minutes.");
        }
        foreach (var consumer in consumers)
        {
            consumer.Consume(TimeSpan.FromMilliseconds(100));
        }
    }
}
