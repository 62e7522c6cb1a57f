using Returns.Sdk;
using Returns.Sdk.Csv;

namespace Returns.Carriers.TableRate;

/// <summary>How rate cards and zone charts are read from CSV.</summary>
public sealed record TableRateReadOptions : CsvReadOptions
{
    /// <summary>The defaults: fail fast, services offered at the post office unless the file says otherwise.</summary>
    public static new TableRateReadOptions Default { get; } = new();

    /// <summary>The return methods of a service whose rows do not say (no <c>methods</c> column, or an empty cell). At least one.</summary>
    public IReadOnlyList<ReturnMethod> DefaultMethods { get; init; } = [ReturnMethod.PostOffice];
}
