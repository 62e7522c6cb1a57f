using Microsoft.Extensions.Options;
using Returns.Sdk.Grading;
using Returns.Sdk.Lifecycle;
using Returns.Sdk.Orders;
using Returns.Sdk.Policy;
using Returns.Sdk.Refunds;
using Returns.Sdk.SelfService.Internal;

namespace Returns.Sdk.StoreReturns;

/// <summary>
/// A store associate's desk for web orders returned in a store: find the order (number, e-mail or the portal's QR
/// code), scan and inspect the items, and confirm. The same policy and grading rules as for parcels apply; items the
/// store can sell again stay in its stock, others go to the warehouse; the refund is paid by the e-commerce platform to
/// the original payment method and booked against the channel that sold the items, never through the store's till.
/// </summary>
public sealed class StoreReturnDesk
{
    private readonly IOrderSource _orders;
    private readonly IReturnStore _store;
    private readonly ReturnLifecycle _lifecycle;
    private readonly RefundOrchestrator _refunds;
    private readonly ReturnPolicyEngine _policy;
    private readonly ConditionGrader _grader;
    private readonly DispositionRouter _router;
    private readonly StoreDeskOptions _options;
    private readonly RefundOptions _refundOptions;
    private readonly TimeProvider _time;

    /// <summary>Creates the desk.</summary>
    /// <param name="orders">Where orders are read.</param>
    /// <param name="store">The return store.</param>
    /// <param name="lifecycle">The return lifecycle.</param>
    /// <param name="refunds">Refund orchestration.</param>
    /// <param name="policy">The return policy.</param>
    /// <param name="grader">Condition grading.</param>
    /// <param name="router">Disposition routing.</param>
    /// <param name="options">What stores keep and where the rest goes.</param>
    /// <param name="refundOptions">The reason taxonomy.</param>
    /// <param name="time">The clock.</param>
    public StoreReturnDesk(IOrderSource orders, IReturnStore store, ReturnLifecycle lifecycle, RefundOrchestrator refunds, ReturnPolicyEngine policy, ConditionGrader grader, DispositionRouter router, IOptions<StoreDeskOptions> options, IOptions<RefundOptions> refundOptions, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(refundOptions);
        _orders = orders ?? throw new ArgumentNullException(nameof(orders));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _lifecycle = lifecycle ?? throw new ArgumentNullException(nameof(lifecycle));
        _refunds = refunds ?? throw new ArgumentNullException(nameof(refunds));
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _grader = grader ?? throw new ArgumentNullException(nameof(grader));
        _router = router ?? throw new ArgumentNullException(nameof(router));
        _options = options.Value;
        _refundOptions = refundOptions.Value;
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>Finds orders by order number, customer e-mail, or the RMA number a portal QR code carries.</summary>
    /// <param name="query">What the associate typed or scanned.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The orders found (empty when none) and the portal return, if the query named one.</returns>
    public async Task<StoreOrderLookup> FindAsync(string query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var text = query.Trim();
        if (text.Length == 0)
        {
            return new StoreOrderLookup([], null);
        }

        if (RmaNumber.TryParse(text, out var rma))
        {
            var found = await _store.FindAsync(rma, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                return new StoreOrderLookup([], null);
            }

            var orders = new List<Order>();
            foreach (var number in found.OrderNumbers)
            {
                if (await _orders.FindAsync(number, cancellationToken).ConfigureAwait(false) is { } order)
                {
                    orders.Add(order);
                }
            }

            return new StoreOrderLookup(orders, found);
        }

        if (text.Contains('@', StringComparison.Ordinal))
        {
            return new StoreOrderLookup(await _orders.FindByCustomerEmailAsync(text, cancellationToken).ConfigureAwait(false), null);
        }

        return new StoreOrderLookup(await _orders.FindAsync(text, cancellationToken).ConfigureAwait(false) is { } byNumber ? [byNumber] : [], null);
    }

    /// <summary>Checks, grades, routes and prices a store return without recording anything: what the associate confirms.</summary>
    /// <param name="request">The scanned items.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The lines and the refund per order.</returns>
    /// <exception cref="ReturnsValidationException">Every problem at once: unknown order or SKU, no units left, not returnable, item refused at inspection, resolution not allowed.</exception>
    public async Task<StoreReturnPreview> PreviewAsync(StoreReturnRequest request, CancellationToken cancellationToken = default)
    {
        var plan = await Plan(request, cancellationToken).ConfigureAwait(false);
        var draft = new ReturnRequest(plan.Portal?.Rma ?? RmaNumber.NewRandom(), plan.Order.Customer.Id, plan.ReturnLines, _time.GetUtcNow())
        {
            Method = ReturnMethod.InStore,
            Resolution = request.Resolution,
            ExchangeItems = request.ExchangeItems,
        };
        draft = draft with { Lines = [.. draft.Lines.Select(l => Inspected(l, plan))] };
        var calculations = await _refunds.PreviewAsync(draft, cancellationToken).ConfigureAwait(false);
        return new StoreReturnPreview(plan.Lines, [.. calculations.Select(c => c.Calculation)]);
    }

    /// <summary>
    /// Processes a store return: records the return as received and inspected at the store (or completes the
    /// customer's portal return), routes each item, and has the e-commerce platform refund the original payment.
    /// Safe to repeat with the same key.
    /// </summary>
    /// <param name="request">The scanned items.</param>
    /// <param name="key">The idempotency key of this confirmation, at most 190 characters.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The receipt.</returns>
    /// <exception cref="ReturnsValidationException">Every problem at once; nothing is recorded.</exception>
    /// <exception cref="RefundGatewayException">The payment platform failed; the return is recorded and its refund pending or failed.</exception>
    public async Task<StoreReturnReceipt> ProcessAsync(StoreReturnRequest request, IdempotencyKey key, CancellationToken cancellationToken = default)
    {
        if (key.Value.Length > IdempotencyKey.MaxLength - 10)
        {
            throw new ArgumentException($"A store desk key is at most {IdempotencyKey.MaxLength - 10} characters; the desk derives one key per step from it.", nameof(key));
        }

        ArgumentNullException.ThrowIfNull(request);

        // A confirmation sent again (a double click, a retry after a timeout) continues the return it created.
        var visit = (await _store.FindByOrderAsync(request.OrderNumber ?? string.Empty, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(r => r.StoreHandling?.VisitId == key.Value);
        var plan = await Plan(visit is null ? request : request with { Rma = visit.Rma }, cancellationToken).ConfigureAwait(false);
        var associate = new ReturnActor(ReturnChannel.Store, request.AssociateId) { LocationId = request.StoreId };
        IdempotencyKey Step(string name) => new($"{key.Value}:{name}");
        var handling = visit?.StoreHandling ?? new StoreHandling(request.StoreId, request.AssociateId, _time.GetUtcNow()) { VisitId = key.Value };

        var current = plan.Portal;
        if (current is null)
        {
            var created = await _lifecycle.CreateAsync(
                new NewReturn(plan.Order.Customer.Id, plan.ReturnLines) { Method = ReturnMethod.InStore, StoreId = request.StoreId, Resolution = request.Resolution, ExchangeItems = request.ExchangeItems, StoreHandling = handling },
                Step("create"),
                associate,
                cancellationToken).ConfigureAwait(false);
            current = await _lifecycle.AuthorizeAsync(created.Rma, Step("authorize"), associate, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        else if (current.State == ReturnState.Requested)
        {
            current = await _lifecycle.AuthorizeAsync(current.Rma, Step("authorize"), associate, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        if (current.State is not (ReturnState.Received or ReturnState.Inspected) && ReturnStateMachine.CanMove(current.State, ReturnState.Received))
        {
            current = await _lifecycle.MarkReceivedAsync(current.Rma, request.StoreId, Step("receive"), associate, cancellationToken).ConfigureAwait(false);
        }

        if (current.State == ReturnState.Received)
        {
            var preview = await PreviewAsync(request with { Rma = current.Rma }, cancellationToken).ConfigureAwait(false);
            handling = handling with { Sales = [.. ExchangeSales(request, preview), .. request.Upsells] };
            var inspections = current.Lines
                .Select(l => (Line: l, Result: plan.Lines.First(p => p.LineId == l.LineId)))
                .Select(x => new LineInspection(x.Line.OrderNumber, x.Line.LineId, x.Result.Grade) { Disposition = x.Result.Disposition, DispositionSiteId = x.Result.SiteId, DeductionPercent = x.Result.DeductionPercent })
                .ToList();
            current = await _lifecycle.MarkInspectedAsync(current.Rma, inspections, Step("inspect"), associate, handling, cancellationToken).ConfigureAwait(false);
        }

        var outcome = await _refunds.RefundAsync(current.Rma, associate, cancellationToken).ConfigureAwait(false);
        return new StoreReturnReceipt(outcome.Return, plan.Lines);
    }

    // The store records the exchange items it handed over; what the customer paid at the till for them is the amount due.
    private static IEnumerable<StoreSale> ExchangeSales(StoreReturnRequest request, StoreReturnPreview preview)
    {
        if (preview.Refunds.Count == 0)
        {
            yield break;
        }

        var due = preview.Refunds.Select(r => r.AmountDue).Aggregate((a, b) => a + b);
        for (var i = 0; i < request.ExchangeItems.Count; i++)
        {
            yield return new StoreSale(request.ExchangeItems[i].Sku, request.ExchangeItems[i].Quantity, i == 0 ? due : Money.Zero(due.Currency), IsExchange: true);
        }
    }

    private static ReturnRequestLine Inspected(ReturnRequestLine line, StorePlan plan)
    {
        var result = plan.Lines.First(l => l.LineId == line.LineId);
        return line with { InspectedGrade = result.Grade, Disposition = result.Disposition, DispositionSiteId = result.SiteId, DeductionPercent = result.DeductionPercent };
    }

    private async Task<StorePlan> Plan(StoreReturnRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.StoreId);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.AssociateId);
        var warehouse = _options.Warehouse ?? throw new InvalidOperationException("StoreDeskOptions.Warehouse is required: where items a store does not keep are sent.");
        var errors = new List<ValidationError>();
        var order = await _orders.FindAsync(request.OrderNumber ?? string.Empty, cancellationToken).ConfigureAwait(false)
            ?? throw new ReturnsValidationException("orderNumber", $"no order '{request.OrderNumber}' was found; look it up by e-mail or the portal's QR code.");
        if (request.Items is not { Count: > 0 })
        {
            throw new ReturnsValidationException("items", "scan at least one item.");
        }

        ReturnRequest? portal = null;
        if (request.Rma is { } rma)
        {
            portal = await _store.FindAsync(rma, cancellationToken).ConfigureAwait(false);
            if (portal is null || !portal.OrderNumbers.Contains(order.Number, StringComparer.Ordinal))
            {
                throw new ReturnsValidationException("rma", $"return {rma} does not exist or is not for order '{order.Number}'.");
            }

            if (portal.OrderNumbers.Count > 1)
            {
                throw new ReturnsValidationException("rma", $"return {rma} covers several orders; process it at the warehouse.");
            }
        }

        var returned = await ReturnedUnits.CountAsync(_store, order.Number, portal?.Rma, cancellationToken).ConfigureAwait(false);

        // Each scanned SKU takes units of the first order line with that SKU that still has units left.
        var taken = new Dictionary<string, (StoreReturnItem Item, OrderLine Line, int Index)>(StringComparer.Ordinal);
        for (var i = 0; i < request.Items.Count; i++)
        {
            var item = request.Items[i];
            var path = $"items[{i}]";
            if (item is null || item.Quantity < 1)
            {
                errors.Add(new ValidationError(path, "must be an item with a quantity of at least 1."));
                continue;
            }

            var candidates = order.Lines.Where(l => string.Equals(l.Sku, item.Sku, StringComparison.OrdinalIgnoreCase) && (item.LineId is null || l.LineId == item.LineId)).ToList();
            var line = candidates.FirstOrDefault(l => !taken.ContainsKey(l.LineId) && l.Quantity - returned.GetValueOrDefault(l.LineId) >= item.Quantity);
            if (candidates.Count == 0)
            {
                errors.Add(new ValidationError($"{path}.sku", $"'{item.Sku}' is not on order '{order.Number}'."));
            }
            else if (line is null)
            {
                var left = candidates.Sum(l => l.Quantity - returned.GetValueOrDefault(l.LineId));
                errors.Add(new ValidationError($"{path}.quantity", $"order '{order.Number}' has {left} unit(s) of '{item.Sku}' left to return; {item.Quantity} scanned (scan all units of one line as one item)."));
            }
            else
            {
                taken[line.LineId] = (item, line, i);
            }
        }

        if (errors.Count > 0)
        {
            throw new ReturnsValidationException(errors);
        }

        var requested = taken.Values.Select(t => new RequestedReturnLine(t.Line.LineId, t.Item.Quantity) { Reason = Reason(t.Item, t.Index, errors), Condition = t.Item.Condition }).ToList();
        if (errors.Count > 0)
        {
            throw new ReturnsValidationException(errors);
        }

        var evaluation = _policy.Evaluate(new PolicyEvaluationRequest(order) { At = portal?.CreatedAt ?? _time.GetUtcNow(), AlreadyReturned = returned, Items = requested });
        var storeStock = _options.Stores.FirstOrDefault(s => string.Equals(s.WarehouseId, request.StoreId, StringComparison.OrdinalIgnoreCase));
        var lines = new List<StoreReturnLine>();
        var returnLines = new List<ReturnRequestLine>();
        foreach (var (item, line, index) in taken.Values)
        {
            var path = $"items[{index}]";
            var decision = evaluation.Lines.First(d => d.LineId == line.LineId);
            if (!decision.IsReturnable)
            {
                errors.Add(new ValidationError(path, $"'{item.Sku}' cannot be returned: {decision.Message}"));
                continue;
            }

            if ((decision.RefundTypes & request.Resolution) == 0)
            {
                errors.Add(new ValidationError("resolution", $"{request.Resolution} is not allowed for '{item.Sku}'; the policy allows {decision.RefundTypes}."));
                continue;
            }

            var reason = requested.First(r => r.LineId == line.LineId).Reason!;
            var portalLine = portal?.Lines.FirstOrDefault(l => l.LineId == line.LineId);
            var declared = new GradingInput(line.Product, portalLine?.Condition ?? item.Condition, reason) { LineId = line.LineId };
            var inspection = _grader.Inspect(declared, new InspectionRecord(item.Condition, InspectionSite.Store, request.StoreId) { MissingParts = item.MissingParts, ItemSwapped = item.ItemSwapped });
            if (inspection.Refund.Action == RefundAction.Rejection)
            {
                errors.Add(new ValidationError(path, $"'{item.Sku}' cannot be accepted: {inspection.Explanation} Hand it back to the customer."));
                continue;
            }

            var grade = inspection.Inspected.Grade;
            var inStore = storeStock is null ? null : _router.Route(grade, line.Product.Category, storeStock);
            var routed = inStore is { Outcome: DispositionOutcome.Preferred } ? inStore : _router.Route(grade, line.Product.Category, warehouse);
            lines.Add(new StoreReturnLine(
                line.LineId,
                line.Sku,
                item.Quantity,
                grade,
                routed.Disposition,
                routed.WarehouseId,
                ReferenceEquals(routed, inStore),
                inspection.Refund.DeductionPercent,
                inspection.Explanation + " " + routed.Explanation));
            returnLines.Add(new ReturnRequestLine(order.Number, line.LineId, line.Sku, item.Quantity, item.ReasonCode) { Category = line.Product.Category, Condition = portalLine?.Condition ?? item.Condition });
        }

        if (portal is not null && errors.Count == 0
            && (portal.Lines.Count != returnLines.Count || portal.Lines.Any(p => !returnLines.Any(r => r.LineId == p.LineId && r.Quantity == p.Quantity))))
        {
            errors.Add(new ValidationError("items", $"the items scanned differ from return {portal.Rma}: {string.Join(", ", portal.Lines.Select(l => $"{l.Quantity} x {l.Sku}"))}; scan exactly those, or cancel it and start a new store return."));
        }

        if (errors.Count > 0)
        {
            throw new ReturnsValidationException(errors);
        }

        return new StorePlan(order, portal, lines, portal?.Lines ?? returnLines);
    }

    private ReturnReason? Reason(StoreReturnItem item, int index, List<ValidationError> errors)
    {
        if (_refundOptions.Reasons.TryGet(item.ReasonCode ?? string.Empty, out var reason))
        {
            return reason;
        }

        errors.Add(new ValidationError($"items[{index}].reasonCode", $"'{item.ReasonCode}' is not a known reason code."));
        return null;
    }

    private sealed record StorePlan(Order Order, ReturnRequest? Portal, IReadOnlyList<StoreReturnLine> Lines, IReadOnlyList<ReturnRequestLine> ReturnLines);
}

/// <summary>What a store return would come to, before the associate confirms it.</summary>
/// <param name="Lines">Each item's grade and destination.</param>
/// <param name="Refunds">The refund per order.</param>
public sealed record StoreReturnPreview(IReadOnlyList<StoreReturnLine> Lines, IReadOnlyList<RefundCalculation> Refunds);
