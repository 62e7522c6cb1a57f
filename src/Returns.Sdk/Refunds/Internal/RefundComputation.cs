namespace Returns.Sdk.Refunds.Internal;

// One calculation: validates the request, then works in minor units throughout and converts to Money at the end.
internal sealed class RefundComputation(RefundCalculationRequest request)
{
    private readonly Order _order = request.Order;
    private readonly Currency _currency = request.Order.Currency;
    private readonly MinorUnits _minor = new(request.Order.Currency);
    private readonly List<ValidationError> _errors = [];

    public RefundCalculation Run()
    {
        ValidateTerms();
        var items = ResolveItems();
        Throw();

        var orderDiscountShares = MinorUnits.Allocate(_minor.ToMinor(_order.OrderDiscount), [.. _order.Lines.Select(l => _minor.ToMinor(l.Net))]);
        var lines = new List<RefundLine>(items.Count);
        var restocking = new List<decimal>(items.Count);
        var paid = new List<decimal>(items.Count);
        foreach (var (item, line, index, before) in items)
        {
            var net = _minor.ToMinor(line.Net) - orderDiscountShares[index];
            var tax = _minor.ToMinor(line.Tax);
            var charged = _order.PricesIncludeTax ? net : net + tax;
            var discount = _minor.ToMinor(line.Discount) + orderDiscountShares[index];
            var linePaid = Slice(charged, line.Quantity, before, item.Quantity);
            paid.Add(linePaid);
            restocking.Add(Math.Min(item.RestockingFee is { } fee ? _minor.ToMinor(fee) : 0m, linePaid));
            lines.Add(new RefundLine(
                line.LineId,
                line.Sku,
                item.Quantity,
                _minor.ToMoney(linePaid),
                _minor.ToMoney(Slice(discount, line.Quantity, before, item.Quantity)),
                _minor.ToMoney(Slice(tax, line.Quantity, before, item.Quantity)),
                Money.Zero(_currency),
                Money.Zero(_currency),
                Money.Zero(_currency)));
        }

        var shipping = ShippingRefund(items);
        var returnFee = request.ReturnFee is { } requestedFee ? _minor.ToMinor(requestedFee) : 0m;
        ApplyCap(ref returnFee, restocking);
        var deductions = new decimal[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var afterFees = paid[i] - restocking[i];
            deductions[i] = decimal.Round(afterFees * items[i].Item.DeductionPercent / 100m, 0, MidpointRounding.AwayFromZero);
            lines[i] = lines[i] with
            {
                RestockingFee = _minor.ToMoney(restocking[i]),
                Deduction = _minor.ToMoney(deductions[i]),
                Amount = _minor.ToMoney(afterFees - deductions[i]),
            };
        }

        // The fee never turns a refund into a charge.
        var value = paid.Sum() - restocking.Sum() - deductions.Sum() + shipping;
        returnFee = Math.Min(returnFee, value);
        var total = value - returnFee;
        return request.Resolution switch
        {
            RefundTypes.StoreCredit => StoreCredit(lines, shipping, returnFee, total),
            RefundTypes.Exchange => Exchange(lines, shipping, returnFee, total),
            _ => new RefundCalculation(_currency, RefundTypes.OriginalPayment, lines, _minor.ToMoney(shipping), _minor.ToMoney(returnFee), SplitOverTenders(total)),
        };
    }

    // The shares of units before+1 … before+units of `total` split over `count` units.
    private static decimal Slice(decimal total, int count, int before, int units) =>
        MinorUnits.Cumulative(total, count, before + units) - MinorUnits.Cumulative(total, count, before);

    private void ValidateTerms()
    {
        if (request.Resolution is not (RefundTypes.OriginalPayment or RefundTypes.StoreCredit or RefundTypes.Exchange))
        {
            _errors.Add(new ValidationError("resolution", $"must be exactly one of OriginalPayment, StoreCredit or Exchange; got {request.Resolution}."));
        }

        if (request.StoreCreditBonusPercent is < 0m or > 100m)
        {
            _errors.Add(new ValidationError("storeCreditBonusPercent", $"must be between 0 and 100; got {request.StoreCreditBonusPercent}."));
        }

        CheckAmount(request.ReturnFee, "returnFee");
        CheckAmount(request.FeeCap, "feeCap");
        CheckAmount(request.History.ShippingRefunded, "history.shippingRefunded");
        if (request.Resolution != RefundTypes.Exchange && request.ExchangeItems.Count > 0)
        {
            _errors.Add(new ValidationError("exchangeItems", "are only allowed when the resolution is Exchange."));
        }
        else if (request.Resolution == RefundTypes.Exchange && request.ExchangeItems.Count == 0)
        {
            _errors.Add(new ValidationError("exchangeItems", "must list what the customer takes in exchange."));
        }
    }

