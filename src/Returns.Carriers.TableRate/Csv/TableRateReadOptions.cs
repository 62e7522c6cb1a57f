using Returns.Sdk;

namespace Returns.Carriers.TableRate;

/// <summary>How rate cards and zone charts are read from CSV.</summary>
public sealed record TableRateReadOptions
{
    /// <summary>The defaults: fail fast, services offered at the post office unless the file says otherwise.</summary>
    public static TableRateReadOptions Default { get; } = new();

    /// <summary>The name of the input in error messages; for files, the path when not set.</summary>
    public string? Source { get; init; }

    /// <summary>Whether the first bad row throws or bad rows are skipped and reported.</summary>
    public CsvErrorHandling ErrorHandling { get; init; } = CsvErrorHandling.FailFast;

    /// <summary>
    /// With <see cref="CsvErrorHandling.SkipAndReport"/>, the most errors collected before reading gives up and throws
    /// them all (a file that is mostly wrong is the wrong file). At least 1.
    /// </summary>
    public int MaxErrors { get; init; } = 1000;

    /// <summary>The return methods of a service whose rows do not say (no <c>methods</c> column, or an empty cell). At least one.</summary>
    public IReadOnlyList<ReturnMethod> DefaultMethods { get; init; } = [ReturnMethod.PostOffice];

    /// <summary>Receives progress while reading, every <see cref="ProgressInterval"/> records and once at the end.</summary>
    public IProgress<CsvReadProgress>? Progress { get; init; }

    /// <summary>How many records between two progress reports. At least 1.</summary>
    public int ProgressInterval { get; init; } = 10_000;
}
