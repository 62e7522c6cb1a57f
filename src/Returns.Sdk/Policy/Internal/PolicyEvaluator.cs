using System.Globalization;

namespace Returns.Sdk.Policy.Internal;

// The pure evaluation: a compiled version, a request and an instant in; decisions out. No I/O, no clock.
internal static class PolicyEvaluator
{
    private const int EuWithdrawalDays = 14;
    private const int WindowCacheSize = 8;

    public static PolicyEvaluation Evaluate(CompiledPolicyVersion version, PolicyEvaluationRequest request, DateTimeOffset at)
    {
        var order = request.Order;
        var terms = version.TermsFor(order.Currency)
            ?? throw new CurrencyMismatchException(
                version.Info.Currencies[0],
                order.Currency,
                $"Order '{order.Number}' is in {order.Currency}, but policy version '{version.Info.Version}' states its fees only in {string.Join(", ", version.Info.Currencies)}.");
        ValidateCheaply(order, request);

        var calendar = version.Calendar;
        var euApplies = version.EuWithdrawal && order.Channel != SalesChannel.Store && order.ShippingAddress?.Country.IsEea == true;
        DateTimeOffset? euEnd = euApplies && order.DeliveredAt is { } delivered ? calendar.EndOfWindow(calendar.LocalDate(delivered), EuWithdrawalDays) : null;
        var euOpen = euApplies && (euEnd is null || at < euEnd);
        var basisKind = order.DeliveredAt is null ? WindowBasis.OrderDate : WindowBasis.Delivery;
        var basisDate = calendar.LocalDate(order.DeliveredAt ?? order.PlacedAt);
        var purchaseDate = version.SeasonalExtensions.Length == 0 ? default : calendar.LocalDate(order.PlacedAt);

        // Lines share a handful of window lengths; remember each one's end instead of recomputing it per line.
        Span<int> cachedDays = stackalloc int[WindowCacheSize];
        Span<DateTimeOffset> cachedEnds = stackalloc DateTimeOffset[WindowCacheSize];
        var cached = 0;

        var feesWaived = false;
        var restockingTotal = 0m;
        var recoverable = 0m;
        var anyToReturn = false;
        var allWithinKeepItValue = true;
        var matchedReturned = 0;
        var matchedItems = 0;
        var badReturnedQuantity = false;
        var lines = new LineDecision[order.Lines.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            var line = order.Lines[i];
            var requested = FindRequested(request.Items, line.LineId);
            matchedItems += requested is null ? 0 : 1;
            var alreadyReturned = 0;
            if (request.AlreadyReturned is { } returnedSoFar && returnedSoFar.TryGetValue(line.LineId, out alreadyReturned))
            {
                matchedReturned++;
                badReturnedQuantity |= alreadyReturned < 0 || alreadyReturned > line.Quantity;
            }

            var returnable = line.Quantity - alreadyReturned;
            var profile = version.ProfileFor(line.Product.Category);

            var days = version.WindowDays;
            var source = WindowSource.Standard;
            string? ruleName = null;
            foreach (var index in profile.WindowRules)
            {
                var rule = version.WindowRules[index];
                if (rule.When.MatchesBeyondCategory(order, line))
                {
                    (days, source, ruleName) = (rule.Days, WindowSource.Rule, rule.Name);
                    break;
                }
            }

            DateTimeOffset? deadline = null;
            for (var c = 0; c < cached; c++)
            {
                if (cachedDays[c] == days)
                {
                    deadline = cachedEnds[c];
                    break;
                }
            }

            if (deadline is null)
            {
                deadline = calendar.EndOfWindow(basisDate, days);
                if (cached < WindowCacheSize)
                {
                    (cachedDays[cached], cachedEnds[cached]) = (days, deadline.Value);
                    cached++;
                }
            }

            var windowCode = PolicyDecisionCode.WithinWindow;
            foreach (var extension in version.SeasonalExtensions)
            {
                if (purchaseDate >= extension.PurchasedFrom && purchaseDate <= extension.PurchasedTo && extension.EndsAt > deadline)
                {
                    (deadline, source, ruleName, windowCode) = (extension.EndsAt, WindowSource.SeasonalExtension, extension.Name, PolicyDecisionCode.WithinSeasonalExtension);
                }
            }

        PolicyDecisionCode code;
            var returnableNow = true;
            if (returnable <= 0)
            {
                (code, returnableNow) = (PolicyDecisionCode.NothingLeftToReturn, false);
            }
            else if (Exclusion(version, line, profile) is { } exclusion)
            {
                if (euOpen && IsOverriddenByEuWithdrawal(exclusion))
                {
                    (code, deadline, source) = (PolicyDecisionCode.WithinEuWithdrawalPeriod, euEnd, WindowSource.EuWithdrawal);
                }
                else if (euOpen && exclusion == PolicyDecisionCode.Hygiene && requested?.Condition?.Packaging is null or PackagingState.Sealed)
                {
                    (code, deadline, source) = (PolicyDecisionCode.SealMustBeUnbroken, euEnd, WindowSource.EuWithdrawal);
                }
                else
                {
                    (code, returnableNow) = (exclusion, false);
                }
            }
            else if (euOpen && (euEnd is null || euEnd > deadline))
            {
                // The EU right of withdrawal outlasts the retailer's own window: no rule may undercut it.
                (code, deadline, source) = (PolicyDecisionCode.WithinEuWithdrawalPeriod, euEnd, WindowSource.EuWithdrawal);
            }
            else if (at >= deadline)
            {
                (code, returnableNow) = (PolicyDecisionCode.WindowExpired, false);
            }
            else
            {
                code = windowCode;
            }

            var requestedQuantity = requested?.Quantity ?? 0;
            if (returnableNow && requestedQuantity > returnable)
            {
                (code, returnableNow) = (PolicyDecisionCode.QuantityExceedsReturnable, false);
            }

            var restockingFee = 0m;
            var restockingPercent = 0m;
            var waives = false;
            var refundTypes = RefundTypes.None;
            if (returnableNow)
            {
                var quantity = request.Items is null ? returnable : requestedQuantity;
                // What the returned units cost the customer; dividing last keeps a net price split over three units exact.
                var returnedValue = quantity == line.Quantity ? line.Net.Amount : line.Net.Amount * quantity / line.Quantity;
                waives = requested is not null && version.WaivesFees(requested.Reason);
                feesWaived |= waives;
                if (!waives && !euOpen && quantity > 0)
                {
                    foreach (var index in profile.RestockingRules)
                    {
                        var rule = version.RestockingRules[index];
                        if (rule.When.MatchesBeyondCategory(order, line))
                        {
                            restockingPercent = rule.Percent;
                            restockingFee = order.Currency.Round(returnedValue * rule.Rate);
                            break;
                        }
                    }
                }

                refundTypes = version.AllowedRefunds;
                foreach (var index in profile.RefundRules)
                {
                    var rule = version.RefundRules[index];
                    if (rule.When.MatchesBeyondCategory(order, line))
                    {
                        refundTypes = rule.Allowed;
                        break;
                    }
                }

                if (euOpen)
                {
                    refundTypes |= RefundTypes.OriginalPayment;
                }

                restockingTotal += restockingFee;
                if (quantity > 0)
                {
                    anyToReturn = true;
                    recoverable += returnedValue;
                    allWithinKeepItValue &= terms.KeepItMaxItemValue is { } max && line.Net.Amount <= max * line.Quantity;
                }
            }

            lines[i] = new LineDecision(line)
            {
                IsReturnable = returnableNow,
                Code = code,
                ReturnableQuantity = returnableNow || code == PolicyDecisionCode.QuantityExceedsReturnable ? returnable : 0,
                RequestedQuantity = requestedQuantity,
                Deadline = deadline,
                WindowSource = source,
                WindowBasis = basisKind,
                WindowDays = days,
                RuleName = ruleName,
                RestockingFee = new Money(restockingFee, order.Currency),
                RestockingPercent = restockingPercent,
                WaivesFees = waives,
                RefundTypes = refundTypes,
            };
        }

        // Unknown or repeated lines and impossible quantities leave a trace in the counts; only then is the
        // request examined in detail, so that a valid request costs no allocation.
        if (badReturnedQuantity || matchedReturned != (request.AlreadyReturned?.Count ?? 0) || matchedItems != (request.Items?.Count ?? 0))
        {
            Validate(order, request);
        }

        var keepIt = false;
        if (version.KeepItRecoveryRate is not null && anyToReturn && allWithinKeepItValue)
        {
            var cost = request.EstimatedReturnCost?.Amount ?? terms.KeepItAssumedReturnCost ?? 0m;
            keepIt = recoverable * version.KeepItRecoveryRate.Value < cost;
        }

        return new PolicyEvaluation(version, at, order.Currency, lines, new Money(restockingTotal, order.Currency), feesWaived, keepIt)
        {
            CustomerTier = order.Customer.Tier,
            EuWithdrawalOpen = euOpen,
        };
    }

