using System.Globalization;
using System.Net;
using CloudNative.Bench;
using CloudNative.Bench.Gateway;

// The gateway's cost, measured against what it replaces: the same cached catalog read (GET /api/catalog/items/{id}),
// with wrk, in one run, alternating targets round by round so a load that comes and goes weighs on all alike:
//   direct           catalog's own port (the address the gateway and nginx forward to: catalog has no proxy in front)
//   gateway          the public port: Aspire's proxy, then one of the two gateway replicas (auth + rate limits on)
//   gateway-replica  one replica's own port: the gateway without the public proxy hop
//   nginx            proxy_pass to the address the gateway forwards to
//   yarp             bare YARP forwarding to that address (bench/YarpPeer): the floor under any YARP gateway
var options = GatewayOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(GatewayOptions.Usage);
    return 2;
}

using var cancel = LoadBench.CancelOnCtrlC();

var password = DemoCustomer.NewPassword();
var sampling = TraceSampling.Settings(options.TraceRatio);
await using var app = await LoadBench.StartAppHostAsync("gateway", password, ["cache", "catalog", "identity", "gateway"], cancel.Token, sampling);
var token = await DemoCustomer.AccessTokenAsync(app.Gateway, password, cancel.Token);

var catalog = app.Service("catalog").Single();
var replicas = app.Service("gateway");
var upstream = new Uri(ProcTable.Environment(replicas[0].Pid)["services__catalog__http__0"].Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
await using var nginx = await Nginx.StartAsync(upstream, cancel.Token);
await using var yarp = await YarpPeer.StartAsync(upstream, cancel.Token);
var path = $"/api/catalog/items/{options.Item.ToString(CultureInfo.InvariantCulture)}";
Target[] targets =
[
    new("direct", LaunchedAppHost.OwnAddress(catalog), path),
    new("gateway", app.Gateway, path),
    new("gateway-replica", LaunchedAppHost.OwnAddress(replicas[0]), path),
    new("nginx", nginx.Address, path),
    new("yarp", yarp.Address, path),
];

// Every target must serve the item before anything is timed (this also fills catalog's cache).
using (var http = new HttpClient())
{
    http.DefaultRequestHeaders.Authorization = DemoCustomer.Bearer(token);
    foreach (var target in targets)
    {
        using var response = await http.GetAsync(target.Url, cancel.Token);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            Console.Error.WriteLine($"{target.Name} ({target.Url}) answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancel.Token)}");
            return 1;
        }
    }
}

Console.WriteLine($"  wrk -t{options.Threads} -c{options.Connections} -d{options.DurationSeconds}s --latency, bearer token of {DemoCustomer.Email}, {options.Rounds} rounds (+ {options.WarmupSeconds} s warm-up per target), traces kept: {TraceSampling.Describe(options.TraceRatio)}");
foreach (var target in targets)
{
    Console.WriteLine($"  {target.Name,-16} {target.Url}");
}

Console.WriteLine($"  gateway replicas: {string.Join(", ", replicas.Select(r => $"pid {r.Pid} at {LaunchedAppHost.OwnAddress(r)}"))}; Aspire's proxy on {app.Gateway}");

var label = CpuLabels.For(replicas, nginx, yarp);
CpuSample Sample()
{
    var all = ProcTable.ReadAll();
    return CpuSample.Take(app.Processes().Concat(nginx.Processes(all)).Concat(yarp.Processes(all)), label).WithExitedChildren(CpuLabels.Wrk);
}

foreach (var target in targets)
{
    await Wrk.RunAsync(target.Url, token, options.Threads, options.Connections, TimeSpan.FromSeconds(options.WarmupSeconds), cancel.Token);
}

var measurements = new List<Measurement>();
for (var round = 1; round <= options.Rounds && !cancel.IsCancellationRequested; round++)
{
    // A rotating order: no target always runs first (after a pause) or last.
    var first = (round - 1) % targets.Length;
    foreach (var target in targets.Skip(first).Concat(targets.Take(first)))
    {
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        var before = Sample();
        var wrk = await Wrk.RunAsync(target.Url, token, options.Threads, options.Connections, TimeSpan.FromSeconds(options.DurationSeconds), cancel.Token);
        var cpu = Sample().Since(before);
        measurements.Add(new Measurement(target, round, wrk, cpu));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  round {round} {target.Name,-16} {wrk.RequestsPerSecond,9:0} req/s  p50 {wrk.P50,6:0.00} ms  p99 {wrk.P99,6:0.00} ms  non-2xx {wrk.NotOk}  socket errors {wrk.SocketErrors}  (load {load}, machine {cpu.MachineBusy / cpu.Capacity:P0} busy)"));
    }
}

GatewayReport.Write(targets, measurements);
return measurements.Any(m => m.Wrk.NotOk > 0 || m.Wrk.SocketErrors > 0) ? 1 : 0;
