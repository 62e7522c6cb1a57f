namespace Returns.Cli.Output;

/// <summary>How a command prints its result.</summary>
internal enum OutputFormat
{
    /// <summary>Tables for people.</summary>
    Table,

    /// <summary>Indented, uncoloured JSON for scripts.</summary>
    Json,
}
