using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Returns.Cli.Commands;
using Spectre.Console;

namespace Returns.Cli;

/// <summary>The <c>returns</c> command line: builds the command tree, runs one invocation and maps failures to exit codes.</summary>
internal static class CliApp
{
    private const int RedirectedWidth = 240;

    /// <summary>Runs the command line against the process's console, standard streams and clock.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    public static Task<int> RunAsync(string[] args)
    {
        var console = AnsiConsole.Console;
        if (Console.IsOutputRedirected)
        {
            // A file or a pipe has no width; wrapping table rows at Spectre's fallback of 80 columns would only hurt grep.
            console.Profile.Width = RedirectedWidth;
        }

        var context = new CliContext(console, Console.Out, Console.Error, TimeProvider.System)
        {
            IsOutputRedirected = Console.IsOutputRedirected,
        };
        return RunAsync(args, context);
    }

    /// <summary>Runs the command line against the system clock.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="console">Where tables and other rich output go.</param>
    /// <param name="stdout">Where plain output (JSON, help) goes.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    public static Task<int> RunAsync(string[] args, IAnsiConsole console, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default) =>
        RunAsync(args, new CliContext(console, stdout, stderr, TimeProvider.System), cancellationToken);

    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="context">Where output goes and which clock to read.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);

        var parseResult = CreateRootCommand(context).Parse(args);
        var invocation = new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            EnableDefaultExceptionHandler = false,
        };

        if (parseResult.Action is ParseErrorAction parseError)
        {
            // Errors and a pointer to help on stderr; a page of help on stdout would pollute piped output.
            parseError.ShowHelp = false;
            await parseResult.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
            context.Error.WriteLine($"Run '{CommandPath(parseResult.CommandResult)} --help' for usage.");
            return ExitCodes.UsageError;
        }

        try
        {
            return await parseResult.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            return ErrorReporter.Report(exception, context.Error);
        }
    }

    /// <summary>Builds the command tree.</summary>
    /// <param name="context">Where the commands write and which clock they read.</param>
    /// <returns>The root command.</returns>
    public static RootCommand CreateRootCommand(CliContext context)
    {
        var root = new RootCommand("Returns from the terminal: check what may come back, on what terms, how it can come back and what it costs.");
        root.Add(PolicyCommands.Create(context));
        root.Add(PointsCommands.Create(context));
        root.Add(OptionsCommand.Create(context));
        root.Add(ForecastCommand.Create(context));
        root.Add(StoreReturnCommand.Create(context));
        root.Add(CreateReturnCommand.Create(context));
        return root;
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? current = result; current is not null; current = current.Parent)
        {
            if (current is CommandResult command)
            {
                names.Add(command.Command is RootCommand ? "returns" : command.Command.Name);
            }
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
