using Returns.Sdk.ReturnOptions;
using Returns.Sdk.ReturnOptions.Internal;

namespace Returns.Sdk.Forecast;

/// <summary>
/// When a parcel reaches the warehouse: the local date at the warehouse when the return is authorized, plus the days a
/// customer typically takes to hand it over with the chosen method (the option engine's <see cref="ReturnOptionSettings.HandoverDays"/>),
/// plus the carrier's transit in working days (Saturdays and Sundays do not count; public holidays are not modelled).
/// The same arithmetic the option engine shows the customer, so the warehouse plans for the date the customer was told.
/// </summary>
public sealed class ArrivalEstimator
{
    private readonly ReturnOptionSettings _settings;

    /// <summary>Creates an estimator.</summary>
    /// <param name="settings">The option engine's settings (hand-over days per method, default transit days).</param>
    public ArrivalEstimator(ReturnOptionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
    }

    /// <summary>Estimates the arrival.</summary>
    /// <param name="method">How the customer hands the parcel over.</param>
    /// <param name="transitDays">The carrier's transit in working days; <see langword="null"/> for the default (in-store returns use the transfer days).</param>
    /// <param name="authorizedAt">When the return was authorized.</param>
    /// <param name="warehouseTimeZone">The warehouse's time zone.</param>
    /// <returns>The local date at the warehouse.</returns>
    public DateOnly Estimate(ReturnMethod method, int? transitDays, DateTimeOffset authorizedAt, TimeZoneInfo warehouseTimeZone)
    {
        ArgumentNullException.ThrowIfNull(warehouseTimeZone);
        var today = AdvanceShippingNotice.LocalDate(authorizedAt, warehouseTimeZone);
        var handover = today.AddDays(_settings.HandoverDays.TryGetValue(method, out var days) ? days : 1);
        var transit = transitDays ?? (method == ReturnMethod.InStore ? _settings.InStoreTransferDays : _settings.DefaultTransitDays);
        ArgumentOutOfRangeException.ThrowIfNegative(transit, nameof(transitDays));
        return WorkingDays.Add(handover, transit);
    }
}
