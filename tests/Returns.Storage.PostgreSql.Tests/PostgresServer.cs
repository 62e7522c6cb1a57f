using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

[assembly: AssemblyFixture(typeof(Returns.Storage.PostgreSql.Tests.PostgresServer))]

namespace Returns.Storage.PostgreSql.Tests;

/// <summary>
/// A real PostgreSQL server for the tests: the one <c>RETURNS_TEST_POSTGRES</c> points at, or else a throwaway cluster
/// started from the installed binaries on a free loopback port and removed afterwards. No server means failing tests,
/// never skipped ones.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string EnvironmentVariable = "RETURNS_TEST_POSTGRES";

    private string? _dataDirectory;
    private string? _pgCtl;
    private string? _runAs;

    public string ConnectionString { get; private set; } = string.Empty;

    public string? StartupError { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
        {
            ConnectionString = configured;
            return;
        }

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        if (bin is null)
        {
            StartupError = $"No PostgreSQL server: install Debian's postgresql package or set {EnvironmentVariable} to a connection string.";
            return;
        }

        // PostgreSQL refuses to run as root; CI runs as root, so the cluster belongs to the postgres user there.
        _runAs = Environment.UserName == "root" ? "postgres" : null;
        _dataDirectory = Path.Combine(Path.GetTempPath(), "returns-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dataDirectory);
        if (_runAs is not null)
        {
            await Run("chown", null, "-R", _runAs, _dataDirectory);
        }

        var data = Path.Combine(_dataDirectory, "data");
        _pgCtl = Path.Combine(bin, "pg_ctl");
        var port = FreePort();
        await Run(Path.Combine(bin, "initdb"), _runAs, "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync");
        await Run(_pgCtl, _runAs, "-D", data, "-w", "-t", "60", "-l", Path.Combine(_dataDirectory, "server.log"), "-o",
            $"-p {port} -k {_dataDirectory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300", "start");
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Maximum Pool Size=200";
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_pgCtl is not null && _dataDirectory is not null)
        {
            await Run(_pgCtl, _runAs, "-D", Path.Combine(_dataDirectory, "data"), "-m", "immediate", "stop");
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    /// <summary>A connection string, or a failure explaining how to get a server.</summary>
    public string RequireConnectionString() =>
        StartupError is null ? ConnectionString : throw new InvalidOperationException(StartupError);

    /// <summary>A schema name no other test uses.</summary>
    public static string NewSchema() => "t_" + Guid.NewGuid().ToString("N");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task Run(string program, string? runAs, params string[] arguments)
    {
        var start = runAs is null ? new ProcessStartInfo(program) : new ProcessStartInfo("runuser");
        if (runAs is not null)
        {
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add(runAs);
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(program);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await errors} {await output}");
        }
    }
}
