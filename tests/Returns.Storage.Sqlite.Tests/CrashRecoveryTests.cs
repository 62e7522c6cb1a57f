using System.Diagnostics;
using Microsoft.Extensions.Options;
using Returns.Sdk.Events;
using Microsoft.Extensions.Time.Testing;
using Returns.Sdk.Lifecycle;
using Returns.Sdk.Refunds;
using Returns.Storage.CrashHost;

namespace Returns.Storage.Sqlite.Tests;

public sealed class CrashRecoveryTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task ProcessKilledAfterCommit_BeforeDelivery_EventsDeliveredAfterRestart()
    {
        var file = _folder.File("crash.db");

        var (exitCode, output) = await RunCrashHost("sqlite", file);

        Assert.NotEqual(0, exitCode);
        var rma = RmaNumber.Parse(output.Trim());
        var restarted = new SqliteReturnStore(new SqliteReturnStoreOptions { Path = file });
        Assert.Equal(ReturnState.Authorized, (await restarted.FindAsync(rma, TestContext.Current.CancellationToken))?.State);
        var received = new RecordingSubscriber();
        var dispatcher = new OutboxDispatcher(restarted, [received], Options.Create(new OutboxDispatcherOptions()), TimeProvider.System);
        var pass = await dispatcher.DispatchOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, pass.Delivered);
        Assert.Equal([ReturnEventTypes.Created, ReturnEventTypes.Authorized], received.Types);
        Assert.All(received.Rmas, r => Assert.Equal(rma, r));
        Assert.Equal(0, (await dispatcher.DispatchOnceAsync(TestContext.Current.CancellationToken)).Leased);
    }

    [Fact]
    public async Task ProcessKilledAfterThePlatformPaid_BeforeRecording_ResumesWithOnePayment()
    {
        var file = _folder.File("refund.db");
        var ledger = _folder.File("ledger.txt");

        var (exitCode, output) = await RunCrashHost("refund-sqlite", file, ledger);

        Assert.NotEqual(0, exitCode);
        var rma = RmaNumber.Parse(output.Trim());
        var gateway = new FileLedgerRefundGateway(ledger);
        Assert.Single(gateway.Payments);
        var restarted = new SqliteReturnStore(new SqliteReturnStoreOptions { Path = file });
        Assert.Equal(RefundStatus.Pending, (await restarted.FindAsync(rma, TestContext.Current.CancellationToken))!.Refunds.Single().Status);

        // The dead process's lease on the refund runs out before anyone else may call the platform about it.
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow + new RefundOptions().ClaimLease + TimeSpan.FromMinutes(1));
        var outcome = await RefundCrashScenario.Orchestrator(restarted, gateway, later).RefundAsync(rma, ReturnActor.System, TestContext.Current.CancellationToken);

        Assert.True(outcome.Completed);
        Assert.Equal(ReturnState.Refunded, outcome.Return.State);
        var refund = Assert.Single(outcome.Refunds);
        Assert.Equal("ledger-" + refund.GatewayKey, refund.GatewayReference);
        Assert.Equal([$"{refund.GatewayKey} 79.90 EUR"], gateway.Payments);
        Assert.Equal([refund.GatewayKey, refund.GatewayKey], gateway.Calls);
    }

    public void Dispose() => _folder.Dispose();

    private static async Task<(int ExitCode, string Output)> RunCrashHost(params string[] arguments)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "Returns.Storage.CrashHost.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(host);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(output.Length > 0, $"The crash host printed nothing; stderr: {errors}");
        return (process.ExitCode, output);
    }

    private sealed class RecordingSubscriber : IReturnEventSubscriber
    {
        public string Name => "test:recorder";

        public List<string> Types { get; } = [];

        public List<RmaNumber> Rmas { get; } = [];

        public Task DeliverAsync(ReturnEventDelivery delivery, CancellationToken cancellationToken)
        {
            Types.Add(delivery.Event.Type);
            Rmas.Add(delivery.Return.Rma);
            return Task.CompletedTask;
        }
    }
}
