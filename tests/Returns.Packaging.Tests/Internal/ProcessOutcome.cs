namespace Returns.Packaging.Tests.Internal;

/// <summary>How a finished process ended and what it printed.</summary>
/// <param name="ExitCode">The exit code; -1 when the test killed it.</param>
/// <param name="Output">Its standard output and error, interleaved.</param>
/// <param name="Elapsed">How long it ran.</param>
public sealed record ProcessOutcome(int ExitCode, string Output, TimeSpan Elapsed)
{
    // Build logs run to thousands of lines; the errors and the summary are at the end.
    private const int ShownCharacters = 24_000;

    public bool Succeeded => ExitCode == 0;

    /// <summary>The end of the output, short enough for an assertion message.</summary>
    public string Tail() => Shorten(Output);

    public static string Shorten(string output) =>
        output.Length <= ShownCharacters ? output : "…" + output[^ShownCharacters..];
}
