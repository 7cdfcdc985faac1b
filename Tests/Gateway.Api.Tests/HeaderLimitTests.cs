namespace Gateway.Api.Tests;

// Kestrel's own limits answer huge or invalid request lines and headers with a 4xx before the gateway sees them
// (8 KB request line, 32 KB and 100 headers, RFC 9110 tokens), and the process keeps serving.
public class HeaderLimitTests(KestrelGateway gateway) : IClassFixture<KestrelGateway>
{
    [Theory]
    [InlineData("X-Big: {big}", 431)]
    [InlineData("{many}", 431)]
    [InlineData("Bad Header: space in the name", 400)]
    [InlineData("X-Control: a\u0001b", 200)] // Kestrel admits control characters other than NUL, CR, LF in values; forwarded
    [InlineData("X-Nul: a\u0000b", 400)]
    [InlineData(": no name", 400)]
    [InlineData("NoColon", 400)]
    [InlineData("Content-Length: abc", 400)]
    [InlineData("Content-Length: 5\r\nContent-Length: 6", 400)]
    [InlineData("Transfer-Encoding: gzip", 400)]
    public async Task Answers_bad_headers_without_a_5xx_and_stays_healthy(string header, int status)
    {
        header = header
            .Replace("{big}", new string('x', 64 * 1024))
            .Replace("{many}", string.Join("\r\n", Enumerable.Range(0, 200).Select(i => $"X-Many-{i}: {i}")));

        var response = await RawHttp.SendAsync(gateway.Port,
            $"POST /api/catalog/echo HTTP/1.1\r\nHost: localhost\r\n{TestIdentity.Shared.AdminAuthorizationLine()}Connection: close\r\n{header}\r\n\r\n");

        Assert.True(status == response.Status, response.Raw);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await gateway.Client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Refuses_a_huge_request_line_with_a_414()
    {
        var response = await RawHttp.SendAsync(gateway.Port,
            $"GET /api/catalog/items?q={new string('a', 16 * 1024)} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        Assert.True(414 == response.Status, response.Raw);
    }
}
