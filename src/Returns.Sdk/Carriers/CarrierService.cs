namespace Returns.Sdk.Carriers;

/// <summary>One return service a carrier offers, with how it may be used.</summary>
public sealed record CarrierService
{
    /// <summary>Creates a service.</summary>
    /// <param name="code">The carrier's code for the service, unique within the adapter.</param>
    /// <param name="name">A name for people.</param>
    /// <param name="returnMethods">How the customer may hand the parcel over; at least one.</param>
    /// <param name="labelModes">How the customer may get the label; at least one.</param>
    /// <exception cref="ArgumentException">A value is blank or empty.</exception>
    public CarrierService(string code, string name, IReadOnlyList<ReturnMethod> returnMethods, LabelModes labelModes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(returnMethods);
        if (returnMethods.Count == 0)
        {
            throw new ArgumentException($"Service '{code}' needs at least one return method.", nameof(returnMethods));
        }

        if (labelModes == LabelModes.None)
        {
            throw new ArgumentException($"Service '{code}' needs at least one label mode.", nameof(labelModes));
        }

        Code = code;
        Name = name;
        ReturnMethods = [.. returnMethods.Distinct()];
        LabelModes = labelModes;
    }

    /// <summary>The carrier's code for the service.</summary>
    public string Code { get; }

    /// <summary>A name for people.</summary>
    public string Name { get; }

    /// <summary>How the customer may hand the parcel over.</summary>
    public IReadOnlyList<ReturnMethod> ReturnMethods { get; }

    /// <summary>
    /// The carrier network whose drop-off points take this service's parcels, as spelled in location catalogs
    /// (e.g. <c>postnl</c>); <see langword="null"/> when it is the adapter's own <see cref="CarrierAdapter.CarrierId"/>.
    /// An aggregator or the table-rate carrier reaches several networks through one adapter.
    /// </summary>
    public string? Network { get; init; }

    /// <summary>How the customer may get the label.</summary>
    public LabelModes LabelModes { get; }

    /// <summary>The largest parcel accepted.</summary>
    public ParcelLimits Limits { get; init; } = ParcelLimits.None;

    /// <summary>Where returns may start.</summary>
    public ServiceArea Area { get; init; } = ServiceArea.Worldwide;

    /// <summary>The printed-label formats the service produces.</summary>
    public IReadOnlyList<LabelDocumentFormat> LabelFormats { get; init; } = [LabelDocumentFormat.Pdf];
}
