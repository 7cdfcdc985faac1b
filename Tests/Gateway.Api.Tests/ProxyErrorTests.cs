using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Gateway.Api.Tests;

// Forwarding failures name the party at fault: a backend that hangs is the backend's 504 (a refused one is the 502 in
// GatewayForwardingTests); a client that leaves mid-body is recorded as its fault (499, or 400 when Kestrel reads the
// reset as a short body), never as a 502 against the backend.
public class ProxyErrorTests(KestrelGateway gateway) : IClassFixture<KestrelGateway>
{
    [Fact]
    public async Task Answers_a_hung_backend_with_a_504_naming_it()
    {
        await using var backend = await StubCatalog.StartAsync();
        await using var impatient = new GatewayFactory(backend.Url);
        impatient.Settings["ReverseProxy:Clusters:catalog:HttpRequest:ActivityTimeout"] = "00:00:00.5";
        var client = impatient.CreateClient();

        var response = await client.GetAsync("/api/catalog/hang");

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Gateway Timeout", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains("catalog", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Records_a_client_that_leaves_mid_body_as_499_and_stays_healthy()
    {
        using (var client = new TcpClient())
        {
            await client.ConnectAsync(IPAddress.Loopback, gateway.Port);
            await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes(
                $"POST /api/catalog/echo HTTP/1.1\r\nHost: localhost\r\n{TestIdentity.Shared.AdminAuthorizationLine()}Content-Length: 1000\r\n\r\n{{\"partial\":"));
            await client.GetStream().FlushAsync();
            client.Client.LingerState = new LingerOption(true, 0); // close with a reset, as a killed client does
        }

        // Kestrel sees the reset either as the connection aborted (499) or, when its read of the body comes first, as a
        // body that ended before its Content-Length (400); which one is a race inside the transport. Either way the
        // client is at fault, never the backend (502).
        Assert.Contains(await gateway.NextCompletedAsync("/api/catalog/echo"), new[] { 499, 400 });
        Assert.Equal(HttpStatusCode.OK, (await gateway.Client.GetAsync("/health")).StatusCode);
    }
}
