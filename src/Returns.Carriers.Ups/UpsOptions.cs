namespace Returns.Carriers.Ups;

/// <summary>
/// How to reach UPS: the API root, the OAuth client credentials, the account that pays for return labels and the API
/// versions called. Validated when the host starts; the client secret is never logged, echoed or printed.
/// </summary>
public sealed class UpsOptions
{
    /// <summary>The API root; UPS production (<c>https://onlinetools.ups.com/</c>) by default. The test (CIE) root is <c>https://wwwcie.ups.com/</c>.</summary>
    public Uri BaseAddress { get; set; } = new("https://onlinetools.ups.com/");

    /// <summary>The OAuth client id of the UPS developer app. Required.</summary>
    public string? ClientId { get; set; }

    /// <summary>The OAuth client secret of the UPS developer app. Required; a secret, never logged or shown.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// The six-character UPS account (shipper) number that pays for return labels; sent as <c>ShipperNumber</c>, as the
    /// billed account and as the <c>x-merchant-id</c> of token requests. Required.
    /// </summary>
    public string? AccountNumber { get; set; }

    /// <summary>The Shipping API version in the URL (<c>/api/shipments/{version}/ship</c>); <c>v2409</c> by default.</summary>
    public string ShippingVersion { get; set; } = "v2409";

    /// <summary>The Rating API version in the URL (<c>/api/rating/{version}/Shop</c>); <c>v2409</c> by default.</summary>
    public string RatingVersion { get; set; } = "v2409";

    /// <summary>The Locator API version in the URL (<c>/api/locations/{version}/search/availabilities/64</c>); <c>v3</c> by default.</summary>
    public string LocatorVersion { get; set; } = "v3";

    /// <summary>The Label Recovery API version in the URL (<c>/api/labels/{version}/recovery</c>); <c>v1</c> by default.</summary>
    public string LabelRecoveryVersion { get; set; } = "v1";

    /// <summary>The <c>transactionSrc</c> header naming this application to UPS; at most 512 characters.</summary>
    public string TransactionSource { get; set; } = "Returns.Sdk";

    /// <summary>The locale of drop-off point searches and tracking descriptions, e.g. <c>en_US</c> or <c>nl_NL</c>.</summary>
    public string Locale { get; set; } = "en_US";

    /// <summary>How long before its expiry an access token is replaced; 0 to 1 hour, 5 minutes by default.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Whether every label purchase first asks UPS's Label Recovery for a label already bought under the same
    /// idempotency key. Off by default, when that lookup is made only after an earlier attempt with the same key ended
    /// without an answer in this process; turn it on when several instances may retry each other's purchases.
    /// </summary>
    public bool LookUpBeforeEveryCreate { get; set; }

    /// <summary>The settings without the client secret.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() =>
        $"UpsOptions {{ BaseAddress = {BaseAddress}, ClientId = {ClientId}, ClientSecret = {(string.IsNullOrEmpty(ClientSecret) ? "(not set)" : "***")}, AccountNumber = {AccountNumber}, ShippingVersion = {ShippingVersion}, RatingVersion = {RatingVersion}, LocatorVersion = {LocatorVersion} }}";
}
