using CloudNative.KafkaDevBroker;
using CloudNative.KafkaDevBroker.Native;

if (args is ["--help"] or ["-h"])
{
    Console.WriteLine(BrokerOptions.Usage);
    return 0;
}

if (!BrokerOptions.TryParse(args, out var options, out var error))
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(BrokerOptions.Usage);
    return 2;
}

LibRdKafkaResolver.Register();
using var shutdown = new ShutdownSignal(options.ExitOnStdinEof);
try
{
    using var broker = DevBroker.Start(options);
    Console.WriteLine($"KAFKA_BOOTSTRAP_SERVERS={broker.BootstrapServers}");
    Console.WriteLine($"Kafka dev broker ready: {options.Topics.Count} topic(s)");
    Console.Out.Flush();

    var reason = await shutdown.Requested;
    Console.WriteLine($"Kafka dev broker stopping ({reason})");
    return 0;
}
catch (Exception e) when (e is BrokerStartupException or DllNotFoundException or EntryPointNotFoundException)
{
    Console.Error.WriteLine($"Kafka dev broker failed to start: {e.Message}");
    return 1;
}
