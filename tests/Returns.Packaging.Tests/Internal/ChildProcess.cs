using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Returns.Packaging.Tests.Internal;

/// <summary>
/// A <c>dotnet</c> process started by a test, with its standard output and error captured together so every assertion
/// can show what it printed. Disposing kills it and everything it started.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    // Variables the dotnet CLI sets for the processes it starts (e.g. under `dotnet test`); a nested `dotnet build`
    // that inherits them can pick up the outer build's MSBuild instead of the one global.json selects.
    private static readonly string[] InheritedBuildVariables =
        ["MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly", "MSBUILDNOINPROCNODE"];

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<(Regex Pattern, TaskCompletionSource<Match> Found)> _watches = [];
    private readonly Lock _gate = new();
    private readonly long _started = Stopwatch.GetTimestamp();

    private ChildProcess(Process process, string commandLine)
    {
        _process = process;
        _output.Append("> ").AppendLine(commandLine);
    }

    /// <summary>Everything the process printed so far, stdout and stderr interleaved as they arrived.</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Whether the process was seen to end (by itself or killed).</summary>
    public bool Ended { get; private set; }

    /// <summary>Starts <c>dotnet</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    public static ChildProcess StartDotNet(string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(DotNetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var name in InheritedBuildVariables)
        {
            info.Environment.Remove(name);
        }

        // No build server or reused MSBuild node may outlive the test: they would hold files in its temp folder and be
        // processes nobody ends.
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        info.Environment["UseSharedCompilation"] = "false";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            // Null unsets a variable the test process has.
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process, $"(in {workingDirectory}) dotnet {string.Join(' ', info.ArgumentList)}");
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs <c>dotnet</c> to the end; gives up (killing it) after <paramref name="limit"/>, which only guards against a hang.</summary>
    public static async Task<ProcessOutcome> RunDotNetAsync(
        string workingDirectory,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment,
        TimeSpan limit,
        CancellationToken cancellationToken)
    {
        await using var child = StartDotNet(workingDirectory, arguments, environment);
        return await child.WaitForExitAsync(limit, cancellationToken);
    }

    /// <summary>Waits for the process to end; after <paramref name="limit"/> it is killed and the outcome says so.</summary>
    public async Task<ProcessOutcome> WaitForExitAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        try
        {
            // Also waits until both redirected streams are read to the end, so Output is complete.
            await _process.WaitForExitAsync(deadline.Token);
            Ended = true;
            return new ProcessOutcome(_process.ExitCode, Output, Stopwatch.GetElapsedTime(_started));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await KillAsync();
            return new ProcessOutcome(-1, Output + $"{Environment.NewLine}(killed: still running after {limit})", Stopwatch.GetElapsedTime(_started));
        }
    }

    /// <summary>
    /// Waits for a line matching <paramref name="pattern"/> and returns its match; <see langword="null"/> when the
    /// process ends first or <paramref name="limit"/> passes.
    /// </summary>
    public async Task<Match?> WaitForLineAsync(Regex pattern, TimeSpan limit, CancellationToken cancellationToken)
    {
        var found = new TaskCompletionSource<Match>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            foreach (var line in _output.ToString().Split('\n'))
            {
                if (pattern.Match(line) is { Success: true } earlier)
                {
                    return earlier;
                }
            }

            _watches.Add((pattern, found));
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        var exited = _process.WaitForExitAsync(deadline.Token);
        try
        {
            var first = await Task.WhenAny(found.Task, exited);
            if (first == found.Task)
            {
                return await found.Task;
            }

            await exited;
            return found.Task.IsCompletedSuccessfully ? found.Task.Result : null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>Kills the process and every process it started, and waits until they are gone.</summary>
    public async Task KillAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It ended between the check and the kill.
        }

        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(grace.Token);
            Ended = true;
        }
        catch (OperationCanceledException)
        {
            // A process that survives a kill for 30 s is the OS's business; the test result stands.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _output.AppendLine(line);
            foreach (var (pattern, found) in _watches)
            {
                if (pattern.Match(line) is { Success: true } match)
                {
                    found.TrySetResult(match);
                }
            }
        }
    }

    // The host that runs these tests when started through the CLI; otherwise the dotnet on the PATH.
    private static string DotNetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
