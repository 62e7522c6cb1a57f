using System.Globalization;
using Returns.Sdk;

namespace Returns.Carriers.TableRate;

/// <summary>
/// The answer to one rating: the price, zone, band, billable weight and transit time, or why there is no rate.
/// A value, not an exception: check <see cref="IsRated"/> or <see cref="Outcome"/>.
/// </summary>
public readonly record struct RateResult
{
    private readonly string? _message;

    internal RateResult(RateOutcome outcome, string carrier, string service, RateCardService? definition, string? zone, RateBand? band, Weight? billableWeight, bool isDimensional, string? message)
    {
        Outcome = outcome;
        Carrier = carrier;
        Service = service;
        Definition = definition;
        Zone = zone;
        Band = band;
        BillableWeight = billableWeight;
        IsDimensionalWeight = isDimensional;
        _message = message;
    }

    /// <summary>Whether a price was found, or why not.</summary>
    public RateOutcome Outcome { get; }

    /// <summary>True when <see cref="Outcome"/> is <see cref="RateOutcome.Rated"/>; then <see cref="Price"/> and <see cref="Band"/> are set.</summary>
    public bool IsRated => Outcome == RateOutcome.Rated;

    /// <summary>The carrier asked for.</summary>
    public string Carrier { get; }

    /// <summary>The service asked for.</summary>
    public string Service { get; }

    /// <summary>The service's definition (methods, divisor, bands), unless it is unknown.</summary>
    public RateCardService? Definition { get; }

    /// <summary>The return methods the service offers; empty when the service is unknown.</summary>
    public IReadOnlyList<ReturnMethod> Methods => Definition?.Methods ?? [];

    /// <summary>The zone the parcel is in, when the zone chart has one.</summary>
    public string? Zone { get; }

    /// <summary>The band used: the lightest band the parcel fits whose bound is at least the billable weight (the cheapest, when several size classes fit).</summary>
    public RateBand? Band { get; }

    /// <summary>The price, when rated.</summary>
    public Money? Price => Band?.Price;

    /// <summary>The stated transit time of the band used, when the rate card gives one.</summary>
    public int? TransitDays => Band?.TransitDays;

    /// <summary>
    /// The weight charged: the actual weight, or the dimensional weight when the service has a divisor and that is higher
    /// (rounded up to the gram). <see langword="null"/> when the service or zone is unknown, or above one tonne.
    /// </summary>
    public Weight? BillableWeight { get; }

    /// <summary>True when the billable weight is the dimensional weight.</summary>
    public bool IsDimensionalWeight { get; }

    /// <summary>The outcome in words, e.g. <c>6.95 EUR for postnl/DomesticPakket in zone ZONE_NL: band up to 5000 g, billable 4 kg.</c></summary>
    public string Message => _message ?? Describe();

    private string Describe() =>
        Band is { } band
            ? string.Create(CultureInfo.InvariantCulture, $"{band.Price} for {Carrier}/{Service} in zone {Zone}: band up to {band.MaxWeight.Grams:0.###} g, billable {BillableWeight}{(IsDimensionalWeight ? " (dimensional)" : string.Empty)}.")
            : Outcome.ToString();
}
