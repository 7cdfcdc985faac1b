using System.Net;

namespace CloudNative.Bench.Startup;

internal static class Probe
{
    private static readonly TimeSpan s_interval = TimeSpan.FromMilliseconds(50);

    private static readonly HttpClient s_http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false, PooledConnectionLifetime = TimeSpan.Zero })
    {
        Timeout = TimeSpan.FromSeconds(5),
    };

    /// <summary>
    /// Asks every 50 ms, one request at a time (a burst of requests would load the very process being timed), and
    /// marks when the first acceptable answer arrived.
    /// </summary>
    public static async Task PollAsync(Uri uri, Func<HttpStatusCode, bool> accept, RunResult result, string key, Stopwatch clock, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var response = await s_http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if (accept(response.StatusCode))
                {
                    result.Mark(key, clock);
                    return;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too slow to answer: ask again.
            }

            try
            {
                await Task.Delay(s_interval, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
