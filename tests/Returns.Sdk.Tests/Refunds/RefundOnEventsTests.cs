using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Returns.Sdk.Events;
using Returns.Sdk.Lifecycle;
using Returns.Sdk.Orders;
using Returns.Sdk.Refunds;
using Returns.Sdk.Tests.Policy;
using static Returns.Sdk.Tests.Refunds.RefundFixtures;

namespace Returns.Sdk.Tests.Refunds;

// AddRefunds() refunds from lifecycle events once the policy's timing is reached, wherever the dispatcher runs.
public sealed class RefundOnEventsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ServiceProvider Build(InMemoryRefundGateway gateway, bool refundOnEvents, string refundsJson = """{ "timing": "at_receipt" }""")
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero)));
        services.AddSingleton<IReturnStore>(new InMemoryReturnStore());
        services.AddReturns()
            .AddReturnPolicy(PolicyFixtures.TestPolicy(v => v["refunds"] = PolicyFixtures.Json(refundsJson)))
            .AddReturnLifecycle()
            .AddOrderSource(new InMemoryOrderSource(WebOrder()))
            .AddRefundGateway(gateway)
            .AddRefunds(o => o.RefundOnLifecycleEvents = refundOnEvents)
            .AddEventDelivery();
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider;
    }

    private static async Task<RmaNumber> Received(ServiceProvider provider)
    {
        var lifecycle = provider.GetRequiredService<ReturnLifecycle>();
        var r = await lifecycle.CreateAsync(new NewReturn("C-1", [new ReturnRequestLine("WEB-1", "2", "SNK-42", 1, "too_large")]) { Method = ReturnMethod.InStore }, new IdempotencyKey("e-1"), ReturnActor.Customer, Ct);
        await lifecycle.AuthorizeAsync(r.Rma, new IdempotencyKey("e-2"), ReturnActor.System, cancellationToken: Ct);
        await lifecycle.MarkReceivedAsync(r.Rma, "WH-1", new IdempotencyKey("e-3"), new ReturnActor(ReturnChannel.Warehouse), Ct);
        return r.Rma;
    }

    [Fact]
    public async Task DispatchOnce_ReceivedEventUnderAtReceiptTiming_RefundsAndSettles()
    {
        var gateway = new InMemoryRefundGateway();
        using var provider = Build(gateway, refundOnEvents: true);
        var rma = await Received(provider);

        await provider.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(Ct);

        var stored = await provider.GetRequiredService<IReturnStore>().FindAsync(rma, Ct);
        Assert.Equal(ReturnState.Refunded, stored!.State);
        Assert.Equal(Eur(83.69m), Assert.Single(gateway.Payments).Total);
    }

    [Fact]
    public async Task DispatchOnce_WithEventRefundsTurnedOff_PaysNothing()
    {
        var gateway = new InMemoryRefundGateway();
        using var provider = Build(gateway, refundOnEvents: false);
        var rma = await Received(provider);

        await provider.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(Ct);

        Assert.Empty(gateway.Calls);
        Assert.Equal(ReturnState.Received, (await provider.GetRequiredService<IReturnStore>().FindAsync(rma, Ct))!.State);
    }

    [Fact]
    public async Task DispatchOnce_TransientGatewayFailure_RetriesThatEventAndTheNextEventResumesTheRefund()
    {
        var gateway = new InMemoryRefundGateway();
        gateway.FailNext(new RefundGatewayException("down", isTransient: true, "unavailable"));
        using var provider = Build(gateway, refundOnEvents: true);
        var rma = await Received(provider);

        var pass = await provider.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(Ct);

        // The authorized event meets the return already received: its refund call fails and the event is retried later;
        // the received event then resumes the pending refund with the same key.
        Assert.Equal(1, pass.Retrying);
        var refund = Assert.Single((await provider.GetRequiredService<IReturnStore>().FindAsync(rma, Ct))!.Refunds);
        Assert.Equal((RefundStatus.Succeeded, 2), (refund.Status, refund.Calls));
        Assert.Single(gateway.Payments);
        Assert.All(gateway.Calls, c => Assert.Equal(refund.GatewayKey, c.IdempotencyKey));
    }
}
