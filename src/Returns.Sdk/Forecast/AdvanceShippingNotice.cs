using Returns.Sdk.Carriers;
using Returns.Sdk.Grading;
using Returns.Sdk.Lifecycle;

namespace Returns.Sdk.Forecast;

/// <summary>One line of an advance shipping notice: what arrives, how many, in what declared state and where it should go.</summary>
public sealed record NoticeLine
{
    /// <summary>Creates a line.</summary>
    /// <param name="sku">The product.</param>
    /// <param name="quantity">Units, at least one.</param>
    /// <param name="declaredGrade">The grade from the customer's declaration.</param>
    /// <param name="expectedDisposition">Where the grade routes the item.</param>
    /// <exception cref="ArgumentException">An empty SKU, a quantity below one or an undefined grade or disposition.</exception>
    public NoticeLine(string sku, int quantity, ConditionGrade declaredGrade, Disposition expectedDisposition)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sku);
        ArgumentOutOfRangeException.ThrowIfLessThan(quantity, 1);
        if (!Enum.IsDefined(declaredGrade) || !Enum.IsDefined(expectedDisposition))
        {
            throw new ArgumentOutOfRangeException(nameof(declaredGrade), "Unknown grade or disposition.");
        }

        Sku = sku;
        Quantity = quantity;
        DeclaredGrade = declaredGrade;
        ExpectedDisposition = expectedDisposition;
    }

    /// <summary>The product.</summary>
    public string Sku { get; }

    /// <summary>Units.</summary>
    public int Quantity { get; }

    /// <summary>The grade from the customer's declaration.</summary>
    public ConditionGrade DeclaredGrade { get; }

    /// <summary>Where the grade routes the item.</summary>
    public Disposition ExpectedDisposition { get; }

    /// <summary>The product category.</summary>
    public string? Category { get; init; }
}

/// <summary>
/// What a warehouse will receive for one authorized return: when, from which carrier, and what is inside in what declared
/// state, so that no return arrives blind. Dates are local dates at the warehouse.
/// </summary>
public sealed record AdvanceShippingNotice
{
    /// <summary>Creates a notice.</summary>
    /// <param name="rma">The return.</param>
    /// <param name="warehouseId">The destination warehouse.</param>
    /// <param name="method">How the customer hands the parcel over.</param>
    /// <param name="expectedArrival">The local date the parcel is expected at the warehouse.</param>
    /// <param name="lines">At least one line.</param>
    /// <exception cref="ArgumentException">A default RMA, an empty warehouse or no lines.</exception>
    public AdvanceShippingNotice(RmaNumber rma, string warehouseId, ReturnMethod method, DateOnly expectedArrival, IReadOnlyList<NoticeLine> lines)
    {
        if (rma == default)
        {
            throw new ArgumentException("A notice needs an RMA number.", nameof(rma));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(warehouseId);
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
        {
            throw new ArgumentException("A notice has at least one line.", nameof(lines));
        }

        Rma = rma;
        WarehouseId = warehouseId;
        Method = method;
        ExpectedArrival = expectedArrival;
        Lines = [.. lines];
        Units = Lines.Sum(l => l.Quantity);
    }

    /// <summary>The return.</summary>
    public RmaNumber Rma { get; }

    /// <summary>The destination warehouse.</summary>
    public string WarehouseId { get; }

    /// <summary>How the customer hands the parcel over.</summary>
    public ReturnMethod Method { get; }

    /// <summary>The local date the parcel is expected at the warehouse.</summary>
    public DateOnly ExpectedArrival { get; init; }

    /// <summary>What is inside.</summary>
    public IReadOnlyList<NoticeLine> Lines { get; }

    /// <summary>Units in the parcel.</summary>
    public int Units { get; }

    /// <summary>The carrier, once known.</summary>
    public string? CarrierId { get; init; }

    /// <summary>The tracking number, once a label exists.</summary>
    public string? TrackingNumber { get; init; }

    /// <summary>The local date the parcel arrived; <see langword="null"/> while it is on its way.</summary>
    public DateOnly? ArrivedOn { get; init; }

    /// <summary>When the newest tracking event applied happened; older events change nothing.</summary>
    public DateTimeOffset? TrackingUpdatedAt { get; init; }

    /// <summary>
    /// Applies carrier tracking: only events newer than <see cref="TrackingUpdatedAt"/> count, so late, duplicated or
    /// out-of-order events change nothing. A delivery sets <see cref="ArrivedOn"/>; an estimate that comes with a newer
    /// event moves <see cref="ExpectedArrival"/> to its local date at the warehouse.
    /// </summary>
    /// <param name="events">The carrier's events, in any order.</param>
    /// <param name="estimatedDelivery">The carrier's estimate sent with them.</param>
    /// <param name="warehouseTimeZone">The warehouse's time zone, to turn instants into its local dates.</param>
    /// <returns>The updated notice, or this one when nothing newer arrived.</returns>
    public AdvanceShippingNotice ApplyTracking(IReadOnlyList<TrackingEvent> events, DateTimeOffset? estimatedDelivery, TimeZoneInfo warehouseTimeZone)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(warehouseTimeZone);
        TrackingEvent? newest = null;
        TrackingEvent? delivered = null;
        foreach (var e in events)
        {
            if (TrackingUpdatedAt is { } seen && e.OccurredAt <= seen)
            {
                continue;
            }

            if (newest is null || e.OccurredAt > newest.OccurredAt)
            {
                newest = e;
            }

            if (e.Status == TrackingStatus.Delivered && (delivered is null || e.OccurredAt < delivered.OccurredAt))
            {
                delivered = e;
            }
        }

        if (newest is null)
        {
            return this;
        }

        var expected = ExpectedArrival;
        DateOnly? arrived = ArrivedOn;
        if (delivered is not null)
        {
            arrived ??= LocalDate(delivered.OccurredAt, warehouseTimeZone);
            expected = arrived.Value;
        }
        else if (estimatedDelivery is { } estimate && ArrivedOn is null)
        {
            expected = LocalDate(estimate, warehouseTimeZone);
        }

        return this with { ExpectedArrival = expected, ArrivedOn = arrived, TrackingUpdatedAt = newest.OccurredAt };
    }

