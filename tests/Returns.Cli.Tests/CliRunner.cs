using Microsoft.Extensions.Time.Testing;
using Spectre.Console.Testing;

namespace Returns.Cli.Tests;

/// <summary>What one in-process run of the CLI produced.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Console">What went to the rich console (tables).</param>
/// <param name="Stdout">What went to plain standard output (JSON, help).</param>
/// <param name="Stderr">What went to standard error.</param>
internal sealed record CliResult(int ExitCode, string Console, string Stdout, string Stderr);

/// <summary>Runs the CLI in-process against a test console, string writers and a fake clock.</summary>
internal static class CliRunner
{
    /// <summary>The fake clock's instant: 20 November 2026, noon UTC, inside the demo order's window for most lines.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(interactive: false, args);

    /// <summary>Runs the CLI with a console that says whether it is an interactive terminal (output never redirected).</summary>
    /// <param name="interactive">Whether the test console reports itself interactive.</param>
    /// <param name="args">The arguments.</param>
    /// <returns>What the run produced.</returns>
    public static async Task<CliResult> RunAsync(bool interactive, params string[] args)
    {
        using var console = new TestConsole().Width(240);
        if (interactive)
        {
            console.Interactive();
        }

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var context = new CliContext(console, stdout, stderr, new FakeTimeProvider(Now));
        var exitCode = await CliApp.RunAsync(args, context, TestContext.Current.CancellationToken);
        return new CliResult(exitCode, console.Output, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>A fresh directory under the system temp folder, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("returns-cli-tests-").FullName;
    }

    public string Path { get; }

    /// <summary>Writes a file into the directory.</summary>
    /// <param name="name">The file's name.</param>
    /// <param name="content">Its text.</param>
    /// <returns>The file's full path.</returns>
    public string Write(string name, string content)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>The demo files shipped with the CLI, copied next to the test assembly.</summary>
internal static class DemoFiles
{
    public static string PolicyPath => System.IO.Path.Combine(AppContext.BaseDirectory, "data", "policy.json");

    public static string OrderPath => System.IO.Path.Combine(AppContext.BaseDirectory, "data", "order-web.json");

    public static string PointsPath => System.IO.Path.Combine(AppContext.BaseDirectory, "data", "points.csv");

    public static string RatesPath => System.IO.Path.Combine(AppContext.BaseDirectory, "data", "rates.csv");

    public static string ZonesPath => System.IO.Path.Combine(AppContext.BaseDirectory, "data", "zones.csv");

    public static string PostcodesPath => System.IO.Path.Combine(AppContext.BaseDirectory, "data", "postcodes.csv");

    public static string BoxesPath => System.IO.Path.Combine(AppContext.BaseDirectory, "data", "boxes.json");

    public static string PolicyJson => File.ReadAllText(PolicyPath);

    public static string OrderJson => File.ReadAllText(OrderPath);
}