    private void CheckAmount(Money? amount, string path)
    {
        if (amount is not { } money)
        {
            return;
        }

        if (money.Currency != _currency)
        {
            throw new CurrencyMismatchException(_currency, money.Currency, $"{path} is in {money.Currency}, but order '{_order.Number}' is in {_currency}.");
        }

        if (money.IsNegative || !_currency.IsWhole(money.Amount))
        {
            _errors.Add(new ValidationError(path, $"must not be negative and have at most {_currency.MinorUnits} decimals; got {money.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)} {money.Currency}."));
        }
    }

    private List<(RefundItem Item, OrderLine Line, int Index, int Before)> ResolveItems()
    {
        var resolved = new List<(RefundItem, OrderLine, int, int)>(request.Items.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (request.Items.Count == 0)
        {
            _errors.Add(new ValidationError("items", "must hold at least one item."));
        }

        for (var i = 0; i < request.Items.Count; i++)
        {
            var item = request.Items[i];
            var path = $"items[{i}]";
            if (item is null)
            {
                _errors.Add(new ValidationError(path, "must not be null."));
                continue;
            }

            var index = IndexOf(item.LineId);
            if (index < 0)
            {
                _errors.Add(new ValidationError($"{path}.lineId", $"order '{_order.Number}' has no line '{item.LineId}'."));
                continue;
            }

            if (!seen.Add(item.LineId))
            {
                _errors.Add(new ValidationError($"{path}.lineId", $"line '{item.LineId}' appears twice; give one item with the total quantity."));
                continue;
            }

            var line = _order.Lines[index];
            var before = request.History.RefundedQuantities.GetValueOrDefault(item.LineId);
            if (before < 0 || before > line.Quantity)
            {
                _errors.Add(new ValidationError($"history.refundedQuantities['{item.LineId}']", $"must be between 0 and the {line.Quantity} units bought; got {before}."));
                continue;
            }

            if (before + item.Quantity > line.Quantity)
            {
                _errors.Add(new ValidationError($"{path}.quantity", $"line '{item.LineId}' has {line.Quantity - before} of {line.Quantity} units left to refund; {item.Quantity} requested."));
                continue;
            }

            CheckAmount(item.RestockingFee, $"{path}.restockingFee");
            if (item.DeductionPercent is < 0m or > 100m)
            {
                _errors.Add(new ValidationError($"{path}.deductionPercent", $"must be between 0 and 100; got {item.DeductionPercent}."));
                continue;
            }

            resolved.Add((item, line, index, before));
        }

        return resolved;
    }

    private int IndexOf(string lineId)
    {
        for (var i = 0; i < _order.Lines.Count; i++)
        {
            if (string.Equals(_order.Lines[i].LineId, lineId, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private decimal ShippingRefund(List<(RefundItem Item, OrderLine Line, int Index, int Before)> items)
    {
        var left = _minor.ToMinor(_order.ShippingPaid) - (request.History.ShippingRefunded is { } done ? _minor.ToMinor(done) : 0m);
        if (left <= 0m)
        {
            return 0m;
        }

        var wholeOrder = _order.Lines.All(line =>
            request.History.RefundedQuantities.GetValueOrDefault(line.LineId) + items.Where(i => ReferenceEquals(i.Line, line)).Sum(i => i.Item.Quantity) == line.Quantity);
        var due = (request.OriginalShipping.HasFlag(OriginalShippingRefund.WholeOrder) && wholeOrder)
            || (request.OriginalShipping.HasFlag(OriginalShippingRefund.RetailerFault) && request.RetailerAtFault);
        return due ? left : 0m;
    }

    // Above the cap, the return fee gives way first, then the restocking fees in proportion.
    private void ApplyCap(ref decimal returnFee, List<decimal> restocking)
    {
        if (request.FeeCap is not { } capMoney)
        {
            return;
        }

        var cap = _minor.ToMinor(capMoney);
        var excess = returnFee + restocking.Sum() - cap;
        if (excess <= 0m)
        {
            return;
        }

        var fromFee = Math.Min(excess, returnFee);
        returnFee -= fromFee;
        excess -= fromFee;
        if (excess > 0m)
        {
            var kept = MinorUnits.Allocate(restocking.Sum() - excess, restocking);
            for (var i = 0; i < restocking.Count; i++)
            {
                restocking[i] = kept[i];
            }
        }
    }

    private RefundCalculation StoreCredit(List<RefundLine> lines, decimal shipping, decimal returnFee, decimal total)
    {
        var bonus = decimal.Round(total * request.StoreCreditBonusPercent / 100m, 0, MidpointRounding.AwayFromZero);
        IReadOnlyList<TenderRefund> tenders = total + bonus > 0m ? [new TenderRefund(TenderKind.StoreCredit, null, _minor.ToMoney(total + bonus))] : [];
        return new RefundCalculation(_currency, RefundTypes.StoreCredit, lines, _minor.ToMoney(shipping), _minor.ToMoney(returnFee), tenders)
        {
            StoreCreditBonus = _minor.ToMoney(bonus),
        };
    }

    private RefundCalculation Exchange(List<RefundLine> lines, decimal shipping, decimal returnFee, decimal total)
    {
        var value = 0m;
        for (var i = 0; i < request.ExchangeItems.Count; i++)
        {
            var item = request.ExchangeItems[i];
            var path = $"exchangeItems[{i}]";
            if (item.UnitPrice is { } price)
            {
                CheckAmount(price, $"{path}.unitPrice");
                value += _minor.ToMinor(price) * item.Quantity;
            }
            else if (lines.FirstOrDefault(l => string.Equals(l.LineId, item.ReplacesLineId, StringComparison.Ordinal)) is { } replaced && item.Quantity <= replaced.Quantity)
            {
                value += MinorUnits.Cumulative(_minor.ToMinor(replaced.Amount), replaced.Quantity, item.Quantity);
            }
            else
            {
                _errors.Add(new ValidationError($"{path}.replacesLineId", $"a same-product exchange replaces units returned now; line '{item.ReplacesLineId}' is not returned with {item.Quantity} or more units."));
            }
        }

        Throw();
        var refunded = Math.Max(0m, total - value);
        return new RefundCalculation(_currency, RefundTypes.Exchange, lines, _minor.ToMoney(shipping), _minor.ToMoney(returnFee), SplitOverTenders(refunded))
        {
            ExchangeValue = _minor.ToMoney(value),
            AmountDue = _minor.ToMoney(Math.Max(0m, value - total)),
        };
    }

    private List<TenderRefund> SplitOverTenders(decimal amount)
    {
        if (amount == 0m)
        {
            return [];
        }

        IReadOnlyList<Tender> tenders = _order.Tenders.Count > 0 ? _order.Tenders : [new Tender(TenderKind.Other, _minor.ToMoney(OrderTotal()))];
        var alreadyRefunded = request.History.TenderRefunds.ToList();
        var ranked = tenders
            .Select((tender, position) => (Tender: tender, Position: position, Rank: RankOf(tender.Kind)))
            .OrderBy(t => t.Rank)
            .ThenBy(t => t.Position);
        var result = new List<TenderRefund>();
        var left = amount;
        foreach (var (tender, _, _) in ranked)
        {
            var available = _minor.ToMinor(tender.Amount) - TakeRefunded(alreadyRefunded, tender);
            var part = Math.Min(left, available);
            if (part <= 0m)
            {
                continue;
            }

            result.Add(new TenderRefund(tender.Kind, tender.Reference, _minor.ToMoney(part)));
            left -= part;
            if (left == 0m)
            {
                return result;
            }
        }

        throw new ReturnsValidationException(
            "order.tenders",
            $"order '{_order.Number}' records tenders that cannot cover this refund: {_minor.ToMoney(left)} of {_minor.ToMoney(amount)} has no tender left to go to; the tenders must add up to what the customer paid.");
    }

    // What earlier refunds paid to this tender, consumed so that two tenders of one kind and reference are not counted twice.
    private decimal TakeRefunded(List<TenderRefund> refunded, Tender tender)
    {
        var capacity = _minor.ToMinor(tender.Amount);
        var taken = 0m;
        for (var i = 0; i < refunded.Count && taken < capacity; i++)
        {
            var earlier = refunded[i];
            if (earlier.Kind != tender.Kind || !string.Equals(earlier.Reference, tender.Reference, StringComparison.Ordinal))
            {
                continue;
            }

            var amount = _minor.ToMinor(earlier.Amount);
            var use = Math.Min(amount, capacity - taken);
            taken += use;
            refunded[i] = earlier with { Amount = _minor.ToMoney(amount - use) };
        }

        return taken;
    }

    private int RankOf(TenderKind kind)
    {
        for (var i = 0; i < request.TenderOrder.Count; i++)
        {
            if (request.TenderOrder[i] == kind)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private decimal OrderTotal()
    {
        var lines = _order.Lines.Sum(l => _minor.ToMinor(l.Net) + (_order.PricesIncludeTax ? 0m : _minor.ToMinor(l.Tax)));
        return lines - _minor.ToMinor(_order.OrderDiscount) + _minor.ToMinor(_order.ShippingPaid);
    }

    private void Throw()
    {
        if (_errors.Count > 0)
        {
            throw new ReturnsValidationException(_errors);
        }
    }
}
