using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Returns.Sdk;
using Returns.Sdk.Lifecycle;
using Returns.Sdk.Orders;
using Returns.Sdk.Policy;
using Returns.Sdk.Refunds;
using static Refund.Gateway.Sample.Tests.FakePlatform;

namespace Refund.Gateway.Sample.Tests;

// The SDK's refund orchestration paying through HttpRefundGateway against the fake platform: a web order, a return
// created, authorized, received and inspected, then refunded.
public sealed class RefundOrchestratorEndToEndTests
{
    private const string PolicyJson = """
        {
          "policyId": "e2e",
          "versions": [
            {
              "version": "v1",
              "effectiveFrom": "2026-01-01",
              "timeZone": "Europe/Amsterdam",
              "currencies": ["EUR"],
              "window": { "days": 60 },
              "fees": { "methods": { "post_office": { "EUR": 3.95 } } },
              "refunds": { "allowed": ["original_payment"] }
            }
          ]
        }
        """;

    private static readonly DateTimeOffset Placed = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(1));

    private static Order WebOrder() =>
        new("WEB-1001", SalesChannel.Web, Currency.EUR, Placed, new Customer("C-1") { Email = "anna@example.com" },
        [new OrderLine("1", "TEE-M", 2, Eur(24.95m), new ProductAttributes("apparel"))])
        {
            DeliveredAt = Placed.AddDays(2),
            Tenders = [new Tender(TenderKind.Card, Eur(49.90m)) { Reference = "psp_ch_3PqX" }],
        };

    [Fact]
    public async Task RefundAsync_First503ThenSuccess_EndsSucceededAndPaidOnce()
    {
        using var platform = new FakePlatform().FirstThen(Problem(503, ""), Json(201, """{ "id": "rf_7001", "status": "succeeded" }"""));
        var shop = new Shop(platform.Gateway);
        var rma = await shop.InspectedReturnAsync();

        var outcome = await shop.Orchestrator.RefundAsync(rma, ReturnActor.System, Ct);
        var again = await shop.Orchestrator.RefundAsync(rma, ReturnActor.System, Ct);

        var refund = Assert.Single(outcome.Refunds);
        Assert.Equal((RefundStatus.Succeeded, "rf_7001", 1), (refund.Status, refund.GatewayReference, refund.Calls));
        Assert.Equal(ReturnState.Refunded, outcome.Return.State);
        Assert.Equal(Eur(21.00m), refund.Calculation.Payout); // one tee at 24.95, less the 3.95 post-office fee
        Assert.Equal(outcome.Return.Version, again.Return.Version);

        var calls = platform.Calls;
        Assert.Equal([503, 201], calls.Select(c => c.Status()));
        Assert.Equal([refund.GatewayKey, refund.GatewayKey], calls.Select(c => c.Header("Idempotency-Key")));
        using var body = JsonDocument.Parse(calls[1].Body());
        Assert.Equal(("21.00", "WEB-1001", rma.Value, refund.RefundId), (
            body.RootElement.GetProperty("amount").GetString(),
            body.RootElement.GetProperty("order_number").GetString(),
            body.RootElement.GetProperty("rma").GetString(),
            body.RootElement.GetProperty("refund_id").GetString()));
        Assert.Equal("psp_ch_3PqX", body.RootElement.GetProperty("tenders")[0].GetProperty("reference").GetString());
    }

    [Fact]
    public async Task RefundAsync_PlatformDownThroughEveryRetry_StaysPendingAndResumesWithTheSameKey()
    {
        using var platform = new FakePlatform(retries: 1).Always(Problem(503, ""));
        var shop = new Shop(platform.Gateway);
        var rma = await shop.InspectedReturnAsync();

        var down = await Assert.ThrowsAsync<RefundGatewayException>(() => shop.Orchestrator.RefundAsync(rma, ReturnActor.System, Ct));
        var pending = Assert.Single((await shop.Store.FindAsync(rma, Ct))!.Refunds);
        Assert.Equal(2, platform.Calls.Count); // the first attempt and one retry, both refused with 503
        platform.Server.Reset();
        platform.Always(Json(200, """{ "id": "rf_7002", "status": "pending" }"""));
        var resumed = await shop.Orchestrator.RefundAsync(rma, ReturnActor.System, Ct);

        Assert.True(down.IsTransient);
        Assert.Equal((RefundStatus.Pending, "unavailable"), (pending.Status, pending.LastError));
        var refund = Assert.Single(resumed.Refunds);
        Assert.Equal((RefundStatus.Succeeded, "rf_7002", pending.GatewayKey), (refund.Status, refund.GatewayReference, refund.GatewayKey));
        Assert.Equal(pending.GatewayKey, Assert.Single(platform.Calls).Header("Idempotency-Key"));
    }

    [Fact]
    public async Task RefundAsync_PlatformRefuses_MarksTheRefundFailedWithTheCode()
    {
        using var platform = new FakePlatform().Always(Problem(422, """{ "type": "https://platform.example/problems/capture_not_found", "status": 422 }"""));
        var shop = new Shop(platform.Gateway);
        var rma = await shop.InspectedReturnAsync();

        var refused = await Assert.ThrowsAsync<RefundGatewayException>(() => shop.Orchestrator.RefundAsync(rma, ReturnActor.System, Ct));

        var refund = Assert.Single((await shop.Store.FindAsync(rma, Ct))!.Refunds);
        Assert.False(refused.IsTransient);
        Assert.Equal((RefundStatus.Failed, "capture_not_found"), (refund.Status, refund.LastError));
        Assert.Single(platform.Calls);
    }

    // The shop side: a return store, orders, the policy, a lifecycle and the orchestrator, on a fake clock.
    private sealed class Shop
    {
        private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));
        private readonly ReturnLifecycle _lifecycle;
        private int _keys;

        public Shop(IRefundGateway gateway)
        {
            var orders = new InMemoryOrderSource(WebOrder());
            var policy = new ReturnPolicyEngine(ReturnPolicy.Parse(PolicyJson, "e2e-policy.json"), _time);
            _lifecycle = new ReturnLifecycle(Store, [], Options.Create(new ReturnLifecycleOptions()), _time);
            Orchestrator = new RefundOrchestrator(Store, orders, policy, gateway, Options.Create(new RefundOptions()), _time);
        }

        public InMemoryReturnStore Store { get; } = new();

        public RefundOrchestrator Orchestrator { get; }

        public async Task<RmaNumber> InspectedReturnAsync()
        {
            var request = new NewReturn("C-1", [new ReturnRequestLine("WEB-1001", "1", "TEE-M", 1, "too_small")]) { Method = ReturnMethod.PostOffice };
            var created = await _lifecycle.CreateAsync(request, Key(), ReturnActor.Customer, Ct);
            await _lifecycle.AuthorizeAsync(created.Rma, Key(), ReturnActor.System, cancellationToken: Ct);
            await _lifecycle.MarkReceivedAsync(created.Rma, "WH-1", Key(), new ReturnActor(ReturnChannel.Warehouse, "picker"), Ct);
            await _lifecycle.MarkInspectedAsync(created.Rma, Key(), new ReturnActor(ReturnChannel.Warehouse, "inspector"), cancellationToken: Ct);
            return created.Rma;
        }

        private IdempotencyKey Key() => new($"shop-{Interlocked.Increment(ref _keys)}");
    }
}
