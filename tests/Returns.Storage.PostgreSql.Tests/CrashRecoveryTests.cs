using System.Diagnostics;
using Returns.Sdk.Lifecycle;

namespace Returns.Storage.PostgreSql.Tests;

public sealed class CrashRecoveryTests(PostgresServer server)
{
    [Fact]
    public async Task ProcessKilledAfterCommit_BeforeDelivery_EventsAreInOutboxForAnotherInstance()
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
        var pending = await survivor.LeaseOutboxAsync(10, DateTimeOffset.UtcNow.AddMinutes(1), TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        Assert.Equal([ReturnEventTypes.Created, ReturnEventTypes.Authorized], pending.Select(m => m.Event.Type));
    }
}
