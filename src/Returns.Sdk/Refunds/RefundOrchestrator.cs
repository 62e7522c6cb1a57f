using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Returns.Sdk.Lifecycle;
using Returns.Sdk.Orders;
using Returns.Sdk.Policy;

namespace Returns.Sdk.Refunds;

/// <summary>
/// Pays a return's refunds exactly once: one refund per order in the return, calculated from the order, the policy and
/// the order's earlier refunds; recorded with the return before the payment platform is called; paid with an
/// idempotency key that stays the same for every call about it; and confirmed afterwards. A caller that crashes
/// between the call and the confirmation leaves the refund pending; the next caller resumes it with the same key, so
/// the platform pays it once.
/// </summary>
/// <remarks>
/// Concurrent callers for one refund are serialised by a leased claim in the return store: one calls the platform,
/// the others wait for its outcome. Refunds of one order from different returns are calculated one at a time, so that
/// two returns never both take the last cent or the shipping.
/// </remarks>
public sealed partial class RefundOrchestrator
{
    private const int ConcurrencyRetries = 5;

    private readonly IReturnStore _store;
    private readonly IOrderSource _orders;
    private readonly ReturnPolicyEngine _policy;
    private readonly IRefundGateway _gateway;
    private readonly RefundOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the orchestrator.</summary>
    /// <param name="store">Where returns and their refunds are kept.</param>
    /// <param name="orders">Where orders are read.</param>
    /// <param name="policy">The return policy.</param>
    /// <param name="gateway">The payment platform.</param>
    /// <param name="options">Leases and waits.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger.</param>
    public RefundOrchestrator(IReturnStore store, IOrderSource orders, ReturnPolicyEngine policy, IRefundGateway gateway, IOptions<RefundOptions> options, TimeProvider time, ILogger<RefundOrchestrator>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _orders = orders;
        _policy = policy;
        _gateway = gateway;
        _options = options.Value;
        _time = time;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>
    /// Refunds a return if the policy's timing is reached for its current state (first carrier scan, receipt or
    /// inspection; at authorization for trusted customers); otherwise does nothing and answers <c>Due = false</c>.
    /// Safe to call any number of times, from any number of callers at once.
    /// </summary>
    /// <param name="rma">The return.</param>
    /// <param name="actor">Who or what asks.</param>
    /// <param name="cancellationToken">Cancels the request; a refund in flight stays pending and is resumed later.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="RefundNotAllowedException">The return was rejected, cancelled or expired, or is not authorized yet.</exception>
    /// <exception cref="RefundGatewayException">The payment platform refused or could not be reached; when transient, the refund stays pending.</exception>
    public Task<RefundOutcome> RefundAsync(RmaNumber rma, ReturnActor actor, CancellationToken cancellationToken = default) =>
        Run(rma, actor, manual: false, cancellationToken);

    /// <summary>Refunds a return now, whatever the policy's timing: a person's decision, audited as manual.</summary>
    /// <param name="rma">The return.</param>
    /// <param name="actor">Who decided.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="RefundNotAllowedException">The return was rejected, cancelled or expired, or is not authorized yet.</exception>
    /// <exception cref="RefundGatewayException">The payment platform refused or could not be reached.</exception>
    public Task<RefundOutcome> RefundNowAsync(RmaNumber rma, ReturnActor actor, CancellationToken cancellationToken = default) =>
        Run(rma, actor, manual: true, cancellationToken);

    /// <summary>Retries a refund the payment platform refused, as a new attempt with a new key.</summary>
    /// <param name="rma">The return.</param>
    /// <param name="refundId">The failed refund.</param>
    /// <param name="actor">Who retries.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentException">The return has no failed refund with that id.</exception>
    public async Task<RefundOutcome> RetryFailedAsync(RmaNumber rma, string refundId, ReturnActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(refundId);
        ArgumentNullException.ThrowIfNull(actor);
        var current = await Load(rma, cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; ; attempt++)
        {
            var failed = current.Refunds.FirstOrDefault(r => r.RefundId == refundId)
                ?? throw new ArgumentException($"Return {rma} has no refund '{refundId}'.", nameof(refundId));
            if (failed.Status != RefundStatus.Failed)
            {
                break;
            }

            var retried = failed with { Status = RefundStatus.Pending, Attempt = failed.Attempt + 1, Calls = 0, LastError = null, CompletedAt = null };
            var committed = await TryCommit(current, Replace(current, retried), actor, "refund_retried", ReturnEventTypes.RefundRecorded, null, $"{refundId} attempt {retried.Attempt}", attempt, cancellationToken).ConfigureAwait(false);
            current = committed.Return;
            if (committed.Stored)
            {
                break;
            }
        }

        return await Run(rma, actor, manual: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Calculates what a return would refund per order now, without recording or paying anything.</summary>
    /// <param name="return">The return, stored or not.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One calculation per order, in the return's order.</returns>
    /// <exception cref="ReturnsValidationException">An order is unknown, or a line is not refundable under the policy.</exception>
    public async Task<IReadOnlyList<(string OrderNumber, RefundCalculation Calculation)>> PreviewAsync(ReturnRequest @return, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(@return);
        var result = new List<(string, RefundCalculation)>(@return.OrderNumbers.Count);
        foreach (var orderNumber in @return.OrderNumbers)
        {
            var (_, calculation) = await Calculate(@return, orderNumber, cancellationToken).ConfigureAwait(false);
            result.Add((orderNumber, calculation));
        }

        return result;
    }

    private async Task<RefundOutcome> Run(RmaNumber rma, ReturnActor actor, bool manual, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        using var activity = ReturnsDiagnostics.ActivitySource.StartActivity("returns.refund");
        activity?.SetTag("returns.rma", rma.Value);
        var current = await Load(rma, cancellationToken).ConfigureAwait(false);
        var stage = StageOf(current);
        if (current.State is ReturnState.Rejected or ReturnState.Cancelled or ReturnState.Expired || stage is null)
        {
            throw new RefundNotAllowedException(rma, current.State, $"Return {rma} is {current.State}; only an authorized return that was not cancelled, rejected or expired is refunded.");
        }

        // A return settled without the orchestrator (refunded by hand, on another system) is not paid again by events;
        // only a person's explicit decision starts a new refund for it. Pending refunds are still resumed.
        var settledElsewhere = current.State is ReturnState.Refunded or ReturnState.Exchanged or ReturnState.Credited or ReturnState.Closed;
        var anyDue = false;
        for (var index = 0; index < current.OrderNumbers.Count; index++)
        {
            var orderNumber = current.OrderNumbers[index];
            var record = current.Refunds.FirstOrDefault(r => r.OrderNumber == orderNumber);
            if (record is null && settledElsewhere && !manual)
            {
                continue;
            }

            if (record is null)
            {
                var order = await FindOrder(orderNumber, cancellationToken).ConfigureAwait(false);
                var terms = _policy.Evaluate(new PolicyEvaluationRequest(order) { At = current.CreatedAt }).Refunds;
                if (!manual && !IsDue(terms, stage.Value))
                {
                    continue;
                }

                current = await RecordIntent(current, index, orderNumber, manual ? RefundTrigger.Manual : stage.Value, actor, cancellationToken).ConfigureAwait(false);
                record = current.Refunds.First(r => r.OrderNumber == orderNumber);
            }

            anyDue = true;
            if (record.Status == RefundStatus.Pending)
            {
                current = await Pay(current, record, actor, cancellationToken).ConfigureAwait(false);
            }
        }

        if (anyDue)
        {
            current = await Settle(current, actor, cancellationToken).ConfigureAwait(false);
        }

        return new RefundOutcome(current, anyDue);
    }

    // How far the return has come, as the policy's timing sees it.
    private static RefundTrigger? StageOf(ReturnRequest r) => r.State switch
    {
        ReturnState.Authorized or ReturnState.LabelIssued => RefundTrigger.Authorized,
        ReturnState.InTransit => RefundTrigger.FirstScan,
        ReturnState.Received => RefundTrigger.Received,
        ReturnState.Inspected or ReturnState.Refunded or ReturnState.Exchanged or ReturnState.Credited or ReturnState.Closed => RefundTrigger.Inspected,
        _ => null,
    };

    private static bool IsDue(RefundTerms terms, RefundTrigger stage) =>
        terms.Instant || stage >= terms.Timing switch
        {
            RefundTiming.AtFirstScan => RefundTrigger.FirstScan,
            RefundTiming.AtReceipt => RefundTrigger.Received,
            _ => RefundTrigger.Inspected,
        };

    private async Task<ReturnRequest> RecordIntent(ReturnRequest current, int index, string orderNumber, RefundTrigger trigger, ReturnActor actor, CancellationToken cancellationToken)
    {
        // One order's refunds are calculated one at a time: each builds on what the earlier ones paid.
        var orderLock = new IdempotencyKey("refund-order-" + Hash(orderNumber));
        await Claim(orderLock, "refund-order", cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                current = await Load(current.Rma, cancellationToken).ConfigureAwait(false);
                if (current.Refunds.Any(r => r.OrderNumber == orderNumber))
                {
                    return current;
                }

                var (order, calculation) = await Calculate(current, orderNumber, cancellationToken).ConfigureAwait(false);
                var record = new RefundRecord($"{current.Rma.Value}-R{index + 1}", orderNumber, calculation, trigger, _time.GetUtcNow())
                {
                    BookedTo = order.Channel,
                    HandledAtStoreId = current.StoreHandling?.StoreId,
                };
                var next = current with { Refunds = [.. current.Refunds, record] };
                var committed = await TryCommit(current, next, actor, "refund_recorded", ReturnEventTypes.RefundRecorded, null, $"{record.RefundId} {calculation.Payout}", attempt, cancellationToken).ConfigureAwait(false);
                if (committed.Stored)
                {
                    LogRecorded(record.RefundId, calculation.Payout, trigger);
                    return committed.Return;
                }
            }
        }
        finally
        {
            await _store.ReleaseIdempotencyKeyAsync(orderLock, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<(Order Order, RefundCalculation Calculation)> Calculate(ReturnRequest @return, string orderNumber, CancellationToken cancellationToken)
    {
        var order = await FindOrder(orderNumber, cancellationToken).ConfigureAwait(false);
        var history = await HistoryOf(orderNumber, @return.Rma, cancellationToken).ConfigureAwait(false);
        var lines = @return.Lines.Where(l => l.OrderNumber == orderNumber).ToList();
        var requested = lines.Select(l => new RequestedReturnLine(l.LineId, l.Quantity) { Reason = Reason(l), Condition = l.Condition, Comment = l.Comment }).ToList();
        var evaluation = _policy.Evaluate(new PolicyEvaluationRequest(order)
        {
            At = @return.CreatedAt,
            AlreadyReturned = history.RefundedQuantities,
            Items = requested,
        });
        var items = lines.Select(l => new RefundItem(l.LineId, l.Quantity) { DeductionPercent = l.DeductionPercent }).ToList();
        var retailerAtFault = requested.Any(r => r.Reason?.Fault == ReturnFault.Retailer);
        var lineIds = lines.Select(l => l.LineId).ToHashSet(StringComparer.Ordinal);
        var firstOrder = @return.OrderNumbers[0] == orderNumber;
        var request = RefundCalculationRequest.FromPolicy(order, items, evaluation, @return.Method ?? ReturnMethod.InStore, @return.Resolution, retailerAtFault) with
        {
            History = history,
            // A variant replaces a line of its own order; another product is settled against the first order.
            ExchangeItems = [.. @return.ExchangeItems.Where(e => e.ReplacesLineId is { } id ? lineIds.Contains(id) : firstOrder)],
        };
        if (request.Resolution == RefundTypes.Exchange && request.ExchangeItems.Count == 0)
        {
            request = request with { Resolution = RefundTypes.OriginalPayment };
        }

        return (order, RefundCalculator.Calculate(request));
    }

    private ReturnReason Reason(ReturnRequestLine line) =>
        _options.Reasons.TryGet(line.ReasonCode, out var reason)
            ? reason
            : throw new ReturnsValidationException($"lines[{line.LineId}].reasonCode", $"'{line.ReasonCode}' is not a reason of the configured taxonomy; pass the retailer's reasons in RefundOptions.Reasons.");

    // What the order's other returns already refunded (or are refunding): refused refunds paid nothing and do not count.
    private async Task<RefundHistory> HistoryOf(string orderNumber, RmaNumber except, CancellationToken cancellationToken)
    {
        var history = RefundHistory.None;
        foreach (var other in await _store.FindByOrderAsync(orderNumber, cancellationToken).ConfigureAwait(false))
        {
            if (other.Rma == except)
            {
                continue;
            }

            foreach (var refund in other.Refunds)
            {
                if (refund.OrderNumber == orderNumber && refund.Status != RefundStatus.Failed)
                {
                    history = history.Add(refund.Calculation);
                }
            }
        }

        return history;
    }

    private async Task<ReturnRequest> Pay(ReturnRequest current, RefundRecord record, ReturnActor actor, CancellationToken cancellationToken)
    {
        if (record.Calculation.Tenders.Count == 0)
        {
            // Nothing to pay back (an even exchange, or fees that ate the refund): confirmed without a call.
            return await Complete(current, record, r => r with { Status = RefundStatus.Succeeded, CompletedAt = _time.GetUtcNow() }, actor, "refund_succeeded", ReturnEventTypes.RefundSucceeded, null, cancellationToken).ConfigureAwait(false);
        }

        var claim = new IdempotencyKey("refund-" + record.GatewayKey);
        if (await Claim(claim, "refund", cancellationToken).ConfigureAwait(false) is { } finished)
        {
            return finished;
        }

        try
        {
            current = await Load(current.Rma, cancellationToken).ConfigureAwait(false);
            record = current.Refunds.First(r => r.RefundId == record.RefundId);
            if (record.Status != RefundStatus.Pending || record.GatewayKey != claim.Value["refund-".Length..])
            {
                await _store.ReleaseIdempotencyKeyAsync(claim, CancellationToken.None).ConfigureAwait(false);
                return current;
            }

            RefundConfirmation confirmation;
            try
            {
                confirmation = await _gateway.RefundAsync(Instruction(current, record), cancellationToken).ConfigureAwait(false);
            }
            catch (RefundGatewayException ex)
            {
                LogGatewayFailed(record.RefundId, ex.IsTransient, ex.ErrorCode ?? "none");
                var failed = !ex.IsTransient;
                await Complete(
                    current,
                    record,
                    r => r with
                    {
                        Status = failed ? RefundStatus.Failed : RefundStatus.Pending,
                        Calls = r.Calls + 1,
                        LastError = ex.ErrorCode ?? (ex.IsTransient ? "transient" : "refused"),
                        CompletedAt = failed ? _time.GetUtcNow() : null,
                    },
                    actor,
                    failed ? "refund_failed" : "refund_call_failed",
                    failed ? ReturnEventTypes.RefundFailed : null,
                    failed ? claim : null,
                    CancellationToken.None).ConfigureAwait(false);
                if (!failed)
                {
                    await _store.ReleaseIdempotencyKeyAsync(claim, CancellationToken.None).ConfigureAwait(false);
                }

                throw;
            }

            ReturnsDiagnostics.RefundsPaid.Add(1, new KeyValuePair<string, object?>("resolution", record.Calculation.Resolution.ToString()));
            LogPaid(record.RefundId, record.Calculation.Payout);
            return await Complete(
                current,
                record,
                r => r with { Status = RefundStatus.Succeeded, Calls = r.Calls + 1, GatewayReference = confirmation.GatewayReference, CompletedAt = _time.GetUtcNow(), LastError = null },
                actor,
                "refund_succeeded",
                ReturnEventTypes.RefundSucceeded,
                claim,
                CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not RefundGatewayException)
        {
            // Cancelled or crashed mid-call: the refund stays pending and the next caller resumes it with the same key.
            await _store.ReleaseIdempotencyKeyAsync(claim, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    private static RefundInstruction Instruction(ReturnRequest current, RefundRecord record) =>
        new(record.GatewayKey, record.RefundId, record.OrderNumber, current.Rma.Value, record.Calculation.Tenders)
        {
            BookedTo = record.BookedTo,
            HandledAtStoreId = record.HandledAtStoreId,
            AmountDue = record.Calculation.AmountDue.IsZero ? null : record.Calculation.AmountDue,
        };

    // Writes a refund's new status, re-reading the return when another change got in first. The outcome is written
    // even when the caller cancels: the money has moved.
    private async Task<ReturnRequest> Complete(ReturnRequest current, RefundRecord record, Func<RefundRecord, RefundRecord> update, ReturnActor actor, string action, string? eventType, IdempotencyKey? key, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var latest = current.Refunds.First(r => r.RefundId == record.RefundId);
            var committed = await TryCommit(current, Replace(current, update(latest)), actor, action, eventType, key, record.RefundId, attempt, cancellationToken).ConfigureAwait(false);
            if (committed.Stored)
            {
                return committed.Return;
            }

            current = committed.Return;
        }
    }

    // Once every order is refunded and the items are in, the return is settled as refunded, credited or exchanged.
    private async Task<ReturnRequest> Settle(ReturnRequest current, ReturnActor actor, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var done = current.Refunds.Count == current.OrderNumbers.Count && current.Refunds.All(r => r.Status == RefundStatus.Succeeded);
            if (!done || current.State is not (ReturnState.Received or ReturnState.Inspected))
            {
                return current;
            }

            var (target, action, eventType) = current.Resolution switch
            {
                RefundTypes.StoreCredit => (ReturnState.Credited, "credited", ReturnEventTypes.Credited),
                RefundTypes.Exchange => (ReturnState.Exchanged, "exchanged", ReturnEventTypes.Exchanged),
                _ => (ReturnState.Refunded, "refunded", ReturnEventTypes.Refunded),
            };
            var committed = await TryCommit(current, current with { State = target }, actor, action, eventType, null, null, attempt, cancellationToken).ConfigureAwait(false);
            if (committed.Stored)
            {
                return committed.Return;
            }

            current = committed.Return;
        }
    }

    private static ReturnRequest Replace(ReturnRequest current, RefundRecord record) =>
        current with { Refunds = [.. current.Refunds.Select(r => r.RefundId == record.RefundId ? record : r)] };

    // Commits `next` (the current return with changes, version not yet bumped). On a concurrent change answers the
    // re-read return and Stored = false, so the caller re-applies its change to it.
    private async Task<(ReturnRequest Return, bool Stored)> TryCommit(ReturnRequest current, ReturnRequest next, ReturnActor actor, string action, string? eventType, IdempotencyKey? key, string? note, int attempt, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        next = next with { Version = current.Version + 1, UpdatedAt = now };
        var change = new ReturnChange(next, current.Version, new ReturnAuditEntry(next.Version, now, actor, current.State, next.State, action) { Note = note })
        {
            Events = eventType is null ? [] : [new ReturnEvent(Guid.CreateVersion7(now), eventType, next.Rma, next.Version, now)],
            IdempotencyKey = key,
        };
        try
        {
            return (await _store.CommitAsync(change, cancellationToken).ConfigureAwait(false), true);
        }
        catch (ReturnConcurrencyException) when (attempt < ConcurrencyRetries)
        {
            return (await Load(current.Rma, cancellationToken).ConfigureAwait(false), false);
        }
    }

    // Waits for a leased claim. Answers the stored return when the claimed work was already completed by someone else.
    private async Task<ReturnRequest?> Claim(IdempotencyKey key, string fingerprint, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var delay = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            var claim = await _store.ClaimIdempotencyKeyAsync(key, fingerprint, _time.GetUtcNow(), _options.ClaimLease, cancellationToken).ConfigureAwait(false);
            switch (claim.Status)
            {
                case IdempotencyClaimStatus.Acquired:
                    return null;
                case IdempotencyClaimStatus.Completed when claim.Result is { } result:
                    return await Load(result.Rma, cancellationToken).ConfigureAwait(false);
            }

            var waited = _time.GetElapsedTime(started);
            if (waited >= _options.KeyWait)
            {
                throw new IdempotencyKeyInProgressException(key, waited);
            }

            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMilliseconds(250).Ticks));
        }
    }

    private async Task<Order> FindOrder(string orderNumber, CancellationToken cancellationToken) =>
        await _orders.FindAsync(orderNumber, cancellationToken).ConfigureAwait(false)
            ?? throw new ReturnsValidationException("lines.orderNumber", $"order '{orderNumber}' is not known to the order source.");

    private async Task<ReturnRequest> Load(RmaNumber rma, CancellationToken cancellationToken) =>
        await _store.FindAsync(rma, cancellationToken).ConfigureAwait(false) ?? throw new ReturnNotFoundException(rma);

    // Order numbers are the retailer's free text; keys are printable ASCII of bounded length.
    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 12));

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Refund {RefundId} recorded: {Payout} ({Trigger})")]
    private partial void LogRecorded(string refundId, Money payout, RefundTrigger trigger);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Refund {RefundId} paid: {Payout}")]
    private partial void LogPaid(string refundId, Money payout);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Refund {RefundId} not paid (transient: {Transient}, code {ErrorCode})")]
    private partial void LogGatewayFailed(string refundId, bool transient, string errorCode);
}
