using Microsoft.Extensions.Options;
using Returns.Sdk.Lifecycle;
using Returns.Sdk.Orders;
using Returns.Sdk.Policy;
using Returns.Sdk.Refunds;

namespace Returns.Sdk.Tests.Refunds;

// A lifecycle, an order source, a policy and a payment platform around one return store.
internal sealed class RefundHarness
{
    private int _keys;

    public RefundHarness(IReturnStore store, TimeProvider time, string? refundsJson = null, params Order[] orders)
    {
        Store = store;
        Time = time;
        Orders = new InMemoryOrderSource(orders.Length == 0 ? [RefundFixtures.WebOrder()] : orders);
        var policy = Policy.PolicyFixtures.TestPolicy(v =>
        {
            v["effectiveFrom"] = "2026-01-01";
            v["window"]!["days"] = 3650;
            v["refunds"] = Policy.PolicyFixtures.Json(refundsJson ?? """{ "allowed": ["original_payment", "store_credit", "exchange"], "storeCreditBonusPercent": 10 }""");
        });
        Lifecycle = new ReturnLifecycle(store, [], Options.Create(new ReturnLifecycleOptions()), time);
        Orchestrator = NewOrchestrator(store, policy);
        PolicyValue = policy;
    }

    public IReturnStore Store { get; }

    public TimeProvider Time { get; }

    public InMemoryOrderSource Orders { get; }

    public ReturnPolicy PolicyValue { get; }

    public InMemoryRefundGateway Gateway { get; } = new();

    public ReturnLifecycle Lifecycle { get; }

    public RefundOrchestrator Orchestrator { get; }

    public static ReturnActor Oms { get; } = new(ReturnChannel.Api, "oms");

    public RefundOrchestrator NewOrchestrator(IReturnStore store, ReturnPolicy? policy = null, IRefundGateway? gateway = null, RefundOptions? options = null) =>
        new(store, Orders, new ReturnPolicyEngine(policy ?? PolicyValue, Time), gateway ?? Gateway, Options.Create(options ?? new RefundOptions { KeyWait = TimeSpan.FromSeconds(60) }), Time);

    public IdempotencyKey Key() => new($"key-{Interlocked.Increment(ref _keys)}");

    public async Task<ReturnRequest> Create(NewReturn? request = null, CancellationToken cancellationToken = default)
    {
        request ??= new NewReturn("C-1", [new ReturnRequestLine("WEB-1", "1", "TEE-M", 2, "too_small")]) { Method = ReturnMethod.PostOffice };
        var created = await Lifecycle.CreateAsync(request, Key(), ReturnActor.Customer, cancellationToken);
        return await Lifecycle.AuthorizeAsync(created.Rma, Key(), ReturnActor.System, cancellationToken: cancellationToken);
    }

    public async Task<ReturnRequest> Inspected(RmaNumber rma, CancellationToken cancellationToken = default)
    {
        await Lifecycle.MarkReceivedAsync(rma, "WH-1", Key(), new ReturnActor(ReturnChannel.Warehouse, "picker"), cancellationToken);
        return await Lifecycle.MarkInspectedAsync(rma, Key(), new ReturnActor(ReturnChannel.Warehouse, "inspector"), cancellationToken: cancellationToken);
    }
}
