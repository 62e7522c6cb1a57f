using Returns.Sdk.Parcels;

namespace Returns.Sdk.ReturnOptions;

/// <summary>The ranked return options, and the candidates that were left out with their reasons.</summary>
/// <param name="Options">The options, best first by <paramref name="Strategy"/>; empty when nothing may or can come back.</param>
/// <param name="Excluded">The candidates not offered, each with a reason code and message, in a stable order.</param>
/// <param name="Strategy">The name of the ranking used.</param>
/// <param name="At">The instant the options are for.</param>
public sealed record ReturnOptionResult(IReadOnlyList<ReturnOption> Options, IReadOnlyList<ExcludedOption> Excluded, string Strategy, DateTimeOffset At)
{
    /// <summary>The best option, when there is one.</summary>
    public ReturnOption? Best => Options.Count > 0 ? Options[0] : null;

    /// <summary>The parcel the options assume, when <see cref="ReturnOptionService"/> sized it.</summary>
    public ParcelEstimate? ParcelEstimate { get; init; }
}
