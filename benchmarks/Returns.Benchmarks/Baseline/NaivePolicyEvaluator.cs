using System.Globalization;
using System.Text.Json;
using Returns.Sdk;
using Returns.Sdk.Policy;
using Returns.Sdk.Policy.Internal;
using Returns.Sdk.Serialization;

namespace Returns.Benchmarks.Baseline;

/// <summary>
/// The policy rules implemented the way a first attempt would: the parsed rules stay lists, every line scans every
/// rule with LINQ, windows are converted through the time zone per line, and explanations are built eagerly.
/// It is the baseline the compiled engine is measured against; it returns the same decisions for the benchmark order.
/// </summary>
public sealed class NaivePolicyEvaluator
{
    private const int EuWithdrawalDays = 14;

    private readonly NaivePolicy _policy;

    private NaivePolicyEvaluator(NaivePolicy policy) => _policy = policy;

    /// <summary>Reads the policy's first version from a policy document (validation is the SDK's job; this trusts it).</summary>
    public static NaivePolicyEvaluator Load(string json)
    {
        var document = JsonSerializer.Deserialize(json, Returns.Sdk.Serialization.Internal.DocumentJsonContext.Default.PolicyDocumentDto)!;
        var dto = document.Versions![0]!;
        var policy = new NaivePolicy
        {
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById(dto.TimeZone ?? "UTC"),
            WindowDays = dto.Window!.Days!.Value,
            EuWithdrawal = dto.Jurisdictions?.Contains("eu_withdrawal") ?? false,
            WindowRules = dto.WindowRules?.Select(r => new NaiveWindowRule(r!.Name!, Condition(r.When), r.Days!.Value)).ToList() ?? [],
            SeasonalExtensions = dto.SeasonalExtensions?.Select(e => new NaiveSeasonalExtension(e!.Name!, e.PurchasedFrom!.Value, e.PurchasedTo!.Value, e.ReturnUntil!.Value)).ToList() ?? [],
            ExcludeFinalSale = dto.Exclusions?.FinalSale ?? false,
            ExcludeHygiene = dto.Exclusions?.Hygiene ?? false,
            ExcludePersonalised = dto.Exclusions?.Personalised ?? false,
            ExcludeHazardous = dto.Exclusions?.Hazardous ?? false,
            ExcludeGiftCards = dto.Exclusions?.GiftCards ?? false,
            ExcludedCategories = List(dto.Exclusions?.Categories) ?? [],
            ExcludedSkus = List(dto.Exclusions?.Skus) ?? [],
            WaivedForReasons = List(dto.Fees?.WaivedForReasons) ?? [],
            WaivedForFaults = List(dto.Fees?.WaivedForFaults) ?? [],
            RestockingRules = dto.Fees?.Restocking?.Select(r => new NaiveRestockingRule(r!.Name!, Condition(r.When), r.Percent!.Value)).ToList() ?? [],
            AllowedRefunds = List(dto.Refunds?.Allowed) ?? ["original_payment"],
            RefundRules = dto.Refunds?.Rules?.Select(r => new NaiveRefundRule(r!.Name!, Condition(r.When), List(r.Allowed)!)).ToList() ?? [],
            KeepItRecoveryRate = dto.KeepIt?.RecoveryRatePercent / 100m,
            KeepItMaxItemValue = dto.KeepIt?.MaxItemValue,
            KeepItAssumedReturnCost = dto.KeepIt?.AssumedReturnCost,
        };
        return new NaivePolicyEvaluator(policy);
    }

