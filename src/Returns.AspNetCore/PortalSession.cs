namespace Returns.AspNetCore;

/// <summary>What a valid customer session token grants: access to one order of one customer until it expires.</summary>
/// <param name="OrderNumber">The only order the session may see or change.</param>
/// <param name="CustomerId">The customer who proved they placed it.</param>
/// <param name="ExpiresAt">When the session ends.</param>
/// <param name="KeyId">The id of the key that signed it.</param>
public sealed record PortalSession(string OrderNumber, string CustomerId, DateTimeOffset ExpiresAt, string KeyId);
