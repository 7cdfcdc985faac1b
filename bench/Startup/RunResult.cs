using System.Collections.Concurrent;

namespace CloudNative.Bench.Startup;

/// <summary>
/// What one run observed: moments (seconds since the run began; the first report of each wins) and durations
/// measured directly, by name, plus the processes and data it left behind.
/// </summary>
internal sealed class RunResult(string kind)
{
    private readonly ConcurrentDictionary<string, double> _figures = new(StringComparer.Ordinal);

    public string Kind => kind;

    public string? Failure { get; set; }

    public List<string> Leftovers { get; } = [];

    public IEnumerable<KeyValuePair<string, double>> Figures => _figures.OrderBy(f => f.Value);

    /// <summary>The first time something happened; later reports of the same thing are ignored.</summary>
    public void Mark(string key, double seconds) => _figures.TryAdd(key, seconds);

    public void Mark(string key, Stopwatch clock) => Mark(key, clock.Elapsed.TotalSeconds);

    public void Set(string key, double seconds) => _figures[key] = seconds;

    public void Add(string key, double seconds) => _figures.AddOrUpdate(key, seconds, (_, value) => value + seconds);

    public double? this[string key] => _figures.TryGetValue(key, out var value) ? value : null;

    public double? Between(string from, string to) => this[from] is { } a && this[to] is { } b ? b - a : null;

    public double? Latest(params string[] keys) => keys.All(k => this[k] is not null) ? keys.Max(k => this[k]!.Value) : null;
}
