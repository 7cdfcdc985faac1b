namespace CloudNative.KafkaDevBroker.Tests;

public sealed class CommandLineTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("--topic", "orders")]
    [InlineData("--topic", "orders:0")]
    [InlineData("--topic", ":3")]
    [InlineData("--port", "http")]
    [InlineData("--brokers", "0")]
    [InlineData("--verbose", "")]
    public async Task BadArguments_ExitWith2_NamingTheArgument(string name, string value)
    {
        using var broker = DevBrokerProcess.Start(value.Length == 0 ? [name] : [name, value]);

        Assert.Equal(2, await broker.WaitForExitAsync(ExitTimeout));
        Assert.Contains(name, broker.StandardError);
    }

    [Fact]
    public async Task Sigterm_StopsTheBroker_WithExitCode0()
    {
        using var broker = DevBrokerProcess.Start("--topic", "orders:1");
        await broker.WaitForBootstrapServersAsync();

        broker.Terminate();

        Assert.Equal(0, await broker.WaitForExitAsync(ExitTimeout));
    }

    [Fact]
    public async Task StdinEof_StopsTheBroker_WhenAskedTo()
    {
        using var broker = DevBrokerProcess.Start("--exit-on-stdin-eof");
        await broker.WaitForBootstrapServersAsync();

        broker.CloseStandardInput();

        Assert.Equal(0, await broker.WaitForExitAsync(ExitTimeout));
    }
}
