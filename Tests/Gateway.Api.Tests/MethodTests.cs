using System.Text.Json;

namespace Gateway.Api.Tests;

// CONNECT, TRACE and unknown methods are refused at the gateway with a 405 problem and an Allow header: never
// forwarded (the echo backend would answer any method with 200), never a 5xx.
public class MethodTests(KestrelGateway gateway) : IClassFixture<KestrelGateway>
{
    [Theory]
    [InlineData("CONNECT")]
    [InlineData("TRACE")]
    [InlineData("PROPFIND")]
    [InlineData("BREW")]
    [InlineData("get")]
    [InlineData("X-Custom_Method.1")]
    public async Task Refuses_non_standard_methods_with_a_405_problem(string method)
    {
        foreach (var path in new[] { "/api/catalog/items", "/api/catalog/echo", "/health" })
        {
            var response = await RawHttp.SendAsync(gateway.Port, $"{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

            Assert.True(405 == response.Status, $"{method} {path}: {response.Raw}");
            Assert.Equal("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS", response.Headers["Allow"]);
            Assert.StartsWith("application/problem+json", response.Headers["Content-Type"]);
            using var problem = JsonDocument.Parse(response.Body);
            Assert.Equal(405, problem.RootElement.GetProperty("status").GetInt32());
            Assert.Contains(method, problem.RootElement.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task Answers_connect_in_authority_form_with_a_4xx()
    {
        var response = await RawHttp.SendAsync(gateway.Port, "CONNECT catalog:443 HTTP/1.1\r\nHost: catalog:443\r\nConnection: close\r\n\r\n");

        Assert.InRange(response.Status, 400, 499);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    [InlineData("OPTIONS")]
    public async Task Forwards_standard_methods(string method)
    {
        var response = await RawHttp.SendAsync(gateway.Port,
            $"{method} /api/catalog/echo HTTP/1.1\r\nHost: localhost\r\n{TestIdentity.Shared.AdminAuthorizationLine()}Connection: close\r\nContent-Length: 0\r\n\r\n");

        Assert.True(200 == response.Status, response.Raw);
        if (method != "HEAD")
        {
            Assert.Contains($"\"method\":\"{method}\"", response.Body);
        }
    }
}
