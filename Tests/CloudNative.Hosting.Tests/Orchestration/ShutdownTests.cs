using CloudNative.Hosting.ApplicationModel;
using CloudNative.Hosting.Testing;
using CloudNative.Hosting.Tests.TestSupport;

namespace CloudNative.Hosting.Tests.Orchestration;

/// <summary>Stopping the application leaves no process behind, even when it stops while resources are still starting.</summary>
public sealed class ShutdownTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("shutdown-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task StoppingRightAfterStartLeavesNoProcessRunning()
    {
        var pidFile = Path.Combine(_directory, "pids");
        for (var attempt = 0; attempt < 20; attempt++)
        {
            File.Delete(pidFile);
            using var builder = DistributedApplicationTestingBuilder.Create();
            for (var i = 0; i < 3; i++)
            {
                builder.AddExecutable($"svc{i}", "sh", _directory, "-c", $"echo $$ >> {pidFile}; exec sleep 600");
            }

            await using (var app = builder.Build())
            {
                await app.StartAsync();
                if (attempt % 2 == 1)
                {
                    // Stop once one service runs, while the others are somewhere between waiting and running.
                    await app.ResourceNotifications.WaitForResourceAsync($"svc{attempt % 3}", KnownResourceStates.Running).WaitAsync(Timeouts.Default);
                }
            }

            var alive = ReadPids(pidFile).Where(pid => Directory.Exists($"/proc/{pid}")).ToList();
            Assert.True(alive.Count == 0, $"Attempt {attempt}: processes {string.Join(", ", alive)} outlived the application.");
        }
    }

    private static IEnumerable<int> ReadPids(string path) =>
        File.Exists(path) ? File.ReadAllLines(path).Where(l => l.Length > 0).Select(int.Parse) : [];
}
