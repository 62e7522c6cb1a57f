using System.Diagnostics.CodeAnalysis;

namespace Returns.AspNetCore;

/// <summary>
/// The answer to an order lookup. Every failure is the one <see cref="NotFound"/> instance, so a caller cannot tell a
/// wrong order number from a wrong e-mail address or postcode.
/// </summary>
public sealed record OrderLookupResult
{
    private OrderLookupResult(string? orderNumber, string? sessionToken)
    {
        OrderNumber = orderNumber;
        SessionToken = sessionToken;
    }

    /// <summary>The one answer for every failed lookup, whatever the reason.</summary>
    public static OrderLookupResult NotFound { get; } = new(null, null);

    /// <summary>True when the order exists and the proof matched it.</summary>
    [MemberNotNullWhen(true, nameof(OrderNumber), nameof(SessionToken))]
    public bool Found => SessionToken is not null;

    /// <summary>The order number as the order source spells it; only when <see cref="Found"/>.</summary>
    public string? OrderNumber { get; }

    /// <summary>A session token bound to that order; only when <see cref="Found"/>.</summary>
    public string? SessionToken { get; }

    internal static OrderLookupResult Success(string orderNumber, string sessionToken) => new(orderNumber, sessionToken);
}
