using Gateway.Api.Redis;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using StackExchange.Redis;

namespace Gateway.Api.RateLimiting;

// Token buckets in Redis, shared by every gateway replica: one Lua script reads, refills, takes up to the tokens asked
// for and writes back atomically, on Redis's clock (so replicas' clocks do not matter), and lets an idle bucket expire
// once it would be full again. A null answer means "no shared answer now": Redis is not configured, still connecting,
// slow or down, and the caller falls back to its local buckets.
sealed class RedisTokenBuckets
{
    // KEYS[1] the bucket; ARGV[1] tokens per second, ARGV[2] bucket size, ARGV[3] tokens wanted.
    // Returns { tokens granted (0 when the bucket has not one whole token), whole tokens left, ms until the next token
    // when none was granted, ms until full }.
    const string Script = """
        local rate = tonumber(ARGV[1])
        local burst = tonumber(ARGV[2])
        local wanted = tonumber(ARGV[3])
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
        local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
        local tokens = tonumber(bucket[1]) or burst
        local at = tonumber(bucket[2]) or now
        tokens = math.min(burst, tokens + math.max(0, now - at) * rate / 1000)
        local granted = math.min(wanted, math.floor(tokens))
        local retry_in = 0
        if granted >= 1 then
          tokens = tokens - granted
        else
          granted = 0
          retry_in = math.ceil((1 - tokens) * 1000 / rate)
        end
        local full_in = math.ceil((burst - tokens) * 1000 / rate)
        redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
        redis.call('PEXPIRE', KEYS[1], full_in + 1000)
        return { granted, math.floor(tokens), retry_in, full_in }
        """;

    // A client waits on this round trip whenever its lease runs out (LeasedTokenBuckets), so a Redis that does not
    // answer quickly is treated as down. After repeated failures the breaker stops asking it (no request waits on a dead Redis) and lets one
    // request try again every few seconds, which is how the gateway notices that Redis is back.
    static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);
    static readonly TimeSpan RetryRedisAfter = TimeSpan.FromSeconds(5);

    readonly GatewayRedis redis;
    readonly ResiliencePipeline pipeline;

    public RedisTokenBuckets(GatewayRedis redis, TimeProvider time, ILogger<RedisTokenBuckets> logger)
    {
        this.redis = redis;
        pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(IsRedisFailure(args.Outcome.Exception, args.Context.CancellationToken)),
                FailureRatio = 0.5,
                MinimumThroughput = 2,
                SamplingDuration = TimeSpan.FromSeconds(10),
                BreakDuration = RetryRedisAfter,
                OnOpened = args =>
                {
                    logger.LogWarning(args.Outcome.Exception, "Redis is not answering: rate limits are counted by each gateway replica on its own until it is back.");
                    return default;
                },
                OnClosed = _ =>
                {
                    logger.LogInformation("Redis answers again: rate limits are shared by the gateway replicas again.");
                    return default;
                },
            })
            .AddTimeout(Timeout)
            .Build();
    }

    public async ValueTask<SharedGrant?> TryTakeAsync(BucketKey key, int wanted, CancellationToken cancellationToken)
    {
        if (redis.Multiplexer is not { } multiplexer)
        {
            return null;
        }

        var database = multiplexer.GetDatabase();
        try
        {
            var result = await pipeline.ExecuteAsync(static async (state, token) =>
                (RedisResult[])(await state.database.ScriptEvaluateAsync(Script,
                    [new RedisKey($"gateway:ratelimit:{state.key.RouteId}:{state.key.Client}")],
                    [state.key.PermitsPerSecond, state.key.Burst, state.wanted]).WaitAsync(token))!,
                (database, key, wanted), cancellationToken);

            return new SharedGrant(
                Granted: (int)result[0],
                Remaining: (long)result[1],
                RetryAfter: TimeSpan.FromMilliseconds((long)result[2]),
                Reset: TimeSpan.FromMilliseconds((long)result[3]));
        }
        catch (Exception e) when (e is BrokenCircuitException || IsRedisFailure(e, cancellationToken))
        {
            return null;
        }
    }

    // Redis failed or was too slow. SE.Redis also cancels the commands in flight when it loses its connection, which
    // is a failure too unless the request itself was cancelled (its client left).
    static bool IsRedisFailure(Exception? exception, CancellationToken request) =>
        exception is RedisException or TimeoutRejectedException ||
        (exception is OperationCanceledException && !request.IsCancellationRequested);
}