    private static PolicyDecisionCode? Exclusion(CompiledPolicyVersion version, OrderLine line, CategoryProfile profile)
    {
        var product = line.Product;
        if (version.ExcludeGiftCards && product.GiftCard)
        {
            return PolicyDecisionCode.GiftCard;
        }

        if (version.ExcludePersonalised && product.Personalised)
        {
            return PolicyDecisionCode.Personalised;
        }

        if (version.ExcludeHygiene && product.Hygiene)
        {
            return PolicyDecisionCode.Hygiene;
        }

        if (version.ExcludeHazardous && product.Hazardous)
        {
            return PolicyDecisionCode.Hazardous;
        }

        if (version.ExcludeFinalSale && product.FinalSale)
        {
            return PolicyDecisionCode.FinalSale;
        }

        if (version.ExcludedSkus.Contains(line.Sku))
        {
            return PolicyDecisionCode.ExcludedSku;
        }

        return profile.Excluded ? PolicyDecisionCode.ExcludedCategory : null;
    }

    // Directive 2011/83/EU, art. 16, lets a trader refuse withdrawal only for goods made to the consumer's
    // specification and sealed hygiene goods unsealed after delivery; gift cards are not goods. Every other
    // exclusion of the retailer's own gives way inside the 14 days.
    private static bool IsOverriddenByEuWithdrawal(PolicyDecisionCode exclusion) =>
        exclusion is PolicyDecisionCode.FinalSale or PolicyDecisionCode.Hazardous or PolicyDecisionCode.ExcludedCategory or PolicyDecisionCode.ExcludedSku;

