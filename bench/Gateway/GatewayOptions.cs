using System.Globalization;

namespace CloudNative.Bench.Gateway;

/// <summary>
/// <c>--rounds N</c> (each target once per round, in a rotating order), <c>--duration SECONDS</c> per wrk run,
/// <c>--warmup SECONDS</c> of load on each target before the first round (10: at 3 the gateway's JIT was still busy in
/// the first round, a fifth of its replicas' samples under perf),
/// <c>--threads</c> and <c>--connections</c> for wrk, <c>--item ID</c> (the catalog item every request reads),
/// <c>--trace-ratio R</c> (the AppHost's <c>AppHost:TraceSampleRatio</c>: the share of requests the services trace;
/// by default all, as in run mode).
/// </summary>
internal sealed record GatewayOptions(int Rounds = 3, int DurationSeconds = 10, int WarmupSeconds = 10, int Threads = 2, int Connections = 32, int Item = 1, bool Verbose = false, string? TraceRatio = null)
{
    public const string Usage = "usage: Gateway.dll [--rounds N] [--duration SECONDS] [--warmup SECONDS] [--threads N] [--connections N] [--item ID] [--trace-ratio R] [--verbose]";

    public static GatewayOptions? Parse(string[] args)
    {
        var options = new GatewayOptions();
        for (var i = 0; i < args.Length && options is not null; i++)
        {
            int? Next() => i + 1 < args.Length && int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
            options = args[i] switch
            {
                "--rounds" when Next() is { } n => options with { Rounds = n },
                "--duration" when Next() is { } n => options with { DurationSeconds = n },
                "--warmup" when Next() is { } n => options with { WarmupSeconds = n },
                "--threads" when Next() is { } n => options with { Threads = n },
                "--connections" when Next() is { } n => options with { Connections = n },
                "--item" when Next() is { } n => options with { Item = n },
                TraceSampling.Option when i + 1 < args.Length && TraceSampling.IsValid(args[i + 1]) => options with { TraceRatio = args[++i] },
                "--verbose" => options with { Verbose = true },
                _ => null,
            };
        }

        return options;
    }
}