    /// <summary>Judges a request the straightforward way.</summary>
    public NaiveEvaluation Evaluate(PolicyEvaluationRequest request)
    {
        var order = request.Order;
        var at = request.At ?? DateTimeOffset.UtcNow;
        Validate(request);

        var euApplies = _policy.EuWithdrawal && order.Channel != SalesChannel.Store && order.ShippingAddress != null && order.ShippingAddress.Country.IsEea;
        DateTimeOffset? euEnd = null;
        if (euApplies && order.DeliveredAt != null)
        {
            euEnd = EndOfWindow(order.DeliveredAt.Value, EuWithdrawalDays);
        }

        var euOpen = euApplies && (euEnd == null || at < euEnd);
        var euMessage = euEnd == null
            ? "Returnable under the EU right of withdrawal: the 14 days start at delivery."
            : $"Returnable under the EU right of withdrawal (14 days from delivery), until {Format(euEnd)}.";
        var basis = order.DeliveredAt ?? order.PlacedAt;
        var basisText = order.DeliveredAt != null ? "delivery" : "the order date (not yet delivered)";

        var decisions = new List<NaiveLineDecision>();
        var restockingTotal = 0m;
        var feesWaived = false;
        var recoverable = 0m;
        var anyToReturn = false;
        var allWithinKeepItValue = true;
        foreach (var line in order.Lines)
        {
            var requested = request.Items?.FirstOrDefault(i => i.LineId == line.LineId);
            var alreadyReturned = request.AlreadyReturned != null && request.AlreadyReturned.TryGetValue(line.LineId, out var r) ? r : 0;
            var returnable = line.Quantity - alreadyReturned;

            // The window: the first matching rule, else the standard window; then any seasonal extension that runs longer.
            var windowRule = _policy.WindowRules.FirstOrDefault(rule => Matches(rule.When, order, line));
            var days = windowRule?.Days ?? _policy.WindowDays;
            DateTimeOffset? deadline = EndOfWindow(basis, days);
            var ruleName = windowRule?.Name;
            var windowCode = PolicyDecisionCode.WithinWindow;
            var purchaseDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(order.PlacedAt, _policy.TimeZone).DateTime);
            foreach (var extension in _policy.SeasonalExtensions.Where(e => purchaseDate >= e.PurchasedFrom && purchaseDate <= e.PurchasedTo))
            {
                var endsAt = StartOfDay(extension.ReturnUntil.AddDays(1));
                if (endsAt > deadline)
                {
                    deadline = endsAt;
                    ruleName = extension.Name;
                    windowCode = PolicyDecisionCode.WithinSeasonalExtension;
                }
            }

            PolicyDecisionCode code;
            string message;
            var isReturnable = true;
            var exclusion = Exclusion(line);
            if (returnable <= 0)
            {
                code = PolicyDecisionCode.NothingLeftToReturn;
                message = "Not returnable: every unit bought has already been returned.";
                isReturnable = false;
            }
            else if (exclusion != null)
            {
                var overriddenByEu = exclusion is PolicyDecisionCode.FinalSale or PolicyDecisionCode.Hazardous or PolicyDecisionCode.ExcludedCategory or PolicyDecisionCode.ExcludedSku;
                if (euOpen && overriddenByEu)
                {
                    code = PolicyDecisionCode.WithinEuWithdrawalPeriod;
                    deadline = euEnd;
                    message = euMessage;
                }
                else if (euOpen && exclusion == PolicyDecisionCode.Hygiene && (requested?.Condition == null || requested.Condition.Packaging == PackagingState.Sealed))
                {
                    code = PolicyDecisionCode.SealMustBeUnbroken;
                    deadline = euEnd;
                    message = $"Returnable under the EU right of withdrawal only with its hygiene seal unbroken, until {Format(euEnd) ?? "14 days after delivery"}.";
                }
                else
                {
                    code = exclusion.Value;
                    message = $"Not returnable: {ExclusionText(exclusion.Value)}.";
                    isReturnable = false;
                }
            }
            else if (euOpen && (euEnd == null || euEnd > deadline))
            {
                code = PolicyDecisionCode.WithinEuWithdrawalPeriod;
                deadline = euEnd;
                message = euMessage;
            }
            else if (at >= deadline)
            {
                code = PolicyDecisionCode.WindowExpired;
                message = $"Not returnable: the return window ({days} days from {basisText}) closed at {Format(deadline)}.";
                isReturnable = false;
            }
            else
            {
                code = windowCode;
                if (windowCode == PolicyDecisionCode.WithinSeasonalExtension)
                {
                    message = $"Returnable under the seasonal extension '{ruleName}', until {Format(deadline)}.";
                }
                else if (windowRule != null)
                {
                    message = $"Returnable: {days} days from {basisText} under rule '{windowRule.Name}', until {Format(deadline)}.";
                }
                else
                {
                    message = $"Returnable: {days} days from {basisText}, until {Format(deadline)}.";
                }
            }

            var requestedQuantity = requested?.Quantity ?? 0;
            if (isReturnable && requestedQuantity > returnable)
            {
                code = PolicyDecisionCode.QuantityExceedsReturnable;
                message = $"Only {returnable} of the {requestedQuantity} units requested can still be returned.";
                isReturnable = false;
            }

            var restockingFee = 0m;
            var refundTypes = new List<string>();
            if (isReturnable)
            {
                var quantity = request.Items == null ? returnable : requestedQuantity;
                var waives = requested?.Reason != null
                    && (_policy.WaivedForReasons.Contains(requested.Reason.Code)
                        || _policy.WaivedForFaults.Contains(requested.Reason.Fault.ToString(), StringComparer.OrdinalIgnoreCase));
                feesWaived = feesWaived || waives;
                if (!waives && !euOpen && quantity > 0)
                {
                    var restockingRule = _policy.RestockingRules.FirstOrDefault(rule => Matches(rule.When, order, line));
                    if (restockingRule != null)
                    {
                        // Divide last: a net price split over three units is not exact in decimal.
                        restockingFee = Math.Round(line.Net.Amount * quantity * restockingRule.Percent / (100m * line.Quantity), order.Currency.MinorUnits, MidpointRounding.AwayFromZero);
                    }
                }

                var refundRule = _policy.RefundRules.FirstOrDefault(rule => Matches(rule.When, order, line));
                refundTypes.AddRange(refundRule?.Allowed ?? _policy.AllowedRefunds);
                if (euOpen && !refundTypes.Contains("original_payment"))
                {
                    refundTypes.Add("original_payment");
                }

                restockingTotal += restockingFee;
                if (quantity > 0)
                {
                    anyToReturn = true;
                    var unitValue = line.NetUnitPrice.Amount;
                    recoverable += line.Net.Amount * quantity / line.Quantity * (_policy.KeepItRecoveryRate ?? 0m);
                    var hasMax = _policy.KeepItMaxItemValue != null && _policy.KeepItMaxItemValue.ContainsKey(order.Currency.Code);
                    allWithinKeepItValue = allWithinKeepItValue && hasMax && unitValue <= _policy.KeepItMaxItemValue![order.Currency.Code];
                }
            }

            decisions.Add(new NaiveLineDecision(line.LineId, isReturnable, code, isReturnable || code == PolicyDecisionCode.QuantityExceedsReturnable ? returnable : 0, requestedQuantity, deadline, ruleName, restockingFee, refundTypes, message));
        }

