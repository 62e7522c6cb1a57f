using System.Diagnostics;
using Microsoft.Extensions.Options;
using Returns.Sdk.Events;
using Returns.Sdk.Lifecycle;

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
