using Microsoft.Extensions.Logging;
using Returns.Sdk.Carriers;

namespace Returns.Sdk.Lifecycle;

/// <summary>What a tracking poll did.</summary>
/// <param name="Checked">Returns whose carrier was asked.</param>
/// <param name="Updated">Returns that changed.</param>
/// <param name="Failed">Returns whose carrier failed to answer; they are asked again next time.</param>
public sealed record TrackingPollResult(int Checked, int Updated, int Failed);

public sealed partial class ReturnLifecycle
{
    /// <summary>
    /// Applies carrier tracking events pushed for a parcel. Only events newer than the newest already applied count, so a
    /// duplicate, late or out-of-order push changes nothing; the state only moves forward (handed over, in transit and
    /// out for delivery mean in transit; delivered means received when <see cref="ReturnLifecycleOptions.CarrierDeliveryMeansReceived"/>).
    /// </summary>
    /// <param name="trackingNumber">The parcel.</param>
    /// <param name="events">The carrier's events, in any order.</param>
    /// <param name="estimatedDelivery">The carrier's estimate sent with the events; applied only together with a newer event.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    /// <returns>The return as it now is, or <see langword="null"/> when no return has the tracking number.</returns>
    public Task<ReturnRequest?> ApplyTrackingAsync(string trackingNumber, IReadOnlyList<TrackingEvent> events, DateTimeOffset? estimatedDelivery = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(trackingNumber);
        ArgumentNullException.ThrowIfNull(events);
        return ApplyTracking(trackingNumber, events, estimatedDelivery, estimateIsCurrent: false, cancellationToken);
    }

    /// <summary>Asks the carriers for news of every return whose label is issued or whose parcel is in transit.</summary>
    /// <param name="cancellationToken">Cancels the poll.</param>
    /// <returns>How many were asked, changed and failed.</returns>
    public async Task<TrackingPollResult> PollTrackingAsync(CancellationToken cancellationToken = default)
    {
        int asked = 0, updated = 0, failed = 0;

        // Collected first: a return moving from label issued to in transit during the poll must be asked once, not twice.
        var pending = new List<ReturnRequest>();
        foreach (var state in (ReturnState[])[ReturnState.LabelIssued, ReturnState.InTransit])
        {
            await foreach (var r in Page(state, cancellationToken).ConfigureAwait(false))
            {
                pending.Add(r);
            }
        }

        foreach (var r in pending)
        {
            if (r is not { TrackingNumber: { } tracking, CarrierId: { } carrierId }
                || !_carriers.TryGetValue(carrierId, out var carrier)
                || !carrier.Capabilities.Features.HasFlag(CarrierFeatures.Tracking))
            {
                continue;
            }

            asked++;
            try
            {
                var result = await carrier.TrackAsync(tracking, cancellationToken).ConfigureAwait(false);
                var after = await ApplyTracking(tracking, result.Events, result.EstimatedDelivery, estimateIsCurrent: true, cancellationToken).ConfigureAwait(false);
                if (after is not null && after.Version != r.Version)
                {
                    updated++;
                }
            }
            catch (Exception ex) when (ex is CarrierException or HttpRequestException or TimeoutException or ReturnConcurrencyException)
            {
                failed++;
                LogTrackingPollFailed(r.Rma.Value, carrierId, ex.GetType().Name);
            }
        }

        return new TrackingPollResult(asked, updated, failed);
    }

    /// <summary>Expires returns whose authorization ran out before the items were sent (requested, authorized or label issued, past <see cref="ReturnRequest.AuthorizedUntil"/>).</summary>
    /// <param name="cancellationToken">Cancels the sweep.</param>
    /// <returns>How many returns expired. A return changed meanwhile by someone else is left for the next sweep.</returns>
    public async Task<int> ExpireOverdueAsync(CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        var expired = 0;
        foreach (var state in (ReturnState[])[ReturnState.Requested, ReturnState.Authorized, ReturnState.LabelIssued])
        {
            await foreach (var r in Page(state, cancellationToken).ConfigureAwait(false))
            {
                if (r.AuthorizedUntil is not { } until || until > now)
                {
                    continue;
                }

                var next = Next(r, ReturnState.Expired) with { StatusReason = "authorization_expired" };
                try
                {
                    await Commit(Change(r, next, ReturnActor.System, "expired", ReturnEventTypes.Expired, null), cancellationToken).ConfigureAwait(false);
                    expired++;
                }
                catch (ReturnConcurrencyException)
                {
                    // Someone moved it meanwhile (shipped, cancelled): their decision stands.
                }
            }
        }

        return expired;
    }

