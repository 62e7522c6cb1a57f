using Microsoft.Extensions.Options;
using Returns.Sdk;
using Returns.Sdk.Lifecycle;
using Returns.Sdk.Orders;
using Returns.Sdk.Policy;
using Returns.Sdk.Refunds;

namespace Returns.Storage.CrashHost;

// The order, policy and orchestrator the refund crash test shares between the process it kills and the one that resumes.
public static class RefundCrashScenario
{
    public static Order Order { get; } = new("WEB-REFUND-CRASH", SalesChannel.Web, Currency.EUR, new DateTimeOffset(2026, 1, 10, 12, 0, 0, TimeSpan.Zero), new Customer("crash-customer"),
        [new OrderLine("L1", "SKU-1", 2, new Money(39.95m, Currency.EUR), new ProductAttributes("apparel"))])
    {
        Tenders = [new Tender(TenderKind.Card, new Money(79.90m, Currency.EUR)) { Reference = "card-crash" }],
    };

    public static ReturnPolicy Policy { get; } = ReturnPolicy.Parse("""
        { "policyId": "crash", "versions": [ { "version": "1", "effectiveFrom": "2026-01-01", "currencies": ["EUR"],
          "window": { "days": 3650 }, "fees": { "methods": { "in_store": { "EUR": 0 } } } } ] }
        """);

    public static RefundOrchestrator Orchestrator(IReturnStore store, IRefundGateway gateway, TimeProvider time) =>
        new(store, new InMemoryOrderSource(Order), new ReturnPolicyEngine(Policy, time), gateway, Options.Create(new RefundOptions()), time);

    public static async Task<RmaNumber> InspectedReturn(IReturnStore store, TimeProvider time)
    {
        var lifecycle = new ReturnLifecycle(store, [], Options.Create(new ReturnLifecycleOptions()), time);
        var created = await lifecycle.CreateAsync(
            new NewReturn("crash-customer", [new ReturnRequestLine(Order.Number, "L1", "SKU-1", 2, "changed_mind")]) { Method = ReturnMethod.InStore },
            new IdempotencyKey("refund-crash-create"),
            ReturnActor.Customer);
        await lifecycle.AuthorizeAsync(created.Rma, new IdempotencyKey("refund-crash-authorize"), ReturnActor.System);
        await lifecycle.MarkReceivedAsync(created.Rma, "STORE-1", new IdempotencyKey("refund-crash-receive"), new ReturnActor(ReturnChannel.Store));
        await lifecycle.MarkInspectedAsync(created.Rma, new IdempotencyKey("refund-crash-inspect"), new ReturnActor(ReturnChannel.Store));
        return created.Rma;
    }
}

// A payment platform whose ledger is a file, so that payments outlive the process that asked for them. It pays each
// idempotency key once, and writes every call to a second file.
public sealed class FileLedgerRefundGateway(string ledgerPath, Action? afterPaying = null) : IRefundGateway
{
    public string CallsPath => ledgerPath + ".calls";

    public IReadOnlyList<string> Payments => File.Exists(ledgerPath) ? File.ReadAllLines(ledgerPath) : [];

    public IReadOnlyList<string> Calls => File.Exists(CallsPath) ? File.ReadAllLines(CallsPath) : [];

    public Task<RefundConfirmation> RefundAsync(RefundInstruction instruction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        Append(CallsPath, instruction.IdempotencyKey);
        if (!Payments.Any(line => line.StartsWith(instruction.IdempotencyKey + " ", StringComparison.Ordinal)))
        {
            Append(ledgerPath, $"{instruction.IdempotencyKey} {instruction.Total}");
            afterPaying?.Invoke();
        }

        return Task.FromResult(new RefundConfirmation("ledger-" + instruction.IdempotencyKey));
    }

    private static void Append(string path, string line)
    {
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        using var writer = new StreamWriter(stream);
        writer.WriteLine(line);
        writer.Flush();
        stream.Flush(flushToDisk: true);
    }
}
