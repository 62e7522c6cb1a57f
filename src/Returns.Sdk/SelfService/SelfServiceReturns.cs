using Microsoft.Extensions.Options;
using Returns.Sdk.Carriers;
using Returns.Sdk.Lifecycle;
using Returns.Sdk.Orders;
using Returns.Sdk.Policy;
using Returns.Sdk.Refunds;
using Returns.Sdk.Serialization;
using Returns.Sdk.ReturnOptions;
using Returns.Sdk.SelfService.Internal;

namespace Returns.Sdk.SelfService;

/// <summary>
/// The customer's own return, end to end, as a portal or an API serves it: what may come back, the ranked ways to
/// send it with the refund each leads to, and the confirmation that records, authorizes and labels the return.
/// </summary>
/// <remarks>
/// Every step re-reads the order and re-applies the policy: what a client sends back (an option, a price) is never
/// trusted, only its choice among the options computed again. The caller proves the customer owns the order (the
/// portal's signed session does).
/// </remarks>
public sealed class SelfServiceReturns
{
    private readonly IOrderSource _orders;
    private readonly IReturnStore _store;
    private readonly ReturnLifecycle _lifecycle;
    private readonly ReturnPolicyEngine _policy;
    private readonly ReturnOptionService _options;
    private readonly RefundOrchestrator _refunds;
    private readonly SelfServiceOptions _settings;
    private readonly TimeProvider _time;

    /// <summary>Creates the service.</summary>
    /// <param name="orders">Where orders are read.</param>
    /// <param name="store">Where returns are kept.</param>
    /// <param name="lifecycle">Records and labels returns.</param>
    /// <param name="policy">The return policy.</param>
    /// <param name="options">Ranks the ways back.</param>
    /// <param name="refunds">Calculates the expected refund.</param>
    /// <param name="settings">The warehouse, reasons and limits.</param>
    /// <param name="time">The clock.</param>
    public SelfServiceReturns(IOrderSource orders, IReturnStore store, ReturnLifecycle lifecycle, ReturnPolicyEngine policy, ReturnOptionService options, RefundOrchestrator refunds, IOptions<SelfServiceOptions> settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(lifecycle);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(refunds);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        _orders = orders;
        _store = store;
        _lifecycle = lifecycle;
        _policy = policy;
        _options = options;
        _refunds = refunds;
        _settings = settings.Value;
        _time = time;
    }

    /// <summary>The order with the policy's verdict on each line and the returns already made.</summary>
    /// <param name="orderNumber">The order.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The order, or <see langword="null"/> when the order source does not know it.</returns>
    public async Task<ReturnableOrder?> GetOrderAsync(string orderNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orderNumber);
        if (await _orders.FindAsync(orderNumber, cancellationToken).ConfigureAwait(false) is not { } order)
        {
            return null;
        }

