using CloudNative.Messaging.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace CloudNative.Messaging.Tests;

public sealed class MessagingBuilderTests
{
    [Fact]
    public void ASecondConsumerOnOneConnection_IsRefused()
    {
        var messaging = NewBuilder().AddMessaging("kafka");
        messaging.AddConsumer<TestDbContext>("first", ["topic"], h => h.AddHandler<OrderPlaced, OrderPlacedHandler>());

        var exception = Assert.Throws<InvalidOperationException>(() =>
            messaging.AddConsumer<TestDbContext>("second", ["other"], h => h.AddHandler<OrderPlaced, OrderPlacedHandler>()));
        Assert.Contains("one consumer group per service", exception.Message);
    }

    [Fact]
    public void AConsumerWithoutTopics_IsRefused() =>
        Assert.Throws<ArgumentException>(() => NewBuilder().AddMessaging("kafka")
            .AddConsumer<TestDbContext>("group", [], h => h.AddHandler<OrderPlaced, OrderPlacedHandler>()));

    [Fact]
    public void TwoHandlersForOneType_AreRefused() =>
        Assert.Throws<InvalidOperationException>(() => NewBuilder().AddMessaging("kafka")
            .AddConsumer<TestDbContext>("group", ["topic"], h => h.AddHandler<OrderPlaced, OrderPlacedHandler>().AddHandler<OrderPlaced, OrderPlacedHandler>()));

    [Fact]
    public void NoAttemptAtAll_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NewBuilder().AddMessaging("kafka")
            .AddConsumer<TestDbContext>("group", ["topic"], h => h.AddHandler<OrderPlaced, OrderPlacedHandler>(), o => o.MaxAttempts = 0));

    private static HostApplicationBuilder NewBuilder()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:kafka"] = "127.0.0.1:9" });
        return builder;
    }
}