    /// <summary>Makes the notice for an authorized return: its warehouse, method, carrier and tracking number, and per line the declared grade and expected disposition <paramref name="route"/> gives (typically the condition grader and disposition router).</summary>
    /// <param name="request">The return; it must name its warehouse and method.</param>
    /// <param name="expectedArrival">The local date at the warehouse (from <see cref="ArrivalEstimator"/>, or the chosen option's arrival).</param>
    /// <param name="route">The declared grade and expected disposition of a line.</param>
    /// <returns>The notice.</returns>
    /// <exception cref="ArgumentException">The return names no warehouse or method.</exception>
    public static AdvanceShippingNotice FromReturn(ReturnRequest request, DateOnly expectedArrival, Func<ReturnRequestLine, (ConditionGrade Grade, Disposition Disposition)> route)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(route);
        var warehouse = request.WarehouseId ?? throw new ArgumentException($"Return {request.Rma} names no warehouse; a notice needs one.", nameof(request));
        var method = request.Method ?? throw new ArgumentException($"Return {request.Rma} has no return method yet; a notice needs one.", nameof(request));
        var lines = request.Lines.Select(l =>
        {
            var (grade, disposition) = route(l);
            return new NoticeLine(l.Sku, l.Quantity, grade, disposition) { Category = l.Category };
        }).ToArray();
        return new AdvanceShippingNotice(request.Rma, warehouse, method, expectedArrival, lines)
        {
            CarrierId = request.CarrierId,
            TrackingNumber = request.TrackingNumber,
            TrackingUpdatedAt = request.TrackingUpdatedAt,
        };
    }

    /// <summary>The local date of an instant in a time zone.</summary>
    /// <param name="instant">The instant.</param>
    /// <param name="zone">The zone.</param>
    /// <returns>The date a wall calendar there shows.</returns>
    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
    }
}
