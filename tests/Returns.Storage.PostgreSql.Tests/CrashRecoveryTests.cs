using System.Diagnostics;
using Microsoft.Extensions.Options;
using Returns.Sdk.Events;
using Returns.Sdk.Lifecycle;

namespace Returns.Storage.PostgreSql.Tests;

public sealed class CrashRecoveryTests(PostgresServer server)
{
    [Fact]
    public async Task ProcessKilledAfterCommit_BeforeDelivery_AnotherInstanceDeliversTheEvents()
    {
        var schema = PostgresServer.NewSchema();
        var host = Path.Combine(AppContext.BaseDirectory, "Returns.Storage.CrashHost.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { host, "postgres", server.RequireConnectionString(), schema })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.True(output.Length > 0, $"The crash host printed nothing; stderr: {errors}");
        Assert.NotEqual(0, process.ExitCode);
        var rma = RmaNumber.Parse(output.Trim());
        await using var survivor = new PostgreSqlReturnStore(new PostgreSqlReturnStoreOptions { ConnectionString = server.RequireConnectionString(), Schema = schema });
        Assert.Equal(ReturnState.Authorized, (await survivor.FindAsync(rma, TestContext.Current.CancellationToken))?.State);
        var received = new RecordingSubscriber();
        var dispatcher = new OutboxDispatcher(survivor, [received], Options.Create(new OutboxDispatcherOptions()), TimeProvider.System);
        var pass = await dispatcher.DispatchOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, pass.Delivered);
        Assert.Equal([ReturnEventTypes.Created, ReturnEventTypes.Authorized], received.Types);
        Assert.All(received.Rmas, r => Assert.Equal(rma, r));
        Assert.Equal(0, (await dispatcher.DispatchOnceAsync(TestContext.Current.CancellationToken)).Leased);
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
