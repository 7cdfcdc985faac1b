using System.Globalization;

namespace CloudNative.Bench.Gateway;

/// <summary>
/// bench/YarpPeer: YARP's direct forwarding with nothing around it, built by <c>./build.sh bench gateway</c> in the
/// bench's configuration. It runs with the thread-pool setting every service has (Services/Directory.Build.props), so
/// the difference to the gateway is the gateway's own pipeline.
/// </summary>
internal static class YarpPeer
{
    public static Task<PeerProcess> StartAsync(Uri upstream, CancellationToken cancellationToken) =>
        PeerProcess.StartAsync("yarp", (_, port) => Task.FromResult(new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                Path.Combine(BuiltAppHost.DefaultRepositoryRoot, "bench", "YarpPeer", "bin", BuiltAppHost.Configuration, "net10.0", "YarpPeer.dll"),
                "--urls", $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
                "--Upstream", upstream.GetLeftPart(UriPartial.Authority),
            },
            Environment = { ["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0", ["ASPNETCORE_ENVIRONMENT"] = "Production" },
        }), cancellationToken);
}
