namespace Returns.AspNetCore;

/// <summary>What a valid signed link grants: one attachment of one return, at one path, until it expires.</summary>
/// <param name="Path">The path the link was signed for.</param>
/// <param name="Rma">The return merchandise authorisation number.</param>
/// <param name="AttachmentName">The attachment (e.g. <c>label.pdf</c>).</param>
/// <param name="ExpiresAt">When the link stops working.</param>
public sealed record SignedLink(string Path, string Rma, string AttachmentName, DateTimeOffset ExpiresAt);
