namespace Gateway.Api.Rollouts;

// Sits in the HttpClient YARP forwards a rollout's cluster with, below the retries: every attempt counts, so retries
// that hide a failing canary from its clients do not hide it from the analysis. An answer ≥ 500 or none is an error;
// latency is the time to the response headers.
sealed class RolloutSampleHandler(RolloutSamples samples, string rollout, RolloutDestination destination, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            samples.Record(rollout, destination, failed: (int)response.StatusCode >= 500, time.GetElapsedTime(started));
            return response;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            samples.Record(rollout, destination, failed: true, time.GetElapsedTime(started));
            throw;
        }
    }
}
