using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CloudNative.Contracts;
using CloudNative.ServiceTests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Payments.Api.Handlers;
using Payments.Api.Infrastructure;
using Payments.Api.Tests.Infrastructure;
using CloudNative.Messaging.Tests.Infrastructure;

namespace Payments.Api.Tests;

// Commands go in through the real broker and the service's consumer; what it did is read back from the broker, from
// paymentsdb through the service's API, and from the provider's record of calls.
[Collection(PaymentsServiceCollection.Name)]
public sealed class PaymentCommandTests(PaymentsServiceFixture fixture)
{
    private SagaTopics Saga => fixture.Saga;

    [Fact]
    public async Task A_duplicate_delivery_and_a_resent_command_charge_once_and_answer_alike()
    {
        var orderId = Guid.NewGuid();
        var command = new AuthorizePayment(orderId, "alice", 120.50m, "EUR");

        var first = await Saga.SendAsync(Topics.PaymentCommands, orderId, command);
        await Saga.SendAsync(Topics.PaymentCommands, orderId, command, again: first);
        var resent = await Saga.SendAsync(Topics.PaymentCommands, orderId, command);
        var replies = await Saga.WaitForReplyAsync(Topics.PaymentEvents, orderId, resent);

        // One answer per distinct message; the redelivery of the first was skipped by the inbox.
        Assert.Equal([first.MessageId, resent.MessageId], replies.Select(r => r.Envelope.CausationId!.Value));
        var authorized = replies.Select(r => Assert.IsType<PaymentAuthorized>(r.Message)).ToList();
        Assert.Single(authorized.Select(a => a.PaymentId).Distinct());
        Assert.All(authorized, a => Assert.Equal((orderId, 120.50m, "EUR"), (a.OrderId, a.Amount, a.Currency)));
        Assert.Equal(1, fixture.Provider.Authorizations(orderId));

        var payment = await GetPaymentAsync(orderId);
        Assert.Equal("Authorized", payment.GetProperty("status").GetString());
        Assert.Equal(authorized[0].PaymentId, payment.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Concurrent_commands_for_one_order_reach_the_provider_once()
    {
        var orderId = Guid.NewGuid();
        var command = new AuthorizePayment(orderId, "bob", 80m, "EUR");

        // Eight handlers at once, as replicas racing after a rebalance or a saga re-sending would run them.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => DirectHandling.HandleAsync<PaymentsContext, AuthorizePayment, AuthorizePaymentHandler>(fixture.Services, Topics.PaymentCommands, command))));

        Assert.Equal(1, fixture.Provider.Authorizations(orderId));
        await using var scope = fixture.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<PaymentsContext>().Payments.CountAsync(p => p.OrderId == orderId));
        var replies = await Eventually.WaitForAsync(() => Task.FromResult(Saga.Read(Topics.PaymentEvents, orderId)), r => r.Count == 8, "eight replies");
        Assert.Single(replies.Select(r => Assert.IsType<PaymentAuthorized>(r.Message).PaymentId).Distinct());
    }

    [Theory]
    [InlineData("carol", 1000.01, "The amount exceeds")]
    [InlineData(PaymentsServiceFixture.DeclinedUser, 10, "The card was declined.")]
    [InlineData("dave", 0, "positive amount")]
    public async Task Configured_declines_are_answered_and_remembered(string userId, decimal amount, string reason)
    {
        var orderId = Guid.NewGuid();

        var command = await Saga.SendAsync(Topics.PaymentCommands, orderId, new AuthorizePayment(orderId, userId, amount, "EUR"));
        var resent = await Saga.SendAsync(Topics.PaymentCommands, orderId, new AuthorizePayment(orderId, userId, amount, "EUR"));
        var replies = await Saga.WaitForReplyAsync(Topics.PaymentEvents, orderId, resent);

        Assert.Equal([command.MessageId, resent.MessageId], replies.Select(r => r.Envelope.CausationId!.Value));
        Assert.All(replies, r => Assert.Contains(reason, Assert.IsType<PaymentDeclined>(r.Message).Reason, StringComparison.Ordinal));
        Assert.True(fixture.Provider.Authorizations(orderId) <= 1);
        Assert.Equal("Declined", (await GetPaymentAsync(orderId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task By_default_nothing_is_declined()
    {
        var orderIds = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();

        var commands = await Task.WhenAll(orderIds.Select(id => Saga.SendAsync(Topics.PaymentCommands, id, new AuthorizePayment(id, "erin", 999.99m, "EUR"))));
        for (var i = 0; i < orderIds.Count; i++)
        {
            var replies = await Saga.WaitForReplyAsync(Topics.PaymentEvents, orderIds[i], commands[i]);
            Assert.IsType<PaymentAuthorized>(Assert.Single(replies).Message);
        }
    }

    [Fact]
    public async Task A_refund_gives_back_once_and_a_later_authorization_is_declined()
    {
        var orderId = Guid.NewGuid();
        var authorize = await Saga.SendAsync(Topics.PaymentCommands, orderId, new AuthorizePayment(orderId, "frank", 50m, "USD"));
        var paymentId = Assert.IsType<PaymentAuthorized>((await Saga.WaitForReplyAsync(Topics.PaymentEvents, orderId, authorize)).Single().Message).PaymentId;

        var refund = await Saga.SendAsync(Topics.PaymentCommands, orderId, new RefundPayment(orderId, "stock rejected"));
        await Saga.SendAsync(Topics.PaymentCommands, orderId, new RefundPayment(orderId, "stock rejected"), again: refund);
        var resentRefund = await Saga.SendAsync(Topics.PaymentCommands, orderId, new RefundPayment(orderId, "stock rejected"));
        var lateAuthorize = await Saga.SendAsync(Topics.PaymentCommands, orderId, new AuthorizePayment(orderId, "frank", 50m, "USD"));
        var replies = await Saga.WaitForReplyAsync(Topics.PaymentEvents, orderId, lateAuthorize);

        Assert.Equal([authorize.MessageId, refund.MessageId, resentRefund.MessageId, lateAuthorize.MessageId], replies.Select(r => r.Envelope.CausationId!.Value));
        Assert.All(replies[1..3], r => Assert.Equal(new PaymentRefunded(orderId, paymentId), r.Message));
        Assert.IsType<PaymentDeclined>(replies[3].Message);
        Assert.Equal((1, 1), (fixture.Provider.Authorizations(orderId), fixture.Provider.Refunds(orderId)));
        Assert.Equal("Refunded", (await GetPaymentAsync(orderId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_refund_of_an_unknown_order_answers_without_the_provider_and_voids_the_order()
    {
        var orderId = Guid.NewGuid();

        var refund = await Saga.SendAsync(Topics.PaymentCommands, orderId, new RefundPayment(orderId, "timed out"));
        var authorize = await Saga.SendAsync(Topics.PaymentCommands, orderId, new AuthorizePayment(orderId, "gina", 30m, "EUR"));
        var replies = await Saga.WaitForReplyAsync(Topics.PaymentEvents, orderId, authorize);

        Assert.Equal([refund.MessageId, authorize.MessageId], replies.Select(r => r.Envelope.CausationId!.Value));
        Assert.Equal(orderId, Assert.IsType<PaymentRefunded>(replies[0].Message).OrderId);
        Assert.IsType<PaymentDeclined>(replies[1].Message);
        Assert.Equal((0, 0), (fixture.Provider.Authorizations(orderId), fixture.Provider.Refunds(orderId)));
        Assert.Equal("Voided", (await GetPaymentAsync(orderId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_transient_provider_failure_is_retried_and_charges_once()
    {
        var orderId = Guid.NewGuid();
        fixture.SetProvider("FailuresPerOrder", "2");
        try
        {
            var command = await Saga.SendAsync(Topics.PaymentCommands, orderId, new AuthorizePayment(orderId, "hank", 75m, "EUR"));
            var replies = await Saga.WaitForReplyAsync(Topics.PaymentEvents, orderId, command);

            Assert.IsType<PaymentAuthorized>(Assert.Single(replies).Message);
            Assert.Equal((2, 1), (fixture.Provider.Failures(orderId), fixture.Provider.Authorizations(orderId)));
        }
        finally
        {
            fixture.SetProvider("FailuresPerOrder", "0");
        }
    }

    [Fact]
    public async Task A_provider_that_keeps_failing_dead_letters_the_command_and_stores_nothing()
    {
        var orderId = Guid.NewGuid();
        fixture.SetProvider("FailureRate", "1");
        try
        {
            await Saga.SendAsync(Topics.PaymentCommands, orderId, new AuthorizePayment(orderId, "ivan", 75m, "EUR"));
            var deadLetter = await Eventually.WaitForAsync(() => Task.FromResult(Saga.Read(Topics.PaymentCommands + ".dlt", orderId)), d => d.Count > 0, "the dead letter");

            Assert.IsType<AuthorizePayment>(Assert.Single(deadLetter).Message);
            Assert.Equal(5, fixture.Provider.Failures(orderId));
            Assert.Empty(Saga.Read(Topics.PaymentEvents, orderId));
            Assert.Equal(HttpStatusCode.NotFound, (await fixture.Client.GetAsync($"/api/payments/{orderId}")).StatusCode);
        }
        finally
        {
            fixture.SetProvider("FailureRate", "0");
        }
    }

    [Theory]
    [InlineData("/api/payments/not-a-guid")]
    [InlineData("/api/payments/00000000-0000-0000-0000-000000000001")]
    public async Task An_unknown_or_malformed_order_id_is_a_404_problem(string url)
    {
        var response = await fixture.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<JsonElement> GetPaymentAsync(Guid orderId) =>
        await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/payments/{orderId}");
}
