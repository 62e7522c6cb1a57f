using System.Globalization;
using Returns.Carriers.TableRate;

namespace Returns.Carriers.DhlParcelDe;

/// <summary>
/// How to reach DHL Parcel Germany and what to charge: the three API roots, the credentials, the receiver id per
/// sender country and the rate card the adapter quotes from. Validated when the host starts.
/// </summary>
public sealed class DhlParcelDeOptions
{
    /// <summary>
    /// The root of the Parcel DE Returns API; production <c>https://api-eu.dhl.com/</c> by default, the sandbox is
    /// <c>https://api-sandbox.dhl.com/</c>. Https, or http on a loopback host only (fake servers in tests).
    /// </summary>
    public Uri BaseAddress { get; set; } = new("https://api-eu.dhl.com/");

    /// <summary>The root of the Location Finder - Unified API; <c>https://api.dhl.com/</c> by default.</summary>
    public Uri LocationFinderBaseAddress { get; set; } = new("https://api.dhl.com/");

    /// <summary>The root of the Shipment Tracking - Unified API; <c>https://api-eu.dhl.com/</c> by default.</summary>
    public Uri TrackingBaseAddress { get; set; } = new("https://api-eu.dhl.com/");

    /// <summary>
    /// The API key of the app on developer.dhl.com, sent as <c>dhl-api-key</c> (returns) and <c>DHL-API-Key</c>
    /// (locations, tracking). Required; never logged.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>The user of the Post &amp; DHL business customer portal (GKP) with the right to create returns. Required.</summary>
    public string? Username { get; set; }

    /// <summary>That user's password, sent with HTTP Basic to the returns API only. Required; never logged.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// The receiver id per sender country, as configured in the business customer portal (returns settings), e.g.
    /// <c>DE → deu</c>. Keys are ISO 3166-1 alpha-2 (<c>DE</c>) or alpha-3 (<c>DEU</c>, as DHL writes them); only
    /// countries listed here are served. At least one is required.
    /// </summary>
    public IDictionary<string, string> ReceiverIds { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The prices the adapter quotes from, because DHL has no rates API for returns: rows of carrier
    /// <c>dhl-parcel-de</c>, service <c>retoure</c> (see the rate card format). Required.
    /// </summary>
    public RateCard? RateCard { get; set; }

    /// <summary>The zone chart the rate card's zones come from (origin = the customer's country). Required.</summary>
    public ZoneMap? Zones { get; set; }

    /// <summary>Describes the options with every secret masked.</summary>
    /// <returns>The base addresses, whether each credential is set, and the configured sender countries.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"DhlParcelDeOptions {{ BaseAddress = {BaseAddress}, LocationFinderBaseAddress = {LocationFinderBaseAddress}, TrackingBaseAddress = {TrackingBaseAddress}, ApiKey = {Mask(ApiKey)}, Username = {Mask(Username)}, Password = {Mask(Password)}, ReceiverIds = [{string.Join(", ", ReceiverIds.Keys.Order(StringComparer.OrdinalIgnoreCase))}], RateCard = {(RateCard is null ? "(none)" : $"{RateCard.BandCount} bands")} }}");

    private static string Mask(string? secret) => string.IsNullOrEmpty(secret) ? "(not set)" : "***";
}
