namespace Returns.AspNetCore;

/// <summary>
/// Settings of the customer portal: the keys that sign customer sessions and label links and how long each lives, the
/// shop pages allowed to embed the portal, and the lookup rate limit. Validated on start; error messages name the
/// setting, never a key.
/// </summary>
public sealed class ReturnsPortalOptions
{
    /// <summary>
    /// Signing keys by key id (1 to 32 letters, digits, <c>-</c> or <c>_</c>); each value is the base64 of at least 32
    /// random bytes. Keep the previous key here while rotating so tokens it signed still validate until they expire.
    /// </summary>
    public IDictionary<string, string> SigningKeys { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The id of the key that signs new tokens and links; may be left empty when exactly one key is configured.
    /// </summary>
    public string? CurrentSigningKeyId { get; set; }

    /// <summary>How long a customer session token is valid; 30 minutes unless set.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a signed label link is valid; 15 minutes unless set.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The origins of the shop pages that may embed the portal in an iframe, e.g. <c>https://shop.example</c> (scheme,
    /// host and optional port; no path). They become the Content-Security-Policy <c>frame-ancestors</c>, and the portal
    /// posts its height and the completed return only to one of them. Empty: the portal cannot be framed.
    /// </summary>
    public IList<string> HostOrigins { get; } = [];

    /// <summary>How many order lookups one client address may make per <see cref="LookupWindow"/>; 10 unless set.</summary>
    public int LookupsPerWindow { get; set; } = 10;

    /// <summary>The window of the lookup rate limit; one minute unless set.</summary>
    public TimeSpan LookupWindow { get; set; } = TimeSpan.FromMinutes(1);
}
