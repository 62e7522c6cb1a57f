using System.Diagnostics.CodeAnalysis;

namespace Returns.AspNetCore;

/// <summary>The outcome of <see cref="SignedLinks.Validate"/>: a status, and the link when it is valid.</summary>
public sealed record SignedLinkValidation
{
    private SignedLinkValidation(SignedLinkStatus status, SignedLink? link)
    {
        Status = status;
        Link = link;
    }

    /// <summary>Why the link is or is not accepted.</summary>
    public SignedLinkStatus Status { get; }

    /// <summary>The link's signed values; only when <see cref="IsValid"/>.</summary>
    public SignedLink? Link { get; }

    /// <summary>True when the attachment may be served.</summary>
    [MemberNotNullWhen(true, nameof(Link))]
    public bool IsValid => Status == SignedLinkStatus.Valid && Link is not null;

    internal static SignedLinkValidation Valid(SignedLink link) => new(SignedLinkStatus.Valid, link);

    internal static SignedLinkValidation Rejected(SignedLinkStatus status) => new(status, null);
}
