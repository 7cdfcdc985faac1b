using System.Net;

namespace Basket.Api.Tests;

// Redis is down: nothing can be read or stored, which is the service's trouble (503), not a crash (500).
[Collection(BasketCollection.Name)]
public sealed class RedisUnavailableTests(BasketFixture fixture)
{
    // Nothing listens on port 1. The short timeouts only make the failure quick; the outcome does not depend on them.
    const string DeadRedis = "127.0.0.1:1,connectTimeout=100,asyncTimeout=500,syncTimeout=500";

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Every_basket_request_while_redis_is_unreachable_is_service_unavailable(string method)
    {
        await using var app = new BasketApiFactory(DeadRedis, fixture.CatalogUrl);
        using var client = app.CreateClientFor(BasketFixture.NewUserId());
        using var request = new HttpRequestMessage(new HttpMethod(method), "/api/basket");
        if (method == "PUT")
        {
            request.Content = new StringContent("""{"items":[{"productId":1,"quantity":1}]}""", System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var problem = await response.ReadProblemAsync();
        Assert.Equal("Basket store unavailable", problem.RootElement.GetProperty("title").GetString());
    }
}
