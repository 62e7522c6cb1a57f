using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Returns.Sdk.Carriers;
using Returns.Sdk.Lifecycle.Internal;

namespace Returns.Sdk.Lifecycle;

/// <summary>
/// Moves returns through their lifecycle: every change is validated against <see cref="ReturnStateMachine"/>,
/// written with its audit entry and events in one commit, and guarded by the caller's idempotency key so that a retry
/// returns the first result (never a second RMA, label or carrier call).
/// </summary>
public sealed partial class ReturnLifecycle
{
    private const int TrackingRetries = 3;

    private readonly IReturnStore _store;
    private readonly Dictionary<string, CarrierAdapter> _carriers;
    private readonly ReturnLifecycleOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the service.</summary>
    /// <param name="store">Where returns are kept.</param>
    /// <param name="carriers">The registered carrier adapters, for labels, cancellations and tracking.</param>
    /// <param name="options">The options.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger; never given personal data.</param>
    public ReturnLifecycle(IReturnStore store, IEnumerable<CarrierAdapter> carriers, IOptions<ReturnLifecycleOptions> options, TimeProvider time, ILogger<ReturnLifecycle>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(carriers);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _carriers = carriers.ToDictionary(c => c.CarrierId, StringComparer.Ordinal);
        _options = options.Value;
        _time = time;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Creates a return in <see cref="ReturnState.Requested"/> with a new RMA number.</summary>
    /// <param name="request">The lines and, if chosen, the method and carrier.</param>
    /// <param name="key">The caller's idempotency key.</param>
    /// <param name="actor">Who asks.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The return; the same one for every retry with <paramref name="key"/>.</returns>
    public Task<ReturnRequest> CreateAsync(NewReturn request, IdempotencyKey key, ReturnActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        var fingerprint = Fingerprint.Of("create", request);
        return Idempotent(key, fingerprint, "create", async ct =>
        {
            var now = _time.GetUtcNow();
            for (var attempt = 1; ; attempt++)
            {
                var created = new ReturnRequest(RmaNumber.NewRandom(), request.CustomerId, request.Lines, now)
                {
                    Method = request.Method,
                    CarrierId = request.CarrierId,
                    ServiceCode = request.ServiceCode,
                    WarehouseId = request.WarehouseId,
                    StoreId = request.StoreId,
                    ExpectedArrival = request.ExpectedArrival,
                    Resolution = request.Resolution,
                    ExchangeItems = request.ExchangeItems,
                    StoreHandling = request.StoreHandling,
                    ConfirmationKey = request.ConfirmationKey,
                };
                var change = new ReturnChange(created, 0, new ReturnAuditEntry(1, now, actor, null, ReturnState.Requested, "created"))
                {
                    Events = [Event(ReturnEventTypes.Created, created)],
                    IdempotencyKey = key,
                };
                try
                {
                    return await Commit(change, ct).ConfigureAwait(false);
                }
                catch (ReturnConcurrencyException) when (attempt < 5)
                {
                    // 45 random bits rarely collide; a collision is only a reason to draw again.
                }
            }
        }, cancellationToken);
    }

    /// <summary>Authorizes a requested return until <paramref name="until"/> (or the configured number of days).</summary>
    /// <param name="rma">The return.</param>
    /// <param name="key">The caller's idempotency key.</param>
    /// <param name="actor">Who authorizes.</param>
    /// <param name="until">Until when the customer may send the items.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The authorized return.</returns>
    public Task<ReturnRequest> AuthorizeAsync(RmaNumber rma, IdempotencyKey key, ReturnActor actor, DateTimeOffset? until = null, CancellationToken cancellationToken = default) =>
        Move(rma, key, actor, ReturnState.Authorized, "authorized", ReturnEventTypes.Authorized, Fingerprint.Of("authorize", rma, until), r => r with
        {
            AuthorizedUntil = until ?? _time.GetUtcNow().AddDays(_options.AuthorizationDays),
        }, cancellationToken);

    /// <summary>Rejects a requested return.</summary>
    /// <param name="rma">The return.</param>
    /// <param name="reason">Why, shown to the customer; no personal data.</param>
    /// <param name="key">The caller's idempotency key.</param>
    /// <param name="actor">Who rejects.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The rejected return.</returns>
    public Task<ReturnRequest> RejectAsync(RmaNumber rma, string reason, IdempotencyKey key, ReturnActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return Move(rma, key, actor, ReturnState.Rejected, "rejected", ReturnEventTypes.Rejected, Fingerprint.Of("reject", rma, reason), r => r with { StatusReason = reason }, cancellationToken, reason);
    }

    /// <summary>
    /// Buys the label from the carrier and records it: the tracking number on the return, the document and QR payload
    /// as attachments. The carrier receives <paramref name="key"/> as its idempotency key, so a retry after a crash between
    /// the purchase and the commit does not buy a second label from carriers that honour it.
    /// </summary>
    /// <param name="rma">An authorized return.</param>
    /// <param name="request">The carrier, service and parcel.</param>
    /// <param name="key">The caller's idempotency key.</param>
    /// <param name="actor">Who asks.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The return with its label; the same on every retry with <paramref name="key"/>.</returns>
    /// <exception cref="ArgumentException">The carrier is not registered.</exception>
    /// <exception cref="CarrierException">The carrier refused or failed; nothing is recorded and the key is released.</exception>
    public async Task<IssuedLabel> IssueLabelAsync(RmaNumber rma, LabelRequest request, IdempotencyKey key, ReturnActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        if (!_carriers.TryGetValue(request.CarrierId, out var carrier))
        {
            throw new ArgumentException($"Carrier '{request.CarrierId}' is not registered.", nameof(request));
        }

        var fingerprint = Fingerprint.Of("issue_label", rma, request.CarrierId, request.ServiceCode, request.Method, request.LabelMode, request.LabelFormat, request.Parcel.Weight.Grams, request.WarehouseId);
        var issued = await Idempotent(key, fingerprint, "issue_label", async ct =>
        {
            var current = await Load(rma, ct).ConfigureAwait(false);
            EnsureCanMove(current, ReturnState.LabelIssued);
            var shipment = await carrier.CreateShipmentAsync(
                new ShipmentRequest(key.Value, rma.Value, request.ServiceCode, request.Method, request.Parcel, request.From, request.To)
                {
                    LabelMode = request.LabelMode,
                    LabelFormat = request.LabelFormat,
                    CustomerEmail = request.CustomerEmail,
                    CustomerPhone = request.CustomerPhone,
                    OrderNumbers = current.OrderNumbers,
                    Items = request.Items,
                },
                ct).ConfigureAwait(false);
            var attachments = new List<ReturnAttachment>(2);
            if (shipment.Label is { } label)
            {
                attachments.Add(new ReturnAttachment(LabelAttachment, label.MediaType, label.Content));
            }

            if (shipment.QrPayload is { } qr)
            {
                attachments.Add(new ReturnAttachment(QrAttachment, "text/plain", System.Text.Encoding.UTF8.GetBytes(qr)));
            }

            if (shipment.QrImage is { } qrImage)
            {
                attachments.Add(new ReturnAttachment(QrImageAttachment, qrImage.MediaType, qrImage.Content));
            }

            var next = Next(current, ReturnState.LabelIssued) with
            {
                Method = request.Method,
                CarrierId = shipment.CarrierId,
                ServiceCode = shipment.ServiceCode,
                TrackingNumber = shipment.TrackingNumber,
                WarehouseId = request.WarehouseId ?? current.WarehouseId,
                ExpectedArrival = request.ExpectedArrival ?? current.ExpectedArrival,
            };
            return await Commit(Change(current, next, actor, "label_issued", ReturnEventTypes.LabelIssued, key) with { Attachments = attachments }, ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

        var stored = await _store.FindAttachmentAsync(rma, LabelAttachment, cancellationToken).ConfigureAwait(false);
        var qrPayload = await _store.FindAttachmentAsync(rma, QrAttachment, cancellationToken).ConfigureAwait(false);
        return new IssuedLabel(issued, stored, qrPayload is null ? null : System.Text.Encoding.UTF8.GetString(qrPayload.Content.Span));
    }

    /// <summary>The name under which the label document is kept with a return.</summary>
    public const string LabelAttachment = "label";

    /// <summary>The name under which the QR payload is kept with a return.</summary>
    public const string QrAttachment = "qr";

    /// <summary>The attachment name of the QR code image, when the carrier sends one.</summary>
    public const string QrImageAttachment = "qr-image";

    /// <summary>Records that the items arrived at a warehouse or store.</summary>
    /// <param name="rma">The return.</param>
    /// <param name="locationId">The warehouse or store.</param>
    /// <param name="key">The caller's idempotency key.</param>
    /// <param name="actor">Who received it.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The received return.</returns>
    public Task<ReturnRequest> MarkReceivedAsync(RmaNumber rma, string locationId, IdempotencyKey key, ReturnActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(locationId);
        ArgumentNullException.ThrowIfNull(actor);
        var atStore = actor.Channel == ReturnChannel.Store;
        return Move(rma, key, actor with { LocationId = actor.LocationId ?? locationId }, ReturnState.Received, "received", ReturnEventTypes.Received, Fingerprint.Of("receive", rma, locationId), r => r with
        {
            StoreId = atStore ? locationId : r.StoreId,
            WarehouseId = atStore ? r.WarehouseId : locationId,
        }, cancellationToken);
    }

    /// <summary>Records that the items were inspected (the grades are kept by the inspection itself).</summary>
    /// <param name="rma">The return.</param>
    /// <param name="key">The caller's idempotency key.</param>
    /// <param name="actor">Who inspected.</param>
    /// <param name="note">A short note; no personal data.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The inspected return.</returns>
    public Task<ReturnRequest> MarkInspectedAsync(RmaNumber rma, IdempotencyKey key, ReturnActor actor, string? note = null, CancellationToken cancellationToken = default) =>
        Move(rma, key, actor, ReturnState.Inspected, "inspected", ReturnEventTypes.Inspected, Fingerprint.Of("inspect", rma, note), r => r, cancellationToken, note);

    /// <summary>
    /// Records that the items were inspected, with each line's grade, disposition and any deduction, and, for a return
    /// handled in a store, the store's record of it. Every line of the return must be inspected.
    /// </summary>
    /// <param name="rma">The return.</param>
    /// <param name="lines">One inspection per line of the return.</param>
    /// <param name="key">The caller's idempotency key.</param>
    /// <param name="actor">Who inspected.</param>
    /// <param name="storeHandling">The store's record, when a store took the return in.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The inspected return.</returns>
    /// <exception cref="ArgumentException">A line is inspected twice, not at all, or is not part of the return.</exception>
    public Task<ReturnRequest> MarkInspectedAsync(RmaNumber rma, IReadOnlyList<LineInspection> lines, IdempotencyKey key, ReturnActor actor, StoreHandling? storeHandling = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var byLine = new Dictionary<(string, string), LineInspection>();
        foreach (var line in lines)
        {
            ArgumentNullException.ThrowIfNull(line, nameof(lines));
            if (!byLine.TryAdd((line.OrderNumber, line.LineId), line))
            {
                throw new ArgumentException($"Line '{line.LineId}' of order '{line.OrderNumber}' is inspected twice.", nameof(lines));
            }
        }

        var parts = lines.SelectMany(l => new object?[] { l.OrderNumber, l.LineId, l.Grade, l.Disposition, l.DispositionSiteId, l.DeductionPercent })
            .Append(storeHandling?.StoreId).Append(storeHandling?.AssociateId).ToArray();
        return Move(rma, key, actor, ReturnState.Inspected, "inspected", ReturnEventTypes.Inspected, Fingerprint.Of("inspect-lines", [rma, .. parts]), r =>
        {
            if (byLine.Count != r.Lines.Count || r.Lines.Any(l => !byLine.ContainsKey((l.OrderNumber, l.LineId))))
            {
                throw new ArgumentException($"Return {r.Rma} has {r.Lines.Count} lines; inspect each of them exactly once.", nameof(lines));
            }

            return r with
            {
                Lines = [.. r.Lines.Select(l => byLine[(l.OrderNumber, l.LineId)] is var found
                    ? l with { InspectedGrade = found.Grade, Disposition = found.Disposition, DispositionSiteId = found.DispositionSiteId, DeductionPercent = found.DeductionPercent }
                    : l)],
                StoreHandling = storeHandling ?? r.StoreHandling,
            };
        }, cancellationToken);
    }

    /// <summary>Records how a received or inspected return was settled.</summary>
    /// <param name="rma">The return.</param>
    /// <param name="resolution">Refund, exchange or store credit.</param>
    /// <param name="key">The caller's idempotency key.</param>
    /// <param name="actor">Who settled it.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The settled return.</returns>
    public Task<ReturnRequest> ResolveAsync(RmaNumber rma, ReturnResolution resolution, IdempotencyKey key, ReturnActor actor, CancellationToken cancellationToken = default)
    {
        var (state, action, type) = resolution switch
        {
            ReturnResolution.Refunded => (ReturnState.Refunded, "refunded", ReturnEventTypes.Refunded),
            ReturnResolution.Exchanged => (ReturnState.Exchanged, "exchanged", ReturnEventTypes.Exchanged),
            ReturnResolution.Credited => (ReturnState.Credited, "credited", ReturnEventTypes.Credited),
            _ => throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "Unknown resolution."),
        };
        return Move(rma, key, actor, state, action, type, Fingerprint.Of("resolve", rma, resolution), r => r, cancellationToken);
    }

    /// <summary>Closes a settled or inspected return.</summary>
    /// <param name="rma">The return.</param>
    /// <param name="key">The caller's idempotency key.</param>
    /// <param name="actor">Who closes it.</param>
    /// <param name="reason">Why, when it closes without a refund, exchange or credit.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The closed return.</returns>
    public Task<ReturnRequest> CloseAsync(RmaNumber rma, IdempotencyKey key, ReturnActor actor, string? reason = null, CancellationToken cancellationToken = default) =>
        Move(rma, key, actor, ReturnState.Closed, "closed", ReturnEventTypes.Closed, Fingerprint.Of("close", rma, reason), r => r with { StatusReason = reason ?? r.StatusReason }, cancellationToken, reason);

    /// <summary>Cancels a return before the items left; a label already bought is cancelled at the carrier as well, best effort.</summary>
    /// <param name="rma">The return.</param>
    /// <param name="reason">Why; no personal data.</param>
    /// <param name="key">The caller's idempotency key.</param>
    /// <param name="actor">Who cancels.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The cancelled return.</returns>
    public async Task<ReturnRequest> CancelAsync(RmaNumber rma, string reason, IdempotencyKey key, ReturnActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var cancelled = await Move(rma, key, actor, ReturnState.Cancelled, "cancelled", ReturnEventTypes.Cancelled, Fingerprint.Of("cancel", rma, reason), r => r with { StatusReason = reason }, cancellationToken, reason).ConfigureAwait(false);
        if (cancelled is { TrackingNumber: { } tracking, CarrierId: { } carrierId, ServiceCode: { } service } && _carriers.TryGetValue(carrierId, out var carrier))
        {
            try
            {
                await carrier.CancelShipmentAsync(new ReturnShipment(carrierId, service, tracking), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is CarrierException or NotSupportedException or HttpRequestException or TimeoutException)
            {
                // The return is cancelled either way; an unused label at worst costs its fee.
                LogCarrierCancelFailed(rma.Value, carrierId, ex.GetType().Name);
            }
        }

        return cancelled;
    }

    /// <summary>Finds a return by the number as a person typed it.</summary>
    /// <param name="typedRma">The RMA number, any case, with or without hyphens.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The return, or <see langword="null"/> when the text is not a valid number or no return has it.</returns>
    public async Task<ReturnRequest?> FindAsync(string typedRma, CancellationToken cancellationToken = default) =>
        RmaNumber.TryParse(typedRma, out var rma) ? await _store.FindAsync(rma, cancellationToken).ConfigureAwait(false) : null;

    /// <summary>Finds the returns of an order.</summary>
    /// <param name="orderNumber">The order number.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The returns, oldest first.</returns>
    public Task<IReadOnlyList<ReturnRequest>> FindByOrderAsync(string orderNumber, CancellationToken cancellationToken = default) =>
        _store.FindByOrderAsync(orderNumber, cancellationToken);

    /// <summary>Finds the return a parcel belongs to.</summary>
    /// <param name="trackingNumber">The tracking number.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The return, or <see langword="null"/>.</returns>
    public Task<ReturnRequest?> FindByTrackingNumberAsync(string trackingNumber, CancellationToken cancellationToken = default) =>
        _store.FindByTrackingNumberAsync(trackingNumber, cancellationToken);

    /// <summary>A return's history, oldest first.</summary>
    /// <param name="rma">The return.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The audit entries.</returns>
    public Task<IReadOnlyList<ReturnAuditEntry>> GetHistoryAsync(RmaNumber rma, CancellationToken cancellationToken = default) =>
        _store.GetHistoryAsync(rma, cancellationToken);

    private async Task<ReturnRequest> Move(
        RmaNumber rma,
        IdempotencyKey key,
        ReturnActor actor,
        ReturnState target,
        string action,
        string eventType,
        string fingerprint,
        Func<ReturnRequest, ReturnRequest> apply,
        CancellationToken cancellationToken,
        string? note = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return await Idempotent(key, fingerprint, action, async ct =>
        {
            var current = await Load(rma, ct).ConfigureAwait(false);
            EnsureCanMove(current, target);
            var next = apply(Next(current, target));
            return await Commit(Change(current, next, actor, action, eventType, key, note), ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ReturnRequest> Idempotent(IdempotencyKey key, string fingerprint, string operation, Func<CancellationToken, Task<ReturnRequest>> work, CancellationToken cancellationToken)
    {
        using var activity = ReturnsDiagnostics.ActivitySource.StartActivity("returns.lifecycle." + operation);
        var started = _time.GetTimestamp();
        var delay = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            var claim = await _store.ClaimIdempotencyKeyAsync(key, fingerprint, _time.GetUtcNow(), _options.ClaimLease, cancellationToken).ConfigureAwait(false);
            if (claim.Status == IdempotencyClaimStatus.Completed)
            {
                ReturnsDiagnostics.IdempotentReplays.Add(1, new KeyValuePair<string, object?>("operation", operation));
                activity?.SetTag("returns.idempotent_replay", true);
                return claim.Result ?? throw new ReturnStoreException($"The store reported idempotency key '{key}' completed without a result.");
            }

            if (claim.Status == IdempotencyClaimStatus.Acquired)
            {
                break;
            }

            var waited = _time.GetElapsedTime(started);
            if (waited >= _options.KeyWait)
            {
                throw new IdempotencyKeyInProgressException(key, waited);
            }

            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMilliseconds(250).Ticks));
        }

        try
        {
            var result = await work(cancellationToken).ConfigureAwait(false);
            activity?.SetTag("returns.rma", result.Rma.Value);
            return result;
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            await _store.ReleaseIdempotencyKeyAsync(key, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<ReturnRequest> Load(RmaNumber rma, CancellationToken cancellationToken) =>
        await _store.FindAsync(rma, cancellationToken).ConfigureAwait(false) ?? throw new ReturnNotFoundException(rma);

    private static void EnsureCanMove(ReturnRequest current, ReturnState target)
    {
        if (!ReturnStateMachine.CanMove(current.State, target))
        {
            throw new IllegalReturnTransitionException(current.Rma, current.State, target);
        }
    }

    private ReturnRequest Next(ReturnRequest current, ReturnState state) =>
        current with { State = state, Version = current.Version + 1, UpdatedAt = _time.GetUtcNow() };

    private ReturnChange Change(ReturnRequest current, ReturnRequest next, ReturnActor actor, string action, string? eventType, IdempotencyKey? key, string? note = null) =>
        new(next, current.Version, new ReturnAuditEntry(next.Version, next.UpdatedAt, actor, current.State, next.State, action) { Note = note })
        {
            Events = eventType is null ? [] : [Event(eventType, next)],
            IdempotencyKey = key,
        };

    private ReturnEvent Event(string type, ReturnRequest r) => new(Guid.CreateVersion7(_time.GetUtcNow()), type, r.Rma, r.Version, r.UpdatedAt);

    private async Task<ReturnRequest> Commit(ReturnChange change, CancellationToken cancellationToken)
    {
        var stored = await _store.CommitAsync(change, cancellationToken).ConfigureAwait(false);
        ReturnsDiagnostics.ReturnChanges.Add(1, new KeyValuePair<string, object?>("action", change.Audit.Action));
        LogChanged(stored.Rma.Value, change.Audit.Action, stored.Version);
        return stored;
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Return {Rma} {Action} (version {Version})")]
    private partial void LogChanged(string rma, string action, long version);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Return {Rma} cancelled, but carrier {CarrierId} did not cancel the label ({Error})")]
    private partial void LogCarrierCancelFailed(string rma, string carrierId, string error);
}
