namespace Returns.AspNetCore;

/// <summary>The outcome of validating a signed label link.</summary>
public enum SignedLinkStatus
{
    /// <summary>Signed by a configured key and not expired.</summary>
    Valid,

    /// <summary>Not a signed link: empty, too long, a parameter missing or repeated, or not base64url.</summary>
    Malformed,

    /// <summary>Names a signing key that is not configured (retired, or never ours).</summary>
    UnknownKey,

    /// <summary>The signature does not match: the path or a parameter was changed.</summary>
    Tampered,

    /// <summary>Genuine, but its lifetime is over.</summary>
    Expired,
}
