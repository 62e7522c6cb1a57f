namespace Returns.Sdk.Csv;

/// <summary>How a CSV file is read: what to call it in errors, what to do with bad rows, and where progress goes.</summary>
public record CsvReadOptions
{
    /// <summary>The defaults: fail fast, no progress.</summary>
    public static CsvReadOptions Default { get; } = new();

    /// <summary>The name of the input in error messages; for files, the path when not set.</summary>
    public string? Source { get; init; }

    /// <summary>Whether the first bad row throws or bad rows are skipped and reported.</summary>
    public CsvErrorHandling ErrorHandling { get; init; } = CsvErrorHandling.FailFast;

    /// <summary>
    /// With <see cref="CsvErrorHandling.SkipAndReport"/>, the most errors collected before reading gives up and throws
    /// them all (a file that is mostly wrong is the wrong file). At least 1.
    /// </summary>
    public int MaxErrors { get; init; } = 1000;

    /// <summary>Receives progress while reading, every <see cref="ProgressInterval"/> records and once at the end.</summary>
    public IProgress<CsvReadProgress>? Progress { get; init; }

    /// <summary>How many records between two progress reports. At least 1.</summary>
    public int ProgressInterval { get; init; } = 10_000;
}
