namespace Gateway.Api.RateLimiting;

// What the shared bucket in Redis gave: how many tokens (0 when it had not one), what is left in it, and, measured
// from that moment, how long until its next token and until it is full again.
readonly record struct SharedGrant(int Granted, long Remaining, TimeSpan RetryAfter, TimeSpan Reset);
