namespace Gateway.Api.Tests;

// Every answer the gateway writes, proxied or its own (problems, health), carries the security headers and no
// Server header, neither Kestrel's nor the one the backend sent.
public class SecurityHeaderTests(KestrelGateway gateway) : IClassFixture<KestrelGateway>
{
    [Theory]
    [InlineData("GET /api/catalog/items HTTP/1.1", 200, null)]
    [InlineData("GET /api/catalog/items/999 HTTP/1.1", 404, null)]
    [InlineData("GET /api/unknown HTTP/1.1", 404, null)]
    [InlineData("GET /health HTTP/1.1", 200, null)]
    [InlineData("TRACE /api/catalog/items HTTP/1.1", 405, null)]
    [InlineData("POST /api/catalog/items HTTP/1.1\r\nContent-Length: 0", 401, null)]
    [InlineData("POST /api/catalog/items HTTP/1.1\r\nContent-Length: 0", 403, "customer")]
    [InlineData("POST /api/catalog/items HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 2000000", 413, "admin")]
    public async Task Sets_security_headers_and_strips_server(string requestHead, int status, string? role)
    {
        var authorization = role is null ? "" : $"Authorization: Bearer {TestIdentity.Shared.Token("user-1", [role])}\r\n";
        var response = await RawHttp.SendAsync(gateway.Port, $"{requestHead}\r\nHost: localhost\r\n{authorization}Connection: close\r\n\r\n");

        Assert.True(status == response.Status, response.Raw);
        Assert.Equal("nosniff", response.Headers["X-Content-Type-Options"]);
        Assert.Equal("DENY", response.Headers["X-Frame-Options"]);
        Assert.Equal("no-referrer", response.Headers["Referrer-Policy"]);
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", response.Headers["Content-Security-Policy"]);
        Assert.False(response.Headers.ContainsKey("Server"), response.Raw);
    }
}
