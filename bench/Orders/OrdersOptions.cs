using System.Globalization;

namespace CloudNative.Bench.Orders;

/// <summary>
/// <c>--concurrency N</c> checkouts in flight, for <c>--duration SECONDS</c>; <c>--rate N</c> paces them to N orders/s
/// in all (0: as fast as the pipeline answers); <c>--drain SECONDS</c>, how long to wait for the sagas to finish;
/// <c>--pgbench SECONDS</c>, how long pgbench runs; <c>--warmup SECONDS</c> of the same load first, unmeasured and
/// drained, so that the measured window is the services' steady state rather than their JIT warm-up (0: none);
/// <c>--trace-ratio R</c>, the share of requests traced (default all, as in run mode).
/// </summary>
internal sealed record OrdersOptions(int Concurrency = 16, int DurationSeconds = 60, int Rate = 0, int DrainSeconds = 120, int PgbenchSeconds = 10,
    int WarmupSeconds = 60, string? TraceRatio = null)
{
    public const string Usage = "usage: Orders.dll [--concurrency N] [--duration SECONDS] [--rate ORDERS_PER_SECOND] [--drain SECONDS] [--pgbench SECONDS] [--warmup SECONDS] [--trace-ratio R]";

    public static OrdersOptions? Parse(string[] args)
    {
        var options = new OrdersOptions();
        for (var i = 0; i < args.Length && options is not null; i++)
        {
            int? Next() => i + 1 < args.Length && int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
            options = args[i] switch
            {
                "--concurrency" when Next() is > 0 and var n => options with { Concurrency = n },
                "--duration" when Next() is > 0 and var n => options with { DurationSeconds = n },
                "--rate" when Next() is { } n => options with { Rate = n },
                "--drain" when Next() is > 0 and var n => options with { DrainSeconds = n },
                "--pgbench" when Next() is > 0 and var n => options with { PgbenchSeconds = n },
                "--warmup" when Next() is { } n => options with { WarmupSeconds = n },
                TraceSampling.Option when i + 1 < args.Length && TraceSampling.IsValid(args[i + 1]) => options with { TraceRatio = args[++i] },
                _ => null,
            };
        }

        return options;
    }
}
