using System.Text.Json;
using Basket.Api.Model;
using Basket.Api.Serialization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Basket.Api.Infrastructure;

// One Redis string per user holding the basket as JSON. Every write sets the expiry afresh, so only baskets left
// alone for Basket:Expiry disappear.
public sealed class RedisBasketRepository(IConnectionMultiplexer redis, IOptionsMonitor<BasketOptions> options)
{
    public static RedisKey KeyFor(string userId) => $"basket:{userId}";

    IDatabase Database => redis.GetDatabase();

    public async Task<CustomerBasket?> GetAsync(string userId)
    {
        using var data = await Database.StringGetLeaseAsync(KeyFor(userId));
        return data is null ? null : JsonSerializer.Deserialize(data.Span, BasketJsonContext.Default.CustomerBasket);
    }

    public async Task SaveAsync(string userId, CustomerBasket basket) =>
        await Database.StringSetAsync(
            KeyFor(userId),
            JsonSerializer.SerializeToUtf8Bytes(basket, BasketJsonContext.Default.CustomerBasket),
            options.CurrentValue.Expiry);

    public async Task DeleteAsync(string userId) => await Database.KeyDeleteAsync(KeyFor(userId));
}
