namespace Returns.Carriers.Http;

/// <summary>What an adapter understood from a carrier's error body, for <see cref="CarrierHttpErrors.FromResponse"/>.</summary>
/// <param name="Code">The carrier's error code, e.g. <c>invalid_postcode</c>; kept only when it looks like a code (letters, digits, <c>_ . : -</c>, at most 64).</param>
/// <param name="Field">The request field at fault, e.g. <c>from.postcode</c>; same rule.</param>
/// <param name="IsAddressField">True when the adapter knows <paramref name="Field"/> is part of an address: a 400/422 then becomes an <c>InvalidAddressException</c>.</param>
/// <remarks>The carrier's free-text message is deliberately absent: it may repeat the customer's data.</remarks>
public sealed record CarrierErrorInfo(string? Code, string? Field = null, bool IsAddressField = false);
