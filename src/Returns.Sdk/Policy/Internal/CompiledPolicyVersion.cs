using System.Collections.Frozen;
using Returns.Sdk.Refunds;

namespace Returns.Sdk.Policy.Internal;

// One policy version turned into lookup structures; immutable and shared by every evaluation.
internal sealed class CompiledPolicyVersion
{
    public required ReturnPolicyVersion Info { get; init; }

    public required LocalCalendar Calendar { get; init; }

    public required int WindowDays { get; init; }

    public required WindowRule[] WindowRules { get; init; }

    public required SeasonalExtension[] SeasonalExtensions { get; init; }

    public required bool ExcludeFinalSale { get; init; }

    public required bool ExcludeHygiene { get; init; }

    public required bool ExcludePersonalised { get; init; }

    public required bool ExcludeHazardous { get; init; }

    public required bool ExcludeGiftCards { get; init; }

    public required FrozenSet<string> ExcludedSkus { get; init; }

    public required FrozenDictionary<string, CategoryProfile> Categories { get; init; }

    public required CategoryProfile OtherCategories { get; init; }

    public required RestockingRule[] RestockingRules { get; init; }

    public required RefundRule[] RefundRules { get; init; }

    public required RefundTypes AllowedRefunds { get; init; }

    public required decimal StoreCreditBonusPercent { get; init; }

    public required RefundTiming RefundTiming { get; init; }

    public required string[] InstantRefundTiers { get; init; }

    public required OriginalShippingRefund OriginalShipping { get; init; }

    public required TenderKind[] TenderOrder { get; init; }

    public required RefundTypes PreferredRefund { get; init; }

    public required FrozenSet<string> FeeWaivingReasons { get; init; }

    public required int FeeWaivingFaultMask { get; init; }

    public required bool EuWithdrawal { get; init; }

    public required CurrencyTerms[] Terms { get; init; }

    public required ReturnMethod[] MethodFees { get; init; }

    public required decimal? KeepItRecoveryRate { get; init; }

    public CategoryProfile ProfileFor(string category) =>
        Categories.TryGetValue(category, out var profile) ? profile : OtherCategories;

    public CurrencyTerms? TermsFor(Currency currency)
    {
        foreach (var terms in Terms)
        {
            if (terms.Currency == currency)
            {
                return terms;
            }
        }

        return null;
    }

    public bool WaivesFees(ReturnReason? reason) =>
        reason is not null && (FeeWaivingReasons.Contains(reason.Code) || (FeeWaivingFaultMask & (1 << (int)reason.Fault)) != 0);

    public MethodFee? FeeFor(ReturnMethod method, Currency currency, Money restockingFees, bool waived)
    {
        if (TermsFor(currency) is not { } terms || (uint)method >= (uint)terms.MethodFees.Length || terms.MethodFees[(int)method] is not { } amount)
        {
            return null;
        }

        var methodFee = new Money(waived ? 0m : amount, currency);
        var total = methodFee + restockingFees;
        var capped = terms.Cap is { } cap && total.Amount > cap;
        if (capped)
        {
            total = new Money(terms.Cap!.Value, currency);
        }

        return new MethodFee(method, methodFee, restockingFees, total, waived && amount > 0m, capped);
    }
}
