namespace Gateway.Api.RateLimiting;

// One token bucket's answer: whether the request may pass, the bucket's size and what is left in it, how long until
// the bucket is full again, and (when refused) until the next token.
readonly record struct RateLimitDecision(bool Allowed, int Limit, long Remaining, TimeSpan Reset, TimeSpan RetryAfter);
