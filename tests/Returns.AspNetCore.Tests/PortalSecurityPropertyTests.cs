using System.Text;
using FsCheck.Xunit;
using static Returns.AspNetCore.Tests.PortalSecurityFixtures;

namespace Returns.AspNetCore.Tests;

public sealed class PortalSecurityPropertyTests
{
    private static readonly PortalSessionTokens Tokens = new(Options(), Clock());
    private static readonly SignedLinks Links = new(Options(), Clock());

    [Property(MaxTest = 500)]
    public bool Validate_AnyToken_AnswersWithoutThrowingAndIsNotValid(string? token) =>
        !Tokens.Validate(token, "ORD-1").IsValid;

    [Property(MaxTest = 500)]
    public bool Validate_AnyThreePartToken_AnswersWithoutThrowingAndIsNotValid(string? payload, string? signature) =>
        !Tokens.Validate("k1." + payload + "." + signature, "ORD-1").IsValid;

    [Property(MaxTest = 500)]
    public bool Validate_AnyLink_AnswersWithoutThrowingAndIsNotValid(string? rma, string? expires, string? signature) =>
        !Links.Validate($"/l?rma={rma}&file=a.pdf&exp={expires}&kid=k1&sig={signature}").IsValid;

    [Property(MaxTest = 200)]
    public bool Validate_IssuedForAnyOrderAndCustomer_RoundTrips(string? orderNumber, string? customerId)
    {
        if (string.IsNullOrWhiteSpace(orderNumber) || string.IsNullOrWhiteSpace(customerId) || orderNumber.Length > 512 || customerId.Length > 512
            || !IsWellFormed(orderNumber) || !IsWellFormed(customerId))
        {
            return true;
        }

        var result = Tokens.Validate(Tokens.Issue(orderNumber, customerId), orderNumber);
        return result.IsValid && result.Session.CustomerId == customerId && result.Session.OrderNumber == orderNumber.Trim();
    }

    [Property(MaxTest = 200)]
    public bool Create_AnyRmaAndAttachment_RoundTrips(string? rma, string? attachmentName)
    {
        if (string.IsNullOrWhiteSpace(rma) || string.IsNullOrWhiteSpace(attachmentName) || rma.Length > 256 || attachmentName.Length > 256
            || !IsWellFormed(rma) || !IsWellFormed(attachmentName))
        {
            return true;
        }

        var result = Links.Validate(Links.Create("/returns/labels", rma, attachmentName));
        return result.IsValid && result.Link.Rma == rma && result.Link.AttachmentName == attachmentName;
    }

    // A lone surrogate cannot survive UTF-8 (it becomes U+FFFD), so such a value fails closed instead of round-tripping.
    private static bool IsWellFormed(string value) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(value)) == value;
}
