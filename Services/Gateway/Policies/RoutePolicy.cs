namespace Gateway.Api.Policies;

// What the gateway enforces for one route: "Gateway:RouteDefaults", with "Gateway:Routes:<routeId>" bound over it, so a
// route names only what it changes. (The route's timeout and body limit are YARP's own route settings, see RouteDefaults.)
sealed class RoutePolicy
{
    public RateLimitPolicy RateLimit { get; set; } = new();

    public RetryPolicy Retry { get; set; } = new();

    public CircuitBreakerPolicy CircuitBreaker { get; set; } = new();
}

// A token bucket per client and route: a client may send Burst requests at once, then PermitsPerSecond on average.
sealed class TokenBucketPolicy
{
    public int PermitsPerSecond { get; set; }

    public int Burst { get; set; }
}

sealed class RateLimitPolicy
{
    // Anonymous clients are counted per IP address, which several people can share (an office, a carrier NAT),
    // so a signed-in user, counted by its own id, gets more.
    public TokenBucketPolicy Anonymous { get; set; } = new() { PermitsPerSecond = 50, Burst = 100 };

    public TokenBucketPolicy Authenticated { get; set; } = new() { PermitsPerSecond = 200, Burst = 400 };
}

sealed class RetryPolicy
{
    // Retries of a failed idempotent request without a body; 0 for none. The delay doubles (with jitter) each time.
    public int MaxRetries { get; set; } = 2;

    public TimeSpan Delay { get; set; } = TimeSpan.FromMilliseconds(100);
}

sealed class CircuitBreakerPolicy
{
    // Opens when at least FailureRatio of the requests to one destination within SamplingDuration failed (and there
    // were MinimumThroughput of them), then answers 503 for BreakDuration before letting one trial request through.
    public double FailureRatio { get; set; } = 0.5;

    public int MinimumThroughput { get; set; } = 10;

    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
