using Returns.Sdk;

namespace Returns.Carriers.Sendcloud;

/// <summary>
/// How to reach Sendcloud and which of its shipping options carry this retailer's returns. Validated when the host starts;
/// <see cref="ToString"/> never shows the keys.
/// </summary>
public sealed class SendcloudOptions
{
    /// <summary>The Sendcloud API v3 root; <c>https://panel.sendcloud.sc/api/v3/</c> by default.</summary>
    public Uri BaseAddress { get; set; } = new("https://panel.sendcloud.sc/api/v3/");

    /// <summary>The service point API v2 root; <c>https://servicepoints.sendcloud.sc/api/v2/</c> by default.</summary>
    public Uri ServicePointsBaseAddress { get; set; } = new("https://servicepoints.sendcloud.sc/api/v2/");

    /// <summary>The integration's public key, the user name of HTTP Basic authentication. Required.</summary>
    public string? PublicKey { get; set; }

    /// <summary>The integration's secret key, the password of HTTP Basic authentication. Required; never logged or shown.</summary>
    public string? SecretKey { get; set; }

    /// <summary>
    /// The Sendcloud shipping option codes offered for returns, e.g. <c>postnl:small/return</c>; each becomes one service
    /// whose network is the part before the first <c>:</c>. At least one, no duplicates. Find them with
    /// <c>POST /shipping-options</c> filtered by <c>functionalities.returns = true</c>.
    /// </summary>
    public IList<string> ShippingOptionCodes { get; } = [];

    /// <summary>
    /// How customers may hand the parcels of these options over; when left empty, drop-off at a post office, pickup point
    /// or locker (Sendcloud <c>drop_off_point</c>). List <see cref="ReturnMethod.HomePickup"/> (<c>pickup</c>) or
    /// <see cref="ReturnMethod.InStore"/> (<c>in_store</c>) only when the chosen options support them;
    /// <see cref="ReturnMethod.Mailbox"/> is not possible.
    /// </summary>
    /// <remarks>Empty by default so that binding a configuration list replaces the default rather than adding to it.</remarks>
    public IList<ReturnMethod> ReturnMethods { get; } = [];

    /// <summary>The id of a direct carrier contract to ship returns with (<c>ship_with.contract</c>), when not Sendcloud's own rates.</summary>
    public int? ContractId { get; set; }

    /// <summary>The Sendcloud brand the returns belong to (<c>brand_id</c>), when set.</summary>
    public int? BrandId { get; set; }

    /// <summary>Whether Sendcloud e-mails its own track-and-trace messages to the customer (<c>send_tracking_emails</c>); off by default.</summary>
    public bool SendTrackingEmails { get; set; }

    /// <summary>
    /// The country (ISO 3166-1 alpha-2) to search service points in when a query does not name one; the service point API
    /// needs a country.
    /// </summary>
    public string? DefaultServicePointCountry { get; set; }

    /// <summary>Describes the options without the keys.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"SendcloudOptions {{ BaseAddress = {BaseAddress}, ServicePointsBaseAddress = {ServicePointsBaseAddress}, PublicKey = {Mask(PublicKey)}, SecretKey = {Mask(SecretKey)}, ShippingOptionCodes = [{string.Join(", ", ShippingOptionCodes)}], ReturnMethods = [{string.Join(", ", ReturnMethods)}] }}";

    private static string Mask(string? secret) => string.IsNullOrEmpty(secret) ? "(not set)" : "(set)";
}
