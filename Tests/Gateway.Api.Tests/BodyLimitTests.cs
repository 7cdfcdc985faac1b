using System.Net;
using System.Text;
using System.Text.Json;

namespace Gateway.Api.Tests;

// Every route has a request body limit (1 MB unless configured). A body over it is the client's mistake: 413 naming
// the limit, whether its Content-Length says so up front or a chunked body grows past it. A body shorter than its
// Content-Length or with broken chunks is a 400. None of them blames the catalog service.
public class BodyLimitTests(KestrelGateway gateway) : IClassFixture<KestrelGateway>
{
    const int Limit = 1024 * 1024;
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    // Writes to the catalog need the admin role; these tests are about bodies, so they come with an admin token.
    static string Admin => TestIdentity.Shared.AdminAuthorizationLine();

    [Fact]
    public async Task Forwards_a_body_at_the_limit()
    {
        var response = await gateway.AdminClient.PostAsync("/api/catalog/echo", new ByteArrayContent(new byte[Limit]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"\"length\":{Limit}", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(Limit + 1)]
    [InlineData(32 * 1024 * 1024)]
    public async Task Refuses_a_declared_length_over_the_limit_with_a_413_naming_it(int length)
    {
        var head = $"POST /api/catalog/echo HTTP/1.1\r\nHost: localhost\r\n{Admin}Connection: close\r\nContent-Type: application/json\r\nContent-Length: {length}\r\n\r\n";
        var request = Encoding.ASCII.GetBytes(head).Concat(new byte[length]).ToArray();

        var response = await RawHttp.SendAsync(gateway.Port, request, Timeout);

        AssertTooLarge(response, Limit);
    }

    [Fact]
    public async Task Refuses_a_chunked_body_that_grows_past_the_limit_with_a_413()
    {
        var request = new MemoryStream();
        request.Write(Encoding.ASCII.GetBytes($"POST /api/catalog/echo HTTP/1.1\r\nHost: localhost\r\n{Admin}Connection: close\r\nTransfer-Encoding: chunked\r\n\r\n"));
        var chunk = new byte[64 * 1024];
        for (var sent = 0; sent <= Limit; sent += chunk.Length)
        {
            request.Write(Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n"));
            request.Write(chunk);
            request.Write("\r\n"u8);
        }
        request.Write("0\r\n\r\n"u8);

        var response = await RawHttp.SendAsync(gateway.Port, request.ToArray(), Timeout);

        AssertTooLarge(response, Limit);
    }

    [Fact]
    public async Task Answers_a_body_shorter_than_its_content_length_with_a_400_or_a_client_close()
    {
        // The client sends 16 of the 100 bytes it declared, then ends its side. Kestrel ends the request body early
        // (400) and also treats the half-close as the client leaving, so the answer may never be written; on the
        // gateway's side the request then ends as 499. Either way: the client's fault, never a 502.
        var response = await RawHttp.SendAsync(gateway.Port,
            $"POST /api/catalog/echo HTTP/1.1\r\nHost: localhost\r\n{Admin}Content-Length: 100\r\n\r\n{{\"name\":\"short\"}}", halfClose: true);

        var status = await gateway.NextCompletedAsync("/api/catalog/echo");
        Assert.Contains(status, new[] { 400, 499 });
        if (response.Status != 0)
        {
            AssertBadRequest(response);
        }
    }

    [Fact]
    public async Task Answers_malformed_chunks_with_a_400()
    {
        var response = await RawHttp.SendAsync(gateway.Port,
            $"POST /api/catalog/echo HTTP/1.1\r\nHost: localhost\r\n{Admin}Connection: close\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n");

        AssertBadRequest(response);
    }

    [Fact]
    public async Task Leaves_broken_json_to_the_backend_which_answers_400()
    {
        var response = await gateway.AdminClient.PostAsync("/api/catalog/items",
            new StringContent("{\"name\": ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Takes_the_limit_from_the_route_configuration()
    {
        await using var backend = await StubCatalog.StartAsync();
        await using var small = new GatewayFactory(backend.Url);
        small.Settings["ReverseProxy:Routes:catalog-write:MaxRequestBodySize"] = "100";
        var client = small.CreateAdminClient();

        var ok = await client.PostAsync("/api/catalog/echo", new ByteArrayContent(new byte[100]));
        var tooLarge = await client.PostAsync("/api/catalog/echo", new ByteArrayContent(new byte[101]));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Contains("at most 100 bytes", await tooLarge.Content.ReadAsStringAsync());
    }

    static void AssertTooLarge(RawResponse response, int limit)
    {
        Assert.True(413 == response.Status, response.Raw);
        Assert.StartsWith("application/problem+json", response.Headers["Content-Type"]);
        using var problem = JsonDocument.Parse(response.Body);
        var detail = problem.RootElement.GetProperty("detail").GetString()!;
        Assert.Contains($"at most {limit} bytes", detail);
        Assert.DoesNotContain("catalog", detail);
        Assert.Equal(limit, problem.RootElement.GetProperty("maxRequestBodySize").GetInt64());
    }

    static void AssertBadRequest(RawResponse response)
    {
        Assert.True(400 == response.Status, response.Raw);
        Assert.StartsWith("application/problem+json", response.Headers["Content-Type"]);
        using var problem = JsonDocument.Parse(response.Body);
        var detail = problem.RootElement.GetProperty("detail").GetString()!;
        Assert.Contains("request body", detail);
        Assert.DoesNotContain("catalog", detail);
    }
}
