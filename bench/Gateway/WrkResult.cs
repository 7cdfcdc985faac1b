using System.Globalization;
using System.Text.RegularExpressions;

namespace CloudNative.Bench.Gateway;

/// <summary>What one wrk run printed (with --latency): throughput, latency percentiles in ms, and what went wrong.</summary>
internal sealed partial record WrkResult(double RequestsPerSecond, double P50, double P99, long Requests, long NotOk, long SocketErrors)
{
    public static WrkResult Parse(string output)
    {
        double Latency(string percentile) =>
            Percentile().Matches(output).FirstOrDefault(m => m.Groups["p"].Value == percentile) is { } m
                ? Milliseconds(m.Groups["value"].Value, m.Groups["unit"].Value)
                : throw new FormatException($"wrk printed no {percentile}% latency:\n{output}");

        var rps = RequestsPerSecondLine().Match(output);
        var requests = RequestsLine().Match(output);
        if (!rps.Success || !requests.Success)
        {
            throw new FormatException($"wrk printed no Requests/sec:\n{output}");
        }

        var notOk = NotOkLine().Match(output);
        var errors = SocketErrorsLine().Match(output);
        return new WrkResult(
            double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture),
            Latency("50"),
            Latency("99"),
            long.Parse(requests.Groups[1].Value, CultureInfo.InvariantCulture),
            notOk.Success ? long.Parse(notOk.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            errors.Success ? errors.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture)) : 0);
    }

    private static double Milliseconds(string value, string unit) => double.Parse(value, CultureInfo.InvariantCulture) * unit switch
    {
        "us" => 0.001,
        "ms" => 1,
        "s" => 1000,
        "m" => 60_000,
        _ => throw new FormatException($"Unknown wrk unit '{unit}'."),
    };

    [GeneratedRegex(@"^\s+(?<p>\d+)%\s+(?<value>[\d.]+)(?<unit>us|ms|s|m)\s*$", RegexOptions.Multiline)]
    private static partial Regex Percentile();

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecondLine();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NotOkLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsLine();
}
