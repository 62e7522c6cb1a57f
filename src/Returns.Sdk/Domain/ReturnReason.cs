using System.Buffers;

namespace Returns.Sdk;

/// <summary>Whose side a return reason falls on; policies waive fees when the retailer or carrier is at fault.</summary>
public enum ReturnFault
{
    /// <summary>The customer's choice (size, taste, second thoughts).</summary>
    Customer,

    /// <summary>The retailer's fault (defect, wrong item, not as described, late).</summary>
    Retailer,

    /// <summary>Damage or loss in transit.</summary>
    Carrier,
}

/// <summary>
/// A reason a customer gives for a return: a stable snake_case code, who is at fault, and whether a free-text
/// comment is required. The standard taxonomy is below; retailers add their own through <see cref="ReturnReasonTaxonomy"/>.
/// </summary>
public sealed record ReturnReason
{
    private static readonly SearchValues<char> CodeChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789_");

    /// <summary>Defines a reason.</summary>
    /// <param name="code">A snake_case code: lower-case letters, digits and underscores, starting with a letter, at most 64 characters.</param>
    /// <param name="fault">Whose side the reason falls on.</param>
    /// <param name="requiresComment">True when the customer must describe the reason in words.</param>
    /// <exception cref="ArgumentException">The code is not snake_case.</exception>
    public ReturnReason(string code, ReturnFault fault, bool requiresComment = false)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length is 0 or > 64 || !char.IsAsciiLetterLower(code[0]) || code.AsSpan().ContainsAnyExcept(CodeChars))
        {
            throw new ArgumentException($"Reason code '{code}' must be snake_case: a lower-case letter, then lower-case letters, digits or underscores, at most 64 characters.", nameof(code));
        }

        if (!Enum.IsDefined(fault))
        {
            throw new ArgumentOutOfRangeException(nameof(fault), fault, "Unknown fault.");
        }

        Code = code;
        Fault = fault;
        RequiresComment = requiresComment;
    }

    /// <summary>The item is too small.</summary>
    public static ReturnReason TooSmall { get; } = new("too_small", ReturnFault.Customer);

    /// <summary>The item is too large.</summary>
    public static ReturnReason TooLarge { get; } = new("too_large", ReturnFault.Customer);

    /// <summary>The item differs from its description or pictures.</summary>
    public static ReturnReason NotAsDescribed { get; } = new("not_as_described", ReturnFault.Retailer);

    /// <summary>The item does not work or has a manufacturing fault.</summary>
    public static ReturnReason Defective { get; } = new("defective", ReturnFault.Retailer);

    /// <summary>The item arrived damaged.</summary>
    public static ReturnReason DamagedInTransit { get; } = new("damaged_in_transit", ReturnFault.Carrier);

    /// <summary>A different item was sent.</summary>
    public static ReturnReason WrongItemSent { get; } = new("wrong_item_sent", ReturnFault.Retailer);

    /// <summary>The order arrived too late to be of use.</summary>
    public static ReturnReason ArrivedLate { get; } = new("arrived_late", ReturnFault.Retailer);

    /// <summary>The customer no longer wants the item.</summary>
    public static ReturnReason ChangedMind { get; } = new("changed_mind", ReturnFault.Customer);

    /// <summary>The customer found the item cheaper elsewhere.</summary>
    public static ReturnReason BetterPriceFound { get; } = new("better_price_found", ReturnFault.Customer);

    /// <summary>Any other reason, described in words.</summary>
    public static ReturnReason Other { get; } = new("other", ReturnFault.Customer, requiresComment: true);

    /// <summary>The standard reasons, in the order a portal lists them.</summary>
    public static IReadOnlyList<ReturnReason> Standard { get; } =
        [TooSmall, TooLarge, NotAsDescribed, Defective, DamagedInTransit, WrongItemSent, ArrivedLate, ChangedMind, BetterPriceFound, Other];

    /// <summary>The stable snake_case code.</summary>
    public string Code { get; }

    /// <summary>Whose side the reason falls on.</summary>
    public ReturnFault Fault { get; }

    /// <summary>True when the customer must add a comment.</summary>
    public bool RequiresComment { get; }

    /// <summary>The code.</summary>
    /// <returns>The code.</returns>
    public override string ToString() => Code;
}
