using Gateway.Api.Rollouts;
using Microsoft.Extensions.Http.Resilience;
using Yarp.ReverseProxy.Forwarder;

namespace Gateway.Api.Resilience;

// Retries and circuit breakers sit in the HttpClient YARP forwards with (a DelegatingHandler from
// Microsoft.Extensions.Http.Resilience), not around the proxy middleware: there each attempt is one HTTP exchange with
// one destination, before anything was written to the client, so a failed attempt can be repeated and counted
// against the replica that failed. YARP's own pipeline (load balancing, the client's response) runs once. Below the
// retries, a rollout's clusters count each attempt for the canary analysis.
sealed class ResilientForwarderHttpClientFactory(BackendResilience resilience, RolloutSamples rollouts, ILogger<ForwarderHttpClientFactory> logger)
    : ForwarderHttpClientFactory(logger)
{
    protected override HttpMessageHandler WrapHandler(ForwarderHttpClientContext context, HttpMessageHandler handler) =>
        new ResilienceHandler(resilience.PipelineFor) { InnerHandler = rollouts.Wrap(context.ClusterId, base.WrapHandler(context, handler)) };
}
