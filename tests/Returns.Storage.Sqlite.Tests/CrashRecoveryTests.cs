using System.Diagnostics;
using Returns.Sdk.Lifecycle;

namespace Returns.Storage.Sqlite.Tests;

public sealed class CrashRecoveryTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task ProcessKilledAfterCommit_BeforeDelivery_EventsAreInOutboxAfterRestart()
    {
        var file = _folder.File("crash.db");

        var (exitCode, output) = await RunCrashHost("sqlite", file);

        Assert.NotEqual(0, exitCode);
        var rma = RmaNumber.Parse(output.Trim());
        var restarted = new SqliteReturnStore(new SqliteReturnStoreOptions { Path = file });
        Assert.Equal(ReturnState.Authorized, (await restarted.FindAsync(rma, TestContext.Current.CancellationToken))?.State);
        var pending = await restarted.LeaseOutboxAsync(10, DateTimeOffset.UtcNow.AddMinutes(1), TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        Assert.Equal([ReturnEventTypes.Created, ReturnEventTypes.Authorized], pending.Select(m => m.Event.Type));
        Assert.All(pending, m => Assert.Equal(rma, m.Event.Rma));
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
}
