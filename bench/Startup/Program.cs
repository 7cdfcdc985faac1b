using CloudNative.Bench.Startup;

// Start-up is measured, not asserted: each figure is the median of several runs on this machine.
const int Runs = 3;

var appHost = await AppHostRun.MeasureAsync(Runs);
var fixture = await FixtureRun.MeasureAsync(Runs);

Console.WriteLine();
Console.WriteLine("startup benchmark (median of {0} runs; min-max in brackets)", Runs);
Report.Line("built AppHost: process start -> all resources healthy", appHost.Healthy);
Report.Line("built AppHost: Ctrl+C -> process exited", appHost.Shutdown);
Report.Line("test fixture: CreateAsync + StartAsync -> all healthy", fixture.Healthy);
Report.Line("test fixture: DisposeAsync", fixture.Shutdown);
Report.Line("test fixture: start + dispose", fixture.Total);
