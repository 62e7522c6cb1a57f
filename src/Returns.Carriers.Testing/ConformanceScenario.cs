using Returns.Sdk;
using Returns.Sdk.Carriers;

namespace Returns.Carriers.Testing;

/// <summary>
/// What the conformance kit exercises an adapter with: a parcel and two addresses the adapter serves, a place to look
/// for drop-off points, and optional probes that make the adapter fail in known ways.
/// </summary>
/// <param name="Parcel">A parcel every declared service can carry.</param>
/// <param name="From">A customer address the adapter serves.</param>
/// <param name="To">The warehouse address.</param>
public sealed record ConformanceScenario(Parcel Parcel, Address From, Address To)
{
    /// <summary>Where to look for drop-off points (checked when the adapter declares them).</summary>
    public GeoPoint? DropOffSearchCentre { get; init; }

    /// <summary>How far to look for drop-off points, in kilometres.</summary>
    public double DropOffSearchRadiusKm { get; init; } = 10d;

    /// <summary>True when the adapter must quote at least one rate for the scenario's parcel.</summary>
    public bool ExpectQuotes { get; init; } = true;

    /// <summary>How long any single call may take before the kit calls it hung.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Reads the tracking barcode off a label (for example with a barcode library in the partner's test project);
    /// when set, the kit checks that every printed label's barcode holds the shipment's tracking number.
    /// </summary>
    public Func<LabelDocument, string?>? LabelBarcodeReader { get; init; }

    /// <summary>Calls that must fail with a <see cref="CarrierException"/> of the stated transience.</summary>
    public IReadOnlyList<FaultProbe> FaultProbes { get; init; } = [];
}

/// <summary>A call that must fail with a <see cref="CarrierException"/>.</summary>
/// <param name="Name">What the probe provokes, e.g. <c>503 from the rating endpoint</c>.</param>
/// <param name="Provoke">Makes the adapter fail (typically after arranging the fake carrier server to answer with an error).</param>
/// <param name="ExpectTransient">Whether the failure must be typed as transient.</param>
public sealed record FaultProbe(string Name, Func<CarrierAdapter, CancellationToken, Task> Provoke, bool ExpectTransient);
