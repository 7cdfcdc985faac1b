using System.Globalization;
using CloudNative.Bench;
using CloudNative.Bench.Orders;

// The order pipeline under load: checkouts through the gateway (auth, rate limit), ordering's event store and outbox,
// the saga over Kafka through catalog and payments, until each order is Confirmed or Cancelled. Against Postgres's
// own commit rate on this machine in the same run (pgbench), since every step of the pipeline commits.
var options = OrdersOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(OrdersOptions.Usage);
    return 2;
}

using var cancel = LoadBench.CancelOnCtrlC();

var password = DemoCustomer.NewPassword();
await using var app = await LoadBench.StartAppHostAsync("orders", password, ["cache", "kafka", "identity", "catalog", "payments", "basket", "ordering", "gateway"], cancel.Token,
    TraceSampling.Settings(options.TraceRatio));
var databases = new Databases(ProcTable.Environment(app.Service("ordering")[0].Pid)["ConnectionStrings__orderingdb"]);
const int Stock = 10_000_000;
var products = await databases.StockUpAsync(Stock, cancel.Token);
var token = await DemoCustomer.AccessTokenAsync(app.Gateway, password, cancel.Token);
var keyPrefix = $"bench-{Guid.NewGuid():N}";
var load = new CheckoutLoad(app.Gateway, token, products, keyPrefix);
Console.WriteLine($"  {products.Count} products, stock set to {Stock} each (UPDATE \"Catalog\" in catalogdb), so no order is cancelled for want of stock");
Console.WriteLine($"  postgres: synchronous_commit={await databases.SettingAsync("synchronous_commit", cancel.Token)}, fsync={await databases.SettingAsync("fsync", cancel.Token)}");

// One order end to end first, uncounted: the pipeline works, and consumers have joined their groups.
using (var http = new HttpClient { BaseAddress = app.Gateway })
{
    http.DefaultRequestHeaders.Authorization = DemoCustomer.Bearer(token);
    var first = await CheckoutLoad.PostAsync(http, $"warm-up-{keyPrefix}", load.Items(new Random(0)), cancel.Token);
    var firstOutcome = first.OrderId is { } id ? (await Drain.UntilTerminalAsync(databases, [id], TimeSpan.FromSeconds(90), cancel.Token)).GetValueOrDefault(id) : null;
    if (firstOutcome is not { IsTerminal: true })
    {
        Console.Error.WriteLine($"The warm-up order did not finish (checkout to {app.Gateway} answered {first.Status} {first.Problem}, status {firstOutcome?.Status ?? "none"}).{Environment.NewLine}{app.RecentLog()}");
        return 1;
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  warm-up order: {firstOutcome.Status} after {(firstOutcome.UpdatedAt - first.StartedAt).TotalMilliseconds:0} ms; traces kept: {TraceSampling.Describe(options.TraceRatio)}"));
}

if (options.WarmupSeconds > 0)
{
    var warmUp = await new CheckoutLoad(app.Gateway, token, products, $"warm-up-{keyPrefix}").RunAsync(options.Concurrency, TimeSpan.FromSeconds(options.WarmupSeconds), options.Rate, cancel.Token);
    var warmUpOrders = Checkout.AcceptedOrders(warmUp);
    var warmUpOutcomes = await Drain.UntilTerminalAsync(databases, warmUpOrders, TimeSpan.FromSeconds(options.DrainSeconds), cancel.Token);
    Console.WriteLine($"  warm-up load: {warmUpOrders.Count} orders in {options.WarmupSeconds} s, {warmUpOutcomes.Values.Count(o => o.IsTerminal)} ended (not measured)");
}

var pgbenchDuration = TimeSpan.FromSeconds(options.PgbenchSeconds);
var pgbenchTps = await Pgbench.CommitsPerSecondAsync(databases, options.Concurrency, pgbenchDuration, cancel.Token);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  pgbench -N -c {options.Concurrency} -T {options.PgbenchSeconds} (scratch database, same server): {pgbenchTps:0} commits/s"));

// What the services commit with nothing to do (relays, sweepers, health checks), to tell the orders' own commits apart.
var idleWindow = TimeSpan.FromSeconds(5);
var idleBefore = await databases.CommitsAsync(cancel.Token);
await Task.Delay(idleWindow, cancel.Token);
var idleRate = (await databases.CommitsAsync(cancel.Token) - idleBefore) / idleWindow.TotalSeconds;

Console.WriteLine($"  {options.Concurrency} checkouts in flight for {options.DurationSeconds} s{(options.Rate > 0 ? $", paced to {options.Rate} orders/s" : ", as fast as answered")}, then up to {options.DrainSeconds} s for the sagas to finish");
CpuSample Sample() => CpuSample.Take(app.Processes().Append(ProcTable.Read(Environment.ProcessId)!),
    p => p.Pid == Environment.ProcessId ? "this bench (load generator)" : Components.Of(p));
var since = DateTimeOffset.UtcNow;
var commitsBefore = await databases.CommitsAsync(cancel.Token);
var cpuBefore = Sample();
var clock = Stopwatch.StartNew();
var checkouts = await load.RunAsync(options.Concurrency, TimeSpan.FromSeconds(options.DurationSeconds), options.Rate, cancel.Token);
var loadSeconds = clock.Elapsed.TotalSeconds;
var accepted = Checkout.AcceptedOrders(checkouts);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  load done: {accepted.Count} orders accepted from {checkouts.Count} checkouts in {loadSeconds:0.0} s; draining"));
var outcomes = await Drain.UntilTerminalAsync(databases, accepted, TimeSpan.FromSeconds(options.DrainSeconds), cancel.Token);
var cpu = Sample().Since(cpuBefore);
var commits = await databases.CommitsAsync(cancel.Token) - commitsBefore;
var window = clock.Elapsed.TotalSeconds;
var idempotency = await databases.IdempotencyAsync(keyPrefix, since, cancel.Token);

var result = new OrdersResult(options, checkouts, outcomes, loadSeconds, window, idempotency, commits, idleRate, pgbenchTps, cpu);
result.Write();
return result.Lost == 0 && result.Duplicated == 0 ? 0 : 1;
