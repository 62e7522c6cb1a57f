namespace Returns.Cli;

/// <summary>The process exit codes every command uses.</summary>
internal static class ExitCodes
{
    /// <summary>The command did its job.</summary>
    public const int Success = 0;

    /// <summary>Something unexpected failed; a bug or an environment problem, not the user's input.</summary>
    public const int Failure = 1;

    /// <summary>The input was rejected: a bad option, an unknown command, a missing or invalid file.</summary>
    public const int UsageError = 2;

    /// <summary>The user cancelled (Ctrl+C), following the shell's 128 + SIGINT convention.</summary>
    public const int Cancelled = 130;
}
