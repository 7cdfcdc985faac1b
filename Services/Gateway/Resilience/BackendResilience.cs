using System.Collections.Concurrent;
using Gateway.Api.Policies;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Primitives;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace Gateway.Api.Resilience;

// One Polly pipeline per route and destination (a replica's address): its circuit breaker trips for the replica that
// fails, not for its healthy siblings, and each route uses its own retry and breaker settings. Pipelines are rebuilt
// (with closed breakers) when the configuration reloads.
sealed class BackendResilience
{
    readonly RoutePolicies policies;
    readonly TimeProvider time;
    readonly ILogger<BackendResilience> logger;
    readonly ConcurrentDictionary<(string Route, string Destination), ResiliencePipeline<HttpResponseMessage>> pipelines = new();

    public BackendResilience(RoutePolicies policies, TimeProvider time, IConfiguration configuration, ILogger<BackendResilience> logger)
    {
        this.policies = policies;
        this.time = time;
        this.logger = logger;
        ChangeToken.OnChange(configuration.GetReloadToken, pipelines.Clear);
    }

    public ResiliencePipeline<HttpResponseMessage> PipelineFor(HttpRequestMessage request) =>
        pipelines.GetOrAdd((RouteIdTransform.RouteOf(request), request.RequestUri!.GetLeftPart(UriPartial.Authority)), Build);

    ResiliencePipeline<HttpResponseMessage> Build((string Route, string Destination) key)
    {
        var policy = policies.For(key.Route);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };

        // Outermost, so every attempt counts towards the breaker and an open breaker is not retried.
        if (policy.Retry.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(
                    IsReplayable(args.Context.GetRequestMessage()) && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                MaxRetryAttempts = policy.Retry.MaxRetries,
                Delay = policy.Retry.Delay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            });
        }

        // Failures are what IsTransient says: no connection, 5xx, 408 and 429, but not an answer with Retry-After. A
        // request cancelled because its client left or its route timed out is not held against the backend.
        return builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(HttpClientResiliencePredicates.IsTransient(args.Outcome) && !IsShedding(args.Outcome.Result)),
                FailureRatio = policy.CircuitBreaker.FailureRatio,
                MinimumThroughput = policy.CircuitBreaker.MinimumThroughput,
                SamplingDuration = policy.CircuitBreaker.SamplingDuration,
                BreakDuration = policy.CircuitBreaker.BreakDuration,
                OnOpened = args =>
                {
                    logger.LogWarning("Circuit for {Destination} on route {Route} opened for {BreakDuration}: answering 503 without calling it.",
                        key.Destination, key.Route, args.BreakDuration);
                    return default;
                },
                OnClosed = _ =>
                {
                    logger.LogInformation("Circuit for {Destination} on route {Route} closed.", key.Destination, key.Route);
                    return default;
                },
            })
            .Build();
    }

    // A 503 or 429 with Retry-After is a backend refusing work on purpose and saying when to come back (Ordering's
    // admission control while its sagas are behind): it is up and answering. Counted as failures, such refusals opened
    // the circuit under the orders bench, and the gateway then refused every checkout itself for the break duration.
    static bool IsShedding(HttpResponseMessage? response) => response?.Headers.RetryAfter is not null;

    // RFC 9110 §9.2.2: repeating these has the effect of sending them once, so a failed attempt may be sent again;
    // POST and PATCH may not. Only without a body: YARP streams the client's body to the backend as it arrives, so
    // there is no copy to send a second time.
    static bool IsReplayable(HttpRequestMessage? request) =>
        request is { Content: null } &&
        (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Options ||
         request.Method == HttpMethod.Put || request.Method == HttpMethod.Delete);
}
