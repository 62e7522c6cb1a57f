using Returns.Sdk.Refunds;

namespace Returns.Sdk.Policy;

/// <summary>The policy's answer for an order: a decision per line, fees per return method, refund types and keep-it.</summary>
public sealed class PolicyEvaluation
{
    private readonly Internal.CompiledPolicyVersion _version;
    private readonly LineDecision[] _lines;

    internal PolicyEvaluation(Internal.CompiledPolicyVersion version, DateTimeOffset evaluatedAt, Currency currency, LineDecision[] lines, Money restockingFees, bool feesWaived, bool keepIt)
    {
        _version = version;
        _lines = lines;
        EvaluatedAt = evaluatedAt;
        Currency = currency;
        RestockingFees = restockingFees;
        FeesWaived = feesWaived;
        KeepIt = keepIt;
    }

    /// <summary>The policy version that was in force when the order was placed.</summary>
    public string PolicyVersion => _version.Info.Version;

    /// <summary>The instant the order was judged at.</summary>
    public DateTimeOffset EvaluatedAt { get; }

    /// <summary>The order's currency, in which every fee is stated.</summary>
    public Currency Currency { get; }

    /// <summary>One decision per order line, in order-line order.</summary>
    public IReadOnlyList<LineDecision> Lines => _lines;

    /// <summary>True when at least one line may come back.</summary>
    public bool IsReturnable => Array.Exists(_lines, l => l.IsReturnable);

    /// <summary>The sum of the returnable lines' restocking fees.</summary>
    public Money RestockingFees { get; }

    /// <summary>True when a requested line's reason waives the method fees.</summary>
    public bool FeesWaived { get; }

    /// <summary>
    /// True when the retailer refunds without asking for the items back: recovering them would cost more than they are worth.
    /// </summary>
    public bool KeepIt { get; }

    /// <summary>The store-credit bonus the policy grants, in percent.</summary>
    public decimal StoreCreditBonusPercent => _version.StoreCreditBonusPercent;

    /// <summary>
    /// The policy's refund rules for this customer: timing (instant when the customer's tier is trusted), when original
    /// shipping is refunded (always for a whole order withdrawn under the EU right of withdrawal), tender order and the
    /// preferred resolution.
    /// </summary>
    /// <remarks>Built on first read: most evaluations (the option engine's, the portal's eligibility check) never need it.</remarks>
    public RefundTerms Refunds => field ??= new RefundTerms
    {
        Timing = _version.RefundTiming,
        Instant = CustomerTier is { } tier && _version.InstantRefundTiers.Contains(tier, StringComparer.OrdinalIgnoreCase),
        // The Consumer Rights Directive (art. 13) refunds standard delivery when the whole order is withdrawn.
        OriginalShipping = _version.OriginalShipping | (EuWithdrawalOpen ? OriginalShippingRefund.WholeOrder : OriginalShippingRefund.None),
        TenderOrder = _version.TenderOrder,
        Preferred = _version.PreferredRefund,
    };

    internal string? CustomerTier { get; init; }

    internal bool EuWithdrawalOpen { get; init; }

    /// <summary>The return methods the policy allows, with what each costs the customer.</summary>
    public IReadOnlyList<MethodFee> MethodFees
    {
        get
        {
            var fees = new List<MethodFee>(_version.MethodFees.Length);
            foreach (var method in Enum.GetValues<ReturnMethod>())
            {
                if (FeeFor(method) is { } fee)
                {
                    fees.Add(fee);
                }
            }

            return fees;
        }
    }

    /// <summary>What a return by one method costs the customer.</summary>
    /// <param name="method">The method.</param>
    /// <returns>The fee, or <see langword="null"/> when the policy does not allow the method.</returns>
    public MethodFee? FeeFor(ReturnMethod method) => _version.FeeFor(method, Currency, RestockingFees, FeesWaived);
}
