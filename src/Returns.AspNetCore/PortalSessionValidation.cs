using System.Diagnostics.CodeAnalysis;

namespace Returns.AspNetCore;

/// <summary>The outcome of <see cref="PortalSessionTokens.Validate"/>: a status, and the session when it is valid.</summary>
public sealed record PortalSessionValidation
{
    private PortalSessionValidation(PortalSessionStatus status, PortalSession? session)
    {
        Status = status;
        Session = session;
    }

    /// <summary>Why the token is or is not accepted.</summary>
    public PortalSessionStatus Status { get; }

    /// <summary>The session; only when <see cref="IsValid"/>.</summary>
    public PortalSession? Session { get; }

    /// <summary>True when the token may be used for the order asked about.</summary>
    [MemberNotNullWhen(true, nameof(Session))]
    public bool IsValid => Status == PortalSessionStatus.Valid && Session is not null;

    internal static PortalSessionValidation Valid(PortalSession session) => new(PortalSessionStatus.Valid, session);

    internal static PortalSessionValidation Rejected(PortalSessionStatus status) => new(status, null);
}
