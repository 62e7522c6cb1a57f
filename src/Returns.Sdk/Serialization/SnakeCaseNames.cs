using System.Collections.Frozen;
using Returns.Sdk.Carriers;
using Returns.Sdk.Policy;

namespace Returns.Sdk.Serialization;

/// <summary>The stable snake_case spellings of the SDK's enums, as used in JSON documents, CSV files and CLI output.</summary>
public static class SnakeCaseNames
{
    // Indexed by TenderKind.
    private static readonly string[] TenderNames = ["card", "wallet", "gift_card", "store_credit", "bank_transfer", "cash", "other"];

    private static readonly string[] MethodNames = ["in_store", "post_office", "pickup_point", "parcel_locker", "mailbox", "home_pickup"];
    private static readonly string[] ChannelNames = ["web", "store", "marketplace"];
    private static readonly string[] KindNames = ["post_office", "parcel_locker", "pickup_point", "store", "mailbox"];

    private static readonly FrozenDictionary<string, ReturnMethod> MethodsByName =
        MethodNames.Select((name, i) => (name, method: (ReturnMethod)i)).ToFrozenDictionary(p => p.name, p => p.method, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, SalesChannel> ChannelsByName =
        ChannelNames.Select((name, i) => (name, channel: (SalesChannel)i)).ToFrozenDictionary(p => p.name, p => p.channel, StringComparer.Ordinal);

    /// <summary>Every return method's JSON spelling, in enum order.</summary>
    public static IReadOnlyList<string> ReturnMethods => MethodNames;

    /// <summary>Every sales channel's JSON spelling, in enum order.</summary>
    public static IReadOnlyList<string> SalesChannels => ChannelNames;

    /// <summary>Every drop-off kind's spelling (the <c>kind</c> column of location files), in enum order.</summary>
    public static IReadOnlyList<string> DropOffKinds => KindNames;

    /// <summary>The spelling of a drop-off kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>For example <c>parcel_locker</c>.</returns>
    public static string ToName(this DropOffKind kind) => KindNames[(int)kind];

    /// <summary>Parses a drop-off kind's spelling.</summary>
    /// <param name="name">For example <c>parcel_locker</c>.</param>
    /// <param name="kind">The kind, when known.</param>
    /// <param name="comparison">Exact by default; location files, written by hand, accept any case.</param>
    /// <returns>True when the name is known.</returns>
    public static bool TryParseDropOffKind(ReadOnlySpan<char> name, out DropOffKind kind, StringComparison comparison = StringComparison.Ordinal)
    {
        for (var i = 0; i < KindNames.Length; i++)
        {
            if (name.Equals(KindNames[i], comparison))
            {
                kind = (DropOffKind)i;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>The JSON spelling of a return method.</summary>
    /// <param name="method">The method.</param>
    /// <returns>For example <c>post_office</c>.</returns>
    public static string ToName(this ReturnMethod method) => MethodNames[(int)method];

    /// <summary>The JSON spelling of a sales channel.</summary>
    /// <param name="channel">The channel.</param>
    /// <returns>For example <c>web</c>.</returns>
    public static string ToName(this SalesChannel channel) => ChannelNames[(int)channel];

    /// <summary>Parses a return method's JSON spelling.</summary>
    /// <param name="name">For example <c>post_office</c>.</param>
    /// <param name="method">The method, when known.</param>
    /// <returns>True when the name is known.</returns>
    public static bool TryParseReturnMethod(string? name, out ReturnMethod method) =>
        MethodsByName.TryGetValue(name ?? string.Empty, out method);

    /// <summary>Parses a sales channel's JSON spelling.</summary>
    /// <param name="name">For example <c>web</c>.</param>
    /// <param name="channel">The channel, when known.</param>
    /// <returns>True when the name is known.</returns>
    public static bool TryParseSalesChannel(string? name, out SalesChannel channel) =>
        ChannelsByName.TryGetValue(name ?? string.Empty, out channel);

    /// <summary>The JSON spelling of a policy decision code.</summary>
    /// <param name="code">The code.</param>
    /// <returns>For example <c>window_expired</c>.</returns>
    public static string ToName(this PolicyDecisionCode code) => code switch
    {
        PolicyDecisionCode.WithinWindow => "within_window",
        PolicyDecisionCode.WithinSeasonalExtension => "within_seasonal_extension",
        PolicyDecisionCode.WithinEuWithdrawalPeriod => "within_eu_withdrawal_period",
        PolicyDecisionCode.SealMustBeUnbroken => "seal_must_be_unbroken",
        PolicyDecisionCode.NothingLeftToReturn => "nothing_left_to_return",
        PolicyDecisionCode.GiftCard => "gift_card",
        PolicyDecisionCode.Personalised => "personalised",
        PolicyDecisionCode.Hygiene => "hygiene",
        PolicyDecisionCode.Hazardous => "hazardous",
        PolicyDecisionCode.FinalSale => "final_sale",
        PolicyDecisionCode.ExcludedCategory => "excluded_category",
        PolicyDecisionCode.ExcludedSku => "excluded_sku",
        PolicyDecisionCode.WindowExpired => "window_expired",
        PolicyDecisionCode.QuantityExceedsReturnable => "quantity_exceeds_returnable",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown decision code."),
    };

    /// <summary>The JSON spelling of a window source.</summary>
    /// <param name="source">The source.</param>
    /// <returns>For example <c>eu_withdrawal</c>.</returns>
    public static string ToName(this WindowSource source) => source switch
    {
        WindowSource.Standard => "standard",
        WindowSource.Rule => "rule",
        WindowSource.SeasonalExtension => "seasonal_extension",
        WindowSource.EuWithdrawal => "eu_withdrawal",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown window source."),
    };

    /// <summary>Lists the refund types in a set by their JSON spellings.</summary>
    /// <param name="types">The set.</param>
    /// <returns>For example <c>["original_payment", "store_credit"]</c>.</returns>
    public static IReadOnlyList<string> ToNames(this RefundTypes types)
    {
        var names = new List<string>(3);
        if (types.HasFlag(RefundTypes.OriginalPayment))
        {
            names.Add("original_payment");
        }

        if (types.HasFlag(RefundTypes.StoreCredit))
        {
            names.Add("store_credit");
        }

        if (types.HasFlag(RefundTypes.Exchange))
        {
            names.Add("exchange");
        }

        return names;
    }

    /// <summary>Parses one refund type's JSON spelling.</summary>
    /// <param name="name">For example <c>store_credit</c>.</param>
    /// <param name="type">The type, when known.</param>
    /// <returns>True when the name is known.</returns>
    public static bool TryParseRefundType(string? name, out RefundTypes type)
    {
        type = name switch
        {
            "original_payment" => RefundTypes.OriginalPayment,
            "store_credit" => RefundTypes.StoreCredit,
            "exchange" => RefundTypes.Exchange,
            _ => RefundTypes.None,
        };
        return type != RefundTypes.None;
    }

    /// <summary>The JSON spelling of a tender kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>For example <c>gift_card</c>.</returns>
    public static string ToName(this TenderKind kind) => TenderNames[(int)kind];

    /// <summary>Parses a tender kind's JSON spelling.</summary>
    /// <param name="name">For example <c>gift_card</c>.</param>
    /// <param name="kind">The kind, when known.</param>
    /// <returns>True when the name is known.</returns>
    public static bool TryParseTenderKind(string? name, out TenderKind kind)
    {
        var index = Array.IndexOf(TenderNames, name);
        kind = index < 0 ? default : (TenderKind)index;
        return index >= 0;
    }
}
