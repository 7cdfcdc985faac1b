namespace CloudNative.KafkaDevBroker.Tests;

public sealed class BrokerOptionsTests
{
    [Fact]
    public void NoArguments_GiveOneBrokerWithoutTopicsOnAnEphemeralPort()
    {
        Assert.True(BrokerOptions.TryParse([], out var options, out _));

        Assert.Empty(options.Topics);
        Assert.Null(options.Port);
        Assert.Equal(1, options.Brokers);
        Assert.False(options.ExitOnStdinEof);
    }

    [Fact]
    public void AllSwitches_AreParsed_TopicsInOrder()
    {
        string[] args = ["--topic", "orders:3", "--port", "9092", "--topic", "payments.v1:1", "--brokers", "3", "--exit-on-stdin-eof"];

        Assert.True(BrokerOptions.TryParse(args, out var options, out _));

        Assert.Equal([new TopicSpec("orders", 3), new TopicSpec("payments.v1", 1)], options.Topics);
        Assert.Equal(9092, options.Port);
        Assert.Equal(3, options.Brokers);
        Assert.True(options.ExitOnStdinEof);
    }

    [Theory]
    [InlineData("--topic orders", "--topic 'orders': missing partition count")]
    [InlineData("--topic orders:", "partitions must be a whole number")]
    [InlineData("--topic orders:0", "partitions must be a whole number of at least 1")]
    [InlineData("--topic orders:-1", "partitions must be a whole number")]
    [InlineData("--topic orders:x", "partitions must be a whole number")]
    [InlineData("--topic :3", "the topic name is empty")]
    [InlineData("--topic or/ders:3", "not a legal Kafka topic name")]
    [InlineData("--topic ..:3", "not a legal Kafka topic name")]
    [InlineData("--topic a:1 --topic a:2", "topic 'a' is declared twice")]
    [InlineData("--topic", "--topic: missing value")]
    [InlineData("--topic --port", "--topic: missing value")]
    [InlineData("--port 0", "--port '0': expected a whole number from 1 to 65535")]
    [InlineData("--port 70000", "--port '70000'")]
    [InlineData("--port 1 --port 2", "--port: given twice")]
    [InlineData("--brokers 0", "--brokers '0': expected a whole number from 1 to 16")]
    [InlineData("--brokers 17", "--brokers '17'")]
    [InlineData("--bootstrap localhost", "'--bootstrap': unknown argument")]
    [InlineData("orders:3", "'orders:3': unknown argument")]
    public void InvalidArguments_AreRejected_NamingTheArgument(string commandLine, string expected)
    {
        Assert.False(BrokerOptions.TryParse(commandLine.Split(' '), out _, out var error));

        Assert.Contains(expected, error);
    }
}
