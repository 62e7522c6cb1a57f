using System.Diagnostics;
using Microsoft.Extensions.Options;
using Returns.Sdk.Lifecycle;
using Returns.Storage.CrashHost;
using Returns.Storage.PostgreSql;
using Returns.Storage.Sqlite;

// Usage: Returns.Storage.CrashHost sqlite <file>
//        Returns.Storage.CrashHost postgres <connection string> <schema>
//        Returns.Storage.CrashHost refund-sqlite <file> <ledger file>
// Creates and authorizes a return, prints its RMA number, then dies by SIGKILL before any event is delivered:
// no finally block, no dispose, no flush of anything but the committed transactions.
// refund-sqlite takes an inspected return to its refund and dies right after the payment platform paid it, before the
// outcome is recorded.
IReturnStore store;
switch (args)
{
    case ["refund-sqlite", var file, var ledger]:
        store = new SqliteReturnStore(new SqliteReturnStoreOptions { Path = file });
        var rma = await RefundCrashScenario.InspectedReturn(store, TimeProvider.System);
        Console.WriteLine(rma.Value);
        Console.Out.Flush();
        var dying = new FileLedgerRefundGateway(ledger, () => Process.GetCurrentProcess().Kill());
        await RefundCrashScenario.Orchestrator(store, dying, TimeProvider.System).RefundAsync(rma, ReturnActor.System);
        return 1;
    case ["sqlite", var file]:
        store = new SqliteReturnStore(new SqliteReturnStoreOptions { Path = file });
        break;
    case ["postgres", var connectionString, var schema]:
        store = new PostgreSqlReturnStore(new PostgreSqlReturnStoreOptions { ConnectionString = connectionString, Schema = schema });
        break;
    default:
        Console.Error.WriteLine("usage: Returns.Storage.CrashHost sqlite <file> | postgres <connection string> <schema>");
        return 2;
}

var lifecycle = new ReturnLifecycle(store, [], Options.Create(new ReturnLifecycleOptions()), TimeProvider.System);
var created = await lifecycle.CreateAsync(
    new NewReturn("crash-customer", [new ReturnRequestLine("WEB-CRASH", "L1", "SKU-1", 1, "changed_mind")]),
    new IdempotencyKey("crash-create"),
    ReturnActor.Customer);
await lifecycle.AuthorizeAsync(created.Rma, new IdempotencyKey("crash-authorize"), ReturnActor.System);
Console.WriteLine(created.Rma.Value);
Console.Out.Flush();
Process.GetCurrentProcess().Kill();
return 1;
