namespace Returns.AspNetCore;

/// <summary>The outcome of validating a customer session token.</summary>
public enum PortalSessionStatus
{
    /// <summary>Signed by a configured key, not expired, bound to the order asked about.</summary>
    Valid,

    /// <summary>Not a session token at all: empty, too long, wrong shape or not base64url.</summary>
    Malformed,

    /// <summary>Names a signing key that is not configured (retired, or never ours).</summary>
    UnknownKey,

    /// <summary>The signature does not match: some part was changed.</summary>
    Tampered,

    /// <summary>Genuine, but its lifetime is over.</summary>
    Expired,

    /// <summary>Genuine and current, but bound to another order.</summary>
    OtherOrder,
}
