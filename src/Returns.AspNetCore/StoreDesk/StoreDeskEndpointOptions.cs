namespace Returns.AspNetCore.StoreDesk;

/// <summary>
/// Who may use the store desk that <c>MapReturnsStoreDesk</c> maps, and which claims say where they work. Configure it
/// with <c>services.Configure&lt;StoreDeskEndpointOptions&gt;(o =&gt; …)</c> before the endpoints are mapped; it is read once,
/// when they are.
/// </summary>
public sealed class StoreDeskEndpointOptions
{
    /// <summary>The claim type <see cref="StoreIdClaimType"/> defaults to.</summary>
    public const string DefaultStoreIdClaimType = "returns:store";

    /// <summary>
    /// The authorization policy every desk page, asset and API call requires, by name; <see langword="null"/> (the default)
    /// uses the application's default policy. Whatever the policy, the signed-in associate also needs exactly one
    /// <see cref="StoreIdClaimType"/> claim and an id.
    /// </summary>
    public string? AuthorizationPolicy { get; set; }

    /// <summary>
    /// The claim that names the associate's store, e.g. <c>ST-AMS</c>. The desk acts for this store only; a request
    /// cannot name another. An associate without it, or with several, is refused (403). The associate's own id is the
    /// <c>ClaimTypes.NameIdentifier</c> claim, else the <c>ClaimTypes.Name</c> claim.
    /// </summary>
    public string StoreIdClaimType { get; set; } = DefaultStoreIdClaimType;
}