    private static RequestedReturnLine? FindRequested(IReadOnlyList<RequestedReturnLine>? items, string lineId)
    {
        if (items is null)
        {
            return null;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (string.Equals(items[i].LineId, lineId, StringComparison.Ordinal))
            {
                return items[i];
            }
        }

        return null;
    }

    private static int AlreadyReturned(IReadOnlyDictionary<string, int>? returned, string lineId) =>
        returned is not null && returned.TryGetValue(lineId, out var quantity) ? quantity : 0;

    // What the per-line pass cannot notice: null entries and missing comments.
    private static void ValidateCheaply(Order order, PolicyEvaluationRequest request)
    {
        if (request.EstimatedReturnCost is { } cost && cost.Currency != order.Currency)
        {
            throw new CurrencyMismatchException(order.Currency, cost.Currency, $"The estimated return cost is in {cost.Currency} but order '{order.Number}' is in {order.Currency}.");
        }

        if (request.Items is not { } items)
        {
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null || (items[i].Reason is { RequiresComment: true } && string.IsNullOrWhiteSpace(items[i].Comment)))
            {
                Validate(order, request);
            }
        }
    }

    private static void Validate(Order order, PolicyEvaluationRequest request)
    {
        List<ValidationError>? errors = null;
        if (request.AlreadyReturned is { } returned)
        {
            foreach (var (lineId, quantity) in returned)
            {
                var path = $"alreadyReturned['{lineId}']";
                if (order.FindLine(lineId) is not { } line)
                {
                    Add(ref errors, path, $"order '{order.Number}' has no line '{lineId}'.");
                }
                else if (quantity < 0 || quantity > line.Quantity)
                {
                    Add(ref errors, path, $"{quantity} units returned, but the line bought {line.Quantity}; it must be between 0 and {line.Quantity}.");
                }
            }
        }

        for (var i = 0; request.Items is { } items && i < items.Count; i++)
        {
            var item = items[i];
            if (item is null)
            {
                Add(ref errors, $"items[{i}]", "must not be null.");
                continue;
            }

            if (order.FindLine(item.LineId) is null)
            {
                Add(ref errors, $"items[{i}].lineId", $"order '{order.Number}' has no line '{item.LineId}'.");
            }

            for (var j = 0; j < i; j++)
            {
                if (string.Equals(items[j]?.LineId, item.LineId, StringComparison.Ordinal))
                {
                    Add(ref errors, $"items[{i}].lineId", $"line '{item.LineId}' is already requested by items[{j}]; request each line once with its total quantity.");
                    break;
                }
            }

            if (item.Reason is { RequiresComment: true } reason && string.IsNullOrWhiteSpace(item.Comment))
            {
                Add(ref errors, $"items[{i}].comment", string.Create(CultureInfo.InvariantCulture, $"is required with the reason '{reason.Code}'."));
            }
        }

        if (errors is not null)
        {
            throw new ReturnsValidationException(errors);
        }
    }

    private static void Add(ref List<ValidationError>? errors, string path, string message) =>
        (errors ??= []).Add(new ValidationError(path, message));
}
