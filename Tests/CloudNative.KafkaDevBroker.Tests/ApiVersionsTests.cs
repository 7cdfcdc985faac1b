
namespace CloudNative.KafkaDevBroker.Tests;

public sealed class ApiVersionsTests
{
    private const short JoinGroup = 11;
    private const short LeaveGroup = 13;
    private const short SyncGroup = 14;

    // Clients connect to whatever Metadata advertises, so every advertised broker must cap, with and
    // without --port.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EveryAdvertisedBroker_CapsTheVersionsTheMockEncodesWrongly(bool fixedPort)
    {
        string[] args = ["--brokers", "3", "--exit-on-stdin-eof", .. fixedPort ? ["--port", $"{FreePort.Next()}"] : Array.Empty<string>()];
        var (broker, bootstrap) = await DevBrokerProcess.StartReadyAsync(args);
        using var _ = broker;
        using var admin = KafkaClients.Admin(bootstrap);

        var advertised = admin.GetMetadata(TimeSpan.FromSeconds(10)).Brokers;

        Assert.Equal(3, advertised.Count);
        foreach (var address in advertised)
        {
            var (errorCode, maxVersions) = await ApiVersionsProbe.SendAsync(address.Host, address.Port, version: 2);
            Assert.Equal(0, errorCode);
            Assert.InRange(maxVersions[JoinGroup], 0, 5);
            Assert.InRange(maxVersions[LeaveGroup], 0, 2);
            Assert.InRange(maxVersions[SyncGroup], 0, 3);
        }
    }

    // The relay caps only the v0-v2 layout. That is enough while the mock refuses v3+, as clients
    // then ask again at v2; if an upgrade makes it serve v3, ApiVersionCaps must handle that layout too.
    [Fact]
    public async Task ApiVersionsV3_IsRefused_SoClientsFallBackToTheCappedV2()
    {
        var (broker, bootstrap) = await DevBrokerProcess.StartReadyAsync("--exit-on-stdin-eof");
        using var _ = broker;
        var address = BrokerAddress.Parse(bootstrap);

        var (errorCode, _) = await ApiVersionsProbe.SendAsync(address.Host, address.Port, version: 3);

        Assert.Equal(ApiVersionsProbe.UnsupportedVersion, errorCode);
    }
}
