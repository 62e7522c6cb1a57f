using Spectre.Console;

namespace Returns.Cli;

/// <summary>Where a command writes and which clock it reads; tests pass their own.</summary>
/// <param name="Console">Rich output (tables, colour) for people.</param>
/// <param name="Out">Plain standard output for machine-readable text such as JSON; never styled or wrapped.</param>
/// <param name="Error">Standard error: one line per problem, no stack traces.</param>
/// <param name="Time">The clock used when a command is not told an instant.</param>
internal sealed record CliContext(IAnsiConsole Console, TextWriter Out, TextWriter Error, TimeProvider Time)
{
    /// <summary>
    /// Whether standard output goes to a file or a pipe rather than a terminal. Live displays such as progress bars are
    /// never drawn then: their control sequences would end up in the file.
    /// </summary>
    public bool IsOutputRedirected { get; init; }
}