    private async Task<ReturnRequest?> ApplyTracking(string trackingNumber, IReadOnlyList<TrackingEvent> events, DateTimeOffset? estimate, bool estimateIsCurrent, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await _store.FindByTrackingNumberAsync(trackingNumber, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                return null;
            }

            var change = TrackingChange(current, events, estimate, estimateIsCurrent);
            if (change is null)
            {
                return current;
            }

            try
            {
                return await Commit(change, cancellationToken).ConfigureAwait(false);
            }
            catch (ReturnConcurrencyException) when (attempt < TrackingRetries)
            {
                // A person changed the return meanwhile; a carrier push must still land, so decide again on the new version.
            }
        }
    }

    private ReturnChange? TrackingChange(ReturnRequest current, IReadOnlyList<TrackingEvent> events, DateTimeOffset? estimate, bool estimateIsCurrent)
    {
        var seen = current.TrackingUpdatedAt;
        TrackingEvent? newest = null;
        var moving = false;
        var delivered = false;
        foreach (var e in events)
        {
            if (seen is { } s && e.OccurredAt <= s)
            {
                continue;
            }

            if (newest is null || e.OccurredAt > newest.OccurredAt)
            {
                newest = e;
            }

            moving |= e.Status is TrackingStatus.HandedOver or TrackingStatus.InTransit or TrackingStatus.OutForDelivery or TrackingStatus.Delivered;
            delivered |= e.Status == TrackingStatus.Delivered;
        }

        var arrival = (newest is not null || estimateIsCurrent) && estimate is { } est ? est : current.ExpectedArrival;
        if (newest is null && arrival == current.ExpectedArrival)
        {
            return null;
        }

        var target = current.State;
        if (delivered && _options.CarrierDeliveryMeansReceived && ReturnStateMachine.CanMove(current.State, ReturnState.Received))
        {
            target = ReturnState.Received;
        }
        else if (moving && ReturnStateMachine.CanMove(current.State, ReturnState.InTransit))
        {
            target = ReturnState.InTransit;
        }

        var next = current with
        {
            State = target,
            Version = current.Version + 1,
            UpdatedAt = _time.GetUtcNow(),
            ExpectedArrival = arrival,
            TrackingUpdatedAt = newest?.OccurredAt ?? current.TrackingUpdatedAt,
        };
        var (action, type) = target switch
        {
            _ when target == current.State => arrival != current.ExpectedArrival ? ("arrival_updated", ReturnEventTypes.ArrivalUpdated) : ("tracking_updated", (string?)null),
            ReturnState.Received => ("received", ReturnEventTypes.Received),
            _ => ("in_transit", ReturnEventTypes.InTransit),
        };
        var actor = new ReturnActor(ReturnChannel.CarrierEvent, current.CarrierId) { LocationId = target == ReturnState.Received ? current.WarehouseId : null };
        var note = newest is { Status: TrackingStatus.Exception or TrackingStatus.Cancelled or TrackingStatus.ReturnedToSender } problem
            ? "carrier_status_" + System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(problem.Status.ToString())
            : null;
        return Change(current, next, actor, action, type, null, note);
    }

    private async IAsyncEnumerable<ReturnRequest> Page(ReturnState state, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        const int PageSize = 200;
        RmaNumber? after = null;
        while (true)
        {
            var page = await _store.ListByStateAsync(state, after, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var r in page)
            {
                yield return r;
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = page[^1].Rma;
        }
    }

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Tracking poll for return {Rma} at carrier {CarrierId} failed ({Error}); it is asked again next poll")]
    private partial void LogTrackingPollFailed(string rma, string carrierId, string error);
}