        var keepIt = false;
        if (_policy.KeepItRecoveryRate != null && anyToReturn && allWithinKeepItValue)
        {
            var cost = request.EstimatedReturnCost?.Amount
                ?? (_policy.KeepItAssumedReturnCost != null && _policy.KeepItAssumedReturnCost.TryGetValue(order.Currency.Code, out var assumed) ? assumed : 0m);
            keepIt = recoverable < cost;
        }

        return new NaiveEvaluation(decisions, restockingTotal, feesWaived, keepIt);
    }

    private static void Validate(PolicyEvaluationRequest request)
    {
        var order = request.Order;
        if (request.AlreadyReturned != null)
        {
            foreach (var entry in request.AlreadyReturned)
            {
                var line = order.Lines.FirstOrDefault(l => l.LineId == entry.Key)
                    ?? throw new ArgumentException($"alreadyReturned['{entry.Key}']: order '{order.Number}' has no line '{entry.Key}'.", nameof(request));
                if (entry.Value < 0 || entry.Value > line.Quantity)
                {
                    throw new ArgumentException($"alreadyReturned['{entry.Key}']: {entry.Value} units returned, but the line bought {line.Quantity}.", nameof(request));
                }
            }
        }

        if (request.Items != null)
        {
            if (request.Items.Any(i => !order.Lines.Any(l => l.LineId == i.LineId)))
            {
                throw new ArgumentException($"The request names a line that order '{order.Number}' does not have.", nameof(request));
            }

            if (request.Items.GroupBy(i => i.LineId).Any(g => g.Count() > 1))
            {
                throw new ArgumentException("A line is requested twice.", nameof(request));
            }

            if (request.Items.Any(i => i.Reason != null && i.Reason.RequiresComment && string.IsNullOrWhiteSpace(i.Comment)))
            {
                throw new ArgumentException("A reason that requires a comment has none.", nameof(request));
            }
        }
    }

    private static bool Matches(NaiveCondition when, Order order, OrderLine line) =>
        (when.Categories == null || when.Categories.Contains(line.Product.Category, StringComparer.OrdinalIgnoreCase))
        && (when.Skus == null || when.Skus.Contains(line.Sku))
        && (when.Channels == null || when.Channels.Contains(order.Channel.ToName(), StringComparer.OrdinalIgnoreCase))
        && (when.CustomerTiers == null || (order.Customer.Tier != null && when.CustomerTiers.Contains(order.Customer.Tier, StringComparer.OrdinalIgnoreCase)))
        && (when.Countries == null || (order.ShippingAddress != null && when.Countries.Contains(order.ShippingAddress.Country.Value, StringComparer.OrdinalIgnoreCase)));

    private PolicyDecisionCode? Exclusion(OrderLine line)
    {
        var product = line.Product;
        if (_policy.ExcludeGiftCards && product.GiftCard)
        {
            return PolicyDecisionCode.GiftCard;
        }

        if (_policy.ExcludePersonalised && product.Personalised)
        {
            return PolicyDecisionCode.Personalised;
        }

        if (_policy.ExcludeHygiene && product.Hygiene)
        {
            return PolicyDecisionCode.Hygiene;
        }

        if (_policy.ExcludeHazardous && product.Hazardous)
        {
            return PolicyDecisionCode.Hazardous;
        }

        if (_policy.ExcludeFinalSale && product.FinalSale)
        {
            return PolicyDecisionCode.FinalSale;
        }

        if (_policy.ExcludedSkus.Contains(line.Sku))
        {
            return PolicyDecisionCode.ExcludedSku;
        }

        return _policy.ExcludedCategories.Contains(product.Category, StringComparer.OrdinalIgnoreCase) ? PolicyDecisionCode.ExcludedCategory : null;
    }

    private static string ExclusionText(PolicyDecisionCode code) => code switch
    {
        PolicyDecisionCode.GiftCard => "gift cards cannot be returned",
        PolicyDecisionCode.Personalised => "personalised products cannot be returned",
        PolicyDecisionCode.Hygiene => "hygiene products cannot be returned once unsealed",
        PolicyDecisionCode.Hazardous => "hazardous goods cannot be returned by post",
        PolicyDecisionCode.FinalSale => "sold as final sale",
        PolicyDecisionCode.ExcludedCategory => "this product category is excluded from returns",
        _ => "this product is excluded from returns",
    };

    // "30 days from delivery" ends when the 30th local day after the delivery day ends, in the policy's time zone.
    private DateTimeOffset EndOfWindow(DateTimeOffset basis, int days)
    {
        var local = TimeZoneInfo.ConvertTime(basis, _policy.TimeZone);
        return StartOfDay(DateOnly.FromDateTime(local.DateTime).AddDays(days + 1));
    }

    private DateTimeOffset StartOfDay(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        while (_policy.TimeZone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(15);
        }

        return new DateTimeOffset(midnight, _policy.TimeZone.GetUtcOffset(midnight));
    }

    // The deadline is the first instant after the window; the explanation names the last whole local day.
    private static string? Format(DateTimeOffset? instant) =>
        instant == null ? null : "the end of " + DateOnly.FromDateTime(instant.Value.DateTime).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static NaiveCondition Condition(MatchDto? when) =>
        when == null ? new NaiveCondition(null, null, null, null, null) : new NaiveCondition(List(when.Categories), List(when.Skus), List(when.Channels), List(when.CustomerTiers), List(when.Countries));

    private static List<string>? List(List<string?>? values) => values?.Select(v => v!.Trim()).ToList();

    private sealed class NaivePolicy
    {
        public required TimeZoneInfo TimeZone { get; init; }

        public required int WindowDays { get; init; }

        public required bool EuWithdrawal { get; init; }

        public required List<NaiveWindowRule> WindowRules { get; init; }

        public required List<NaiveSeasonalExtension> SeasonalExtensions { get; init; }

        public required bool ExcludeFinalSale { get; init; }

        public required bool ExcludeHygiene { get; init; }

        public required bool ExcludePersonalised { get; init; }

        public required bool ExcludeHazardous { get; init; }

        public required bool ExcludeGiftCards { get; init; }

        public required List<string> ExcludedCategories { get; init; }

        public required List<string> ExcludedSkus { get; init; }

        public required List<string> WaivedForReasons { get; init; }

        public required List<string> WaivedForFaults { get; init; }

        public required List<NaiveRestockingRule> RestockingRules { get; init; }

        public required List<string> AllowedRefunds { get; init; }

        public required List<NaiveRefundRule> RefundRules { get; init; }

        public required decimal? KeepItRecoveryRate { get; init; }

        public required Dictionary<string, decimal>? KeepItMaxItemValue { get; init; }

        public required Dictionary<string, decimal>? KeepItAssumedReturnCost { get; init; }
    }

    private sealed record NaiveCondition(List<string>? Categories, List<string>? Skus, List<string>? Channels, List<string>? CustomerTiers, List<string>? Countries);

    private sealed record NaiveWindowRule(string Name, NaiveCondition When, int Days);

    private sealed record NaiveRestockingRule(string Name, NaiveCondition When, decimal Percent);

    private sealed record NaiveRefundRule(string Name, NaiveCondition When, List<string> Allowed);

    private sealed record NaiveSeasonalExtension(string Name, DateOnly PurchasedFrom, DateOnly PurchasedTo, DateOnly ReturnUntil);
}

/// <summary>The naive evaluator's answer for an order.</summary>
public sealed record NaiveEvaluation(List<NaiveLineDecision> Lines, decimal RestockingFees, bool FeesWaived, bool KeepIt);

/// <summary>The naive evaluator's decision for one line, with its explanation already composed.</summary>
public sealed record NaiveLineDecision(
    string LineId,
    bool IsReturnable,
    PolicyDecisionCode Code,
    int ReturnableQuantity,
    int RequestedQuantity,
    DateTimeOffset? Deadline,
    string? RuleName,
    decimal RestockingFee,
    List<string> RefundTypes,
    string Message);