        var returned = await ReturnedUnits.CountAsync(_store, order.Number, null, cancellationToken).ConfigureAwait(false);
        var evaluation = _policy.Evaluate(new PolicyEvaluationRequest(order) { At = _time.GetUtcNow(), AlreadyReturned = returned });
        var lines = order.Lines.Select(l => new ReturnableLine(l, evaluation.Lines.First(d => d.LineId == l.LineId), returned.GetValueOrDefault(l.LineId))).ToList();
        var returns = (await _store.FindByOrderAsync(order.Number, cancellationToken).ConfigureAwait(false)).OrderByDescending(r => r.CreatedAt).ToList();
        return new ReturnableOrder(order, evaluation, lines, returns, _settings.Reasons.Reasons);
    }

    /// <summary>One return of the order, or <see langword="null"/> when it does not exist or belongs to another order.</summary>
    /// <param name="orderNumber">The order the customer proved.</param>
    /// <param name="rma">The return asked for.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The return, or <see langword="null"/>; never another order's return.</returns>
    public async Task<ReturnRequest?> FindReturnAsync(string orderNumber, RmaNumber rma, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orderNumber);
        var found = await _store.FindAsync(rma, cancellationToken).ConfigureAwait(false);
        return found is not null && found.OrderNumbers.Contains(orderNumber, StringComparer.Ordinal) ? found : null;
    }

    /// <summary>Checks the chosen items against the policy and ranks the ways they can come back, each with its expected refund.</summary>
    /// <param name="request">The items and where the customer is.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The ranked options; none is an answer too (see <see cref="ReturnOptionResult.Excluded"/>).</returns>
    /// <exception cref="ReturnsValidationException">Every problem at once, each with its path: unknown order or line, bad quantity, unknown reason, missing comment, units not returnable, resolution not allowed.</exception>
    public async Task<SelfServiceQuote> QuoteAsync(SelfServiceRequest request, CancellationToken cancellationToken = default) =>
        (await QuoteCoreAsync(request, null, cancellationToken).ConfigureAwait(false)).Quote;

    /// <summary>
    /// Records the return with the chosen option, authorizes it (the policy check is the authorization) and, for a
    /// carrier option, has the carrier issue the label. Safe to repeat with the same key: a retry after a timeout or a
    /// failed label continues the same return.
    /// </summary>
    /// <param name="request">The items and where the customer is.</param>
    /// <param name="optionKey">The <see cref="ReturnOption.Key"/> the customer chose from a quote.</param>
    /// <param name="labelMode">How the customer wants the label; the option's preferred mode when <see langword="null"/>.</param>
    /// <param name="key">The idempotency key of this confirmation, at most 190 characters.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The return, its label or QR payload and the refund expected.</returns>
    /// <exception cref="ReturnsValidationException">The request is invalid, or the option or label mode is not offered any more.</exception>
    /// <exception cref="CarrierException">The carrier failed to issue the label; the return is recorded and a retry with the same key issues it.</exception>
    public async Task<SelfServiceConfirmation> ConfirmAsync(SelfServiceRequest request, string optionKey, LabelModes? labelMode, IdempotencyKey key, CancellationToken cancellationToken = default)
    {
        if (key.Value.Length > IdempotencyKey.MaxLength - 10)
        {
            throw new ArgumentException($"A confirmation key is at most {IdempotencyKey.MaxLength - 10} characters; one key per step is derived from it.", nameof(key));
        }

        var warehouse = _settings.WarehouseAddress ?? throw new InvalidOperationException("SelfServiceOptions.WarehouseAddress is required: where carrier returns are addressed.");
        ArgumentNullException.ThrowIfNull(request);
        IdempotencyKey Step(string name) => new($"{key.Value}:{name}");

        // A retry of this confirmation (the label failed, the answer was lost) finds the return it recorded: that
        // return's units count as free, so the retry continues it instead of being refused for units it took itself.
        var orderNumber = (await _orders.FindAsync(request.OrderNumber ?? string.Empty, cancellationToken).ConfigureAwait(false))?.Number;
        var earlier = orderNumber is null
            ? null
            : (await _store.FindByOrderAsync(orderNumber, cancellationToken).ConfigureAwait(false)).FirstOrDefault(r => r.ConfirmationKey == key.Value);
        var plan = await PlanAsync(request, optionKey, labelMode, key.Value, earlier?.Rma, cancellationToken).ConfigureAwait(false);
        var (order, lines, quote, chosen, mode, arrival) = plan;
        var option = chosen.Option;
        var actor = new ReturnActor(ReturnChannel.Portal, order.Customer.Id);
        // The recorded return is continued as it is, even when a later quote would date or place it differently.
        var created = earlier is not null && earlier.Method == option.Method && earlier.CarrierId == option.CarrierId && earlier.ServiceCode == option.ServiceCode
            ? earlier
            : await _lifecycle.CreateAsync(plan.NewReturn, Step("create"), actor, cancellationToken).ConfigureAwait(false);
        var current = created.State == ReturnState.Requested
            ? await _lifecycle.AuthorizeAsync(created.Rma, Step("authorize"), ReturnActor.System, cancellationToken: cancellationToken).ConfigureAwait(false)
            : created;

        if (option.Method == ReturnMethod.InStore || option.CarrierId is null || option.ServiceCode is null)
        {
            return new SelfServiceConfirmation(current, chosen, LabelModes.None) { QrPayload = current.Rma.Value };
        }

        var parcel = quote.Result.ParcelEstimate?.Parcel
            ?? throw new InvalidOperationException("The option engine offered a carrier option without a parcel estimate.");
        var issued = await _lifecycle.IssueLabelAsync(
            current.Rma,
            new LabelRequest(option.CarrierId, option.ServiceCode, option.Method, parcel, request.CustomerAddress ?? order.ShippingAddress!, warehouse)
            {
                LabelMode = mode,
                WarehouseId = _settings.WarehouseId,
                ExpectedArrival = arrival,
                CustomerEmail = order.Customer.Email,
                Items = [.. lines.Select(l => Item(order, l))],
            },
            Step("label"),
            actor,
            cancellationToken).ConfigureAwait(false);
        return new SelfServiceConfirmation(issued.Return, chosen, mode) { Label = issued.Label, QrPayload = issued.QrPayload };
    }

    // The quote again, the option and label mode chosen from it, and the return they make; `except` is a return whose
    // units are counted as still available (the one an earlier attempt with the same key recorded).
    private async Task<Plan> PlanAsync(SelfServiceRequest request, string optionKey, LabelModes? labelMode, string confirmationKey, RmaNumber? except, CancellationToken cancellationToken)
    {
        var (order, lines, quote) = await QuoteCoreAsync(request, except, cancellationToken).ConfigureAwait(false);
        var chosen = quote.Find(optionKey)
            ?? throw new ReturnsValidationException("optionKey", $"'{optionKey}' is not among the options offered now ({string.Join(", ", quote.Options.Select(o => o.Option.Key))}); ask for the options again.");
        var option = chosen.Option;
        var mode = option.Method == ReturnMethod.InStore ? LabelModes.None : labelMode ?? option.PreferredLabelMode;
        if (option.Method != ReturnMethod.InStore && (mode == LabelModes.None || (mode & (mode - 1)) != 0 || (option.LabelModes & mode) == 0))
        {
            throw new ReturnsValidationException("labelMode", $"{option.Key} offers the label as {option.LabelModes}, not {mode}.");
        }

        var zone = request.TimeZone ?? _settings.TimeZone;
        var noon = option.ExpectedArrival.ToDateTime(new TimeOnly(12, 0));
        var arrival = new DateTimeOffset(noon, zone.GetUtcOffset(noon));
        var newReturn = new NewReturn(order.Customer.Id, lines)
        {
            Method = option.Method,
            CarrierId = option.CarrierId,
            ServiceCode = option.ServiceCode,
            StoreId = option.Method == ReturnMethod.InStore ? option.NearestLocation?.Point.Id : null,
            WarehouseId = _settings.WarehouseId,
            ExpectedArrival = arrival,
            Resolution = request.Resolution,
            ConfirmationKey = confirmationKey,
        };
        return new Plan(order, lines, quote, chosen, mode, arrival) { NewReturn = newReturn };
    }

    private async Task<(Order Order, IReadOnlyList<ReturnRequestLine> Lines, SelfServiceQuote Quote)> QuoteCoreAsync(SelfServiceRequest request, RmaNumber? except, CancellationToken cancellationToken)
    {
        var (order, evaluation, lines) = await Check(request, except, cancellationToken).ConfigureAwait(false);
        var address = request.CustomerAddress ?? order.ShippingAddress
            ?? throw new ReturnsValidationException("customerAddress", $"order '{order.Number}' has no shipping address; give the address the parcel leaves from.");
        var result = await _options.GetOptionsAsync(
            new ReturnOptionQuery(order, evaluation, address)
            {
                CustomerLocation = request.CustomerLocation ?? address.Coordinates,
                TimeZone = request.TimeZone ?? _settings.TimeZone,
                At = _time.GetUtcNow(),
            },
            cancellationToken).ConfigureAwait(false);

        // The refund differs by method only through the method's fee: one calculation per method.
        var draft = new ReturnRequest(RmaNumber.NewRandom(), order.Customer.Id, lines, _time.GetUtcNow()) { Resolution = request.Resolution };
        var byMethod = new Dictionary<ReturnMethod, RefundCalculation>();
        var quoted = new List<QuotedOption>(result.Options.Count);
        foreach (var option in result.Options)
        {
            if (!byMethod.TryGetValue(option.Method, out var refund))
            {
                var calculations = await _refunds.PreviewAsync(draft with { Method = option.Method }, cancellationToken).ConfigureAwait(false);
                refund = byMethod[option.Method] = calculations[0].Calculation;
            }

            quoted.Add(new QuotedOption(option, refund));
        }

        return (order, lines, new SelfServiceQuote(request, evaluation, quoted, result));
    }

    private static ShipmentItem Item(Order order, ReturnRequestLine line)
    {
        var orderLine = order.FindLine(line.LineId)!;
        return new ShipmentItem($"{orderLine.Product.Category} {orderLine.Sku}", line.Quantity, (orderLine.Net * ((decimal)line.Quantity / orderLine.Quantity)).Round())
        {
            Sku = orderLine.Sku,
            Weight = orderLine.Product.Weight,
        };
    }

    private async Task<(Order Order, PolicyEvaluation Evaluation, IReadOnlyList<ReturnRequestLine> Lines)> Check(SelfServiceRequest request, RmaNumber? except, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Items is not { Count: > 0 })
        {
            throw new ReturnsValidationException("items", "choose at least one item to return.");
        }

        if (request.Items.Count > _settings.MaxItems)
        {
            throw new ReturnsValidationException("items", $"{request.Items.Count} items is more than the {_settings.MaxItems} one return may hold.");
        }

        var order = await _orders.FindAsync(request.OrderNumber ?? string.Empty, cancellationToken).ConfigureAwait(false)
            ?? throw new ReturnsValidationException("orderNumber", $"no order '{request.OrderNumber}' was found.");
        var errors = new List<ValidationError>();
        var requested = new List<RequestedReturnLine>(request.Items.Count);
        var wellFormed = new List<int>(request.Items.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < request.Items.Count; i++)
        {
            var item = request.Items[i];
            var path = $"items[{i}]";
            if (item is null)
            {
                errors.Add(new ValidationError(path, "must be an item."));
                continue;
            }

            if (order.FindLine(item.LineId ?? string.Empty) is null)
            {
                errors.Add(new ValidationError($"{path}.lineId", $"'{item.LineId}' is not a line of order '{order.Number}'."));
                continue;
            }

            if (!seen.Add(item.LineId!))
            {
                errors.Add(new ValidationError($"{path}.lineId", $"line '{item.LineId}' is chosen twice; give all its units as one item."));
                continue;
            }

            var before = errors.Count;
            if (item.Quantity < 1)
            {
                errors.Add(new ValidationError($"{path}.quantity", $"must be at least 1, not {item.Quantity}."));
            }

            if (!_settings.Reasons.TryGet(item.ReasonCode ?? string.Empty, out var reason))
            {
                errors.Add(new ValidationError($"{path}.reasonCode", $"'{item.ReasonCode}' is not a known reason; use one of {string.Join(", ", _settings.Reasons.Reasons.Select(r => r.Code))}."));
            }
            else if (reason.RequiresComment && string.IsNullOrWhiteSpace(item.Comment))
            {
                errors.Add(new ValidationError($"{path}.comment", $"the reason '{reason.Code}' needs a few words from the customer."));
            }

            // Only well-formed items go to the policy, which would refuse the others again under other paths.
            if (errors.Count == before)
            {
                requested.Add(new RequestedReturnLine(item.LineId!, item.Quantity) { Reason = reason, Comment = item.Comment, Condition = item.Condition });
                wellFormed.Add(i);
            }
        }

        // The policy's verdict on the well-formed items is reported with the other problems, so the customer sees
        // every problem of the request at once.
        var returned = await ReturnedUnits.CountAsync(_store, order.Number, except, cancellationToken).ConfigureAwait(false);
        var evaluation = _policy.Evaluate(new PolicyEvaluationRequest(order) { At = _time.GetUtcNow(), AlreadyReturned = returned, Items = requested });
        var lines = new List<ReturnRequestLine>(wellFormed.Count);
        foreach (var i in wellFormed)
        {
            var item = request.Items[i];
            var decision = evaluation.Lines.First(d => d.LineId == item.LineId);
            if (decision.Code == PolicyDecisionCode.QuantityExceedsReturnable || (decision.IsReturnable && item.Quantity > decision.ReturnableQuantity))
            {
                errors.Add(new ValidationError($"items[{i}].quantity", $"{decision.ReturnableQuantity} unit(s) of '{decision.Sku}' can still be returned, not {item.Quantity}."));
            }
            else if (!decision.IsReturnable)
            {
                errors.Add(new ValidationError($"items[{i}]", $"'{decision.Sku}' cannot be returned: {decision.Message}"));
            }
            else if ((decision.RefundTypes & request.Resolution) == 0)
            {
                errors.Add(new ValidationError("resolution", $"{string.Join(", ", request.Resolution.ToNames())} is not offered for '{decision.Sku}'; the policy offers {string.Join(", ", decision.RefundTypes.ToNames())}."));
            }
            else
            {
                var line = order.FindLine(item.LineId)!;
                lines.Add(new ReturnRequestLine(order.Number, line.LineId, line.Sku, item.Quantity, item.ReasonCode) { Comment = item.Comment, Condition = item.Condition, Category = line.Product.Category });
            }
        }

        if (errors.Count > 0)
        {
            throw new ReturnsValidationException(errors);
        }

        return (order, evaluation, lines);
    }

    private sealed record Plan(Order Order, IReadOnlyList<ReturnRequestLine> Lines, SelfServiceQuote Quote, QuotedOption Chosen, LabelModes Mode, DateTimeOffset Arrival)
    {
        public required NewReturn NewReturn { get; init; }
    }
}
