using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using Returns.Sdk.Lifecycle;
using Returns.Storage.PostgreSql;
using Returns.Storage.Sqlite;

namespace Returns.Benchmarks;

/// <summary>
/// One return's life through the lifecycle service, on each store: create, authorize and three transitions (received,
/// inspected, refunded), each with its idempotency key, audit entry and outbox event: five claims and five commits.
/// Throughput per second is 1 / mean. The in-memory store is the baseline: the same work without I/O, so the other rows
/// show what durability costs. SQLite runs with WAL and synchronous=FULL (fsync per commit); PostgreSQL is a local
/// server with default durability (fsync on), reached over loopback TCP; set RETURNS_BENCH_POSTGRES to point elsewhere.
/// </summary>
[MedianColumn]
[MinColumn]
[MemoryDiagnoser]
public class LifecycleStoreBenchmarks
{
    private static readonly ReturnRequestLine[] Lines = [new("WEB-1", "L1", "SKU-1", 1, "too_small"), new("WEB-1", "L2", "SKU-2", 2, "defective")];
    private readonly Dictionary<string, ReturnLifecycle> _lifecycles = [];
    private string _folder = string.Empty;
    private int _run;

    [Params("InMemory", "Sqlite", "PostgreSql")]
    public string Store { get; set; } = "InMemory";

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "returns-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        IReturnStore store = Store switch
        {
            "InMemory" => new InMemoryReturnStore(),
            "Sqlite" => new SqliteReturnStore(new SqliteReturnStoreOptions { Path = Path.Combine(_folder, "returns.db") }),
            "PostgreSql" => new PostgreSqlReturnStore(new PostgreSqlReturnStoreOptions
            {
                ConnectionString = Environment.GetEnvironmentVariable("RETURNS_BENCH_POSTGRES") ?? "Host=127.0.0.1;Port=54329;Username=postgres;Database=postgres",
                Schema = "bench_" + Guid.NewGuid().ToString("N"),
            }),
            _ => throw new InvalidOperationException(Store),
        };
        _lifecycles[Store] = new ReturnLifecycle(store, [], Options.Create(new ReturnLifecycleOptions()), TimeProvider.System);

        // Migrate and warm the pools outside the measurement, and prove the flow ends where it should.
        var closed = OneReturn().GetAwaiter().GetResult();
        if (closed.State != ReturnState.Refunded || closed.Version != 5)
        {
            throw new InvalidOperationException($"The flow ended in {closed.State} at version {closed.Version}.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public Task<ReturnRequest> CreateAuthorizeAndThreeTransitions() => OneReturn();

    private async Task<ReturnRequest> OneReturn()
    {
        var lifecycle = _lifecycles[Store];
        var run = Interlocked.Increment(ref _run);
        var prefix = $"{Store}-{Guid.NewGuid():N}-{run}";
        var created = await lifecycle.CreateAsync(new NewReturn("bench-customer", Lines), new($"{prefix}-create"), ReturnActor.Customer).ConfigureAwait(false);
        await lifecycle.AuthorizeAsync(created.Rma, new($"{prefix}-authorize"), ReturnActor.System).ConfigureAwait(false);
        var warehouse = new ReturnActor(ReturnChannel.Warehouse, "bench") { LocationId = "WH-1" };
        await lifecycle.MarkReceivedAsync(created.Rma, "WH-1", new($"{prefix}-receive"), warehouse).ConfigureAwait(false);
        await lifecycle.MarkInspectedAsync(created.Rma, new($"{prefix}-inspect"), warehouse).ConfigureAwait(false);
        return await lifecycle.ResolveAsync(created.Rma, ReturnResolution.Refunded, new($"{prefix}-refund"), new ReturnActor(ReturnChannel.Api, "oms")).ConfigureAwait(false);
    }
}
