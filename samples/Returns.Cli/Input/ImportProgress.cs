using Returns.Cli.Output;
using Returns.Sdk.Csv;
using Spectre.Console;

namespace Returns.Cli.Input;

/// <summary>
/// Shows a progress bar while a large file is read, but only where someone watches a terminal: never when output is
/// redirected (the bar's control sequences would end up in the file) and never for JSON (standard output must stay
/// exactly the JSON document).
/// </summary>
internal static class ImportProgress
{
    /// <summary>Files above this size get a progress bar: smaller ones load before a bar could be seen (1 MiB).</summary>
    public const long LargeFileBytes = 1L << 20;

    /// <summary>Decides whether a file's import shows a progress bar.</summary>
    /// <param name="consoleIsInteractive">Whether the console is an interactive terminal.</param>
    /// <param name="outputIsRedirected">Whether standard output goes to a file or a pipe.</param>
    /// <param name="format">The output format asked for.</param>
    /// <param name="fileBytes">The file's size in bytes.</param>
    /// <returns>True when a progress bar should be shown.</returns>
    public static bool ShouldShow(bool consoleIsInteractive, bool outputIsRedirected, OutputFormat format, long fileBytes) =>
        consoleIsInteractive && !outputIsRedirected && format != OutputFormat.Json && fileBytes > LargeFileBytes;

    /// <summary>Reads a file, with a progress bar when <see cref="ShouldShow(bool, bool, OutputFormat, long)"/> says so.</summary>
    /// <typeparam name="T">What the file loads into.</typeparam>
    /// <param name="context">The console and whether output is redirected.</param>
    /// <param name="format">The output format asked for.</param>
    /// <param name="path">The file.</param>
    /// <param name="load">Reads the file, reporting to the progress it is given (none when no bar is shown).</param>
    /// <returns>What <paramref name="load"/> returned.</returns>
    public static async Task<T> RunAsync<T>(CliContext context, OutputFormat format, string path, Func<IProgress<CsvReadProgress>?, Task<T>> load)
    {
        if (!ShouldShow(context.Console.Profile.Capabilities.Interactive, context.IsOutputRedirected, format, SizeOf(path)))
        {
            return await load(null).ConfigureAwait(false);
        }

        return await context.Console.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(Markup.Escape($"Reading {Path.GetFileName(path)}"), maxValue: SizeOf(path));
                var value = await load(new ProgressTaskReporter(task)).ConfigureAwait(false);
                task.Value = task.MaxValue;
                return value;
            })
            .ConfigureAwait(false);
    }

    // A missing file is reported by the loader with its proper error; here it only means "no progress bar".
    private static long SizeOf(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? file.Length : 0;
    }

    // Progress<T> would post to the thread pool and could report out of order; a task's value can be set from any thread.
    private sealed class ProgressTaskReporter(ProgressTask task) : IProgress<CsvReadProgress>
    {
        public void Report(CsvReadProgress value)
        {
            if (value.TotalBytes is > 0 and { } total)
            {
                task.MaxValue = total;
            }

            task.Value = value.BytesRead;
        }
    }
}
