using System.Diagnostics;
using CloudNative.Hosting.Testing;

namespace CloudNative.Bench.Startup;

/// <summary>What an integration-test class pays: the testing builder's ephemeral app, up to all healthy, then disposed.</summary>
internal static class FixtureRun
{
    public static async Task<Measurements> MeasureAsync(int runs)
    {
        var results = new Measurements([], []);
        for (var run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.CloudNative_AppHost>([], options => options.EnableResourceLogging = false);
            var names = builder.Resources.Select(r => r.Name).ToList();
            var app = await builder.BuildAsync();
            await app.StartAsync();
            await Task.WhenAll(names.Select(n => app.ResourceNotifications.WaitForResourceHealthyAsync(n))).WaitAsync(TimeSpan.FromMinutes(3));
            results.Healthy.Add(clock.Elapsed);
            clock.Restart();
            await app.DisposeAsync();
            results.Shutdown.Add(clock.Elapsed);
            Console.WriteLine($"Fixture run {run + 1}: healthy after {results.Healthy[^1].TotalSeconds:0.00} s, disposed in {results.Shutdown[^1].TotalSeconds:0.00} s");
        }

        return results;
    }
}
