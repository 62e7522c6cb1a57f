using System.Collections.Frozen;
using System.Globalization;
using Returns.Sdk.Grading.Internal;

namespace Returns.Sdk.Grading;

/// <summary>
/// Looks for patterns in one customer's history that a retailer may want to review: repeated discrepancies, serial
/// returning and wardrobing. Every signal is explained with its evidence and threshold; none is an accusation, and
/// none blocks anything by itself. Pure apart from the clock; thread-safe.
/// </summary>
public sealed class AbuseSignalDetector
{
    private const string Caveat = "This is a signal to review, not an accusation; it blocks nothing by itself.";

    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _window;
    private readonly DiscrepancySeverity _discrepancyMinSeverity;
    private readonly int _repeatedDiscrepancyCount;
    private readonly decimal _serialReturnRatio;
    private readonly int _serialReturningMinOrders;
    private readonly FrozenSet<string> _wardrobingCategories;
    private readonly TimeSpan _wardrobingReturnedWithin;
    private readonly int _wardrobingCount;

    /// <summary>Creates a detector; the options are copied, so later changes to them have no effect.</summary>
    /// <param name="options">The thresholds.</param>
    /// <param name="timeProvider">The clock that ends the window when no instant is given.</param>
    /// <exception cref="ReturnsValidationException">A threshold is out of range; every mistake is listed by its option name.</exception>
    public AbuseSignalDetector(AbuseSignalOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var errors = AbuseSignalOptionsRules.Check(options, string.Empty);
        if (errors.Count > 0)
        {
            throw new ReturnsValidationException(errors);
        }

        _timeProvider = timeProvider;
        _window = options.Window;
        _discrepancyMinSeverity = options.DiscrepancyMinSeverity;
        _repeatedDiscrepancyCount = options.RepeatedDiscrepancyCount;
        _serialReturnRatio = options.SerialReturnRatio;
        _serialReturningMinOrders = options.SerialReturningMinOrders;
        _wardrobingCategories = options.WardrobingCategories.Select(c => c.Trim()).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _wardrobingReturnedWithin = options.WardrobingReturnedWithin;
        _wardrobingCount = options.WardrobingCount;
    }

    /// <summary>Looks at the window that ends now.</summary>
    /// <param name="history">The customer's history.</param>
    /// <returns>The signals found, in <see cref="AbuseSignalKind"/> order; empty for an ordinary customer.</returns>
    public IReadOnlyList<AbuseSignal> Detect(CustomerReturnHistory history) => Detect(history, _timeProvider.GetUtcNow());

    /// <summary>Looks at the window that ends at <paramref name="asOf"/>: events from <c>asOf - Window</c> to <c>asOf</c>, both included.</summary>
    /// <param name="history">The customer's history.</param>
    /// <param name="asOf">The end of the window.</param>
    /// <returns>The signals found, in <see cref="AbuseSignalKind"/> order; empty for an ordinary customer.</returns>
    public IReadOnlyList<AbuseSignal> Detect(CustomerReturnHistory history, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(history);
        var start = asOf - _window;
        var lines = history.ReturnedLines.Where(l => l.ReturnedAt >= start && l.ReturnedAt <= asOf).OrderBy(l => l.ReturnedAt).ToArray();
        var signals = new List<AbuseSignal>(3);

        // A worse-than-declared item returned for the retailer's fault (defective, not as described) says more about
        // the product than about the customer.
        var discrepancies = lines.Where(l => l.Discrepancy >= _discrepancyMinSeverity && l.Reason.Fault != ReturnFault.Retailer).ToArray();
        if (discrepancies.Length >= _repeatedDiscrepancyCount)
        {
            signals.Add(new AbuseSignal(
                AbuseSignalKind.RepeatedDiscrepancies, discrepancies.Length, discrepancies.Length, _repeatedDiscrepancyCount, start, asOf, ReturnIds(discrepancies),
                Invariant($"{discrepancies.Length} returned items between {start:yyyy-MM-dd} and {asOf:yyyy-MM-dd} were inspected with a {Name(_discrepancyMinSeverity)} or worse discrepancy from what was declared (threshold {_repeatedDiscrepancyCount}). {Caveat}")));
        }

        if (SerialReturning(history, lines, start, asOf) is { } serial)
        {
            signals.Add(serial);
        }

        var worn = lines.Where(IsWardrobing).ToArray();
        if (worn.Length >= _wardrobingCount)
        {
            signals.Add(new AbuseSignal(
                AbuseSignalKind.Wardrobing, worn.Length, worn.Length, _wardrobingCount, start, asOf, ReturnIds(worn),
                Invariant($"{worn.Length} items of {string.Join(", ", _wardrobingCategories.Order(StringComparer.OrdinalIgnoreCase))} between {start:yyyy-MM-dd} and {asOf:yyyy-MM-dd} came back with signs of wear and tags removed within {_wardrobingReturnedWithin.TotalDays:0.#} days of delivery (threshold {_wardrobingCount}). {Caveat}")));
        }

        return signals;
    }

    // Only returns with at least one line the customer chose to send back count: returns of faulty goods are not the
    // customer's habit.
    private AbuseSignal? SerialReturning(CustomerReturnHistory history, PastReturnLine[] lines, DateTimeOffset start, DateTimeOffset asOf)
    {
        var orders = history.Orders.Where(o => o.PlacedAt >= start && o.PlacedAt <= asOf).ToArray();
        if (orders.Length < _serialReturningMinOrders)
        {
            return null;
        }

        var returnIds = ReturnIds(lines.Where(l => l.Reason.Fault == ReturnFault.Customer));
        var ratio = decimal.Round((decimal)returnIds.Count / orders.Length, 4);
        if (ratio < _serialReturnRatio)
        {
            return null;
        }

        var valueShare = ValueShare(orders, lines);
        var share = valueShare is { } s ? Invariant($", {s * 100m:0.#} % of the ordered value") : string.Empty;
        return new AbuseSignal(
            AbuseSignalKind.SerialReturning, returnIds.Count, ratio, _serialReturnRatio, start, asOf, returnIds,
            Invariant($"{returnIds.Count} returns against {orders.Length} orders between {start:yyyy-MM-dd} and {asOf:yyyy-MM-dd}: {ratio:0.##} returns per order{share} (threshold {_serialReturnRatio:0.##}). {Caveat}"))
        {
            ValueShare = valueShare,
        };
    }

    private static decimal? ValueShare(PastOrder[] orders, PastReturnLine[] lines)
    {
        if (orders.Any(o => o.Value is null) || lines.Any(l => l.Value is null))
        {
            return null;
        }

        var currency = orders[0].Value!.Value.Currency;
        if (orders.Any(o => o.Value!.Value.Currency != currency) || lines.Any(l => l.Value!.Value.Currency != currency))
        {
            return null;
        }

        var ordered = orders.Sum(o => o.Value!.Value.Amount);
        return ordered <= 0m ? null : decimal.Round(lines.Sum(l => l.Value!.Value.Amount) / ordered, 4);
    }

    private bool IsWardrobing(PastReturnLine line) =>
        _wardrobingCategories.Contains(line.Category)
        && line.InspectedSignsOfUse is UsageLevel.Light or UsageLevel.Heavy
        && line.InspectedTagsAttached == false
        && line.DeliveredAt is { } delivered
        && line.ReturnedAt >= delivered
        && line.ReturnedAt - delivered <= _wardrobingReturnedWithin;

    private static List<string> ReturnIds(IEnumerable<PastReturnLine> lines) => [.. lines.Select(l => l.ReturnId).Distinct(StringComparer.Ordinal)];

    private static string Name(DiscrepancySeverity severity) => severity switch
    {
        DiscrepancySeverity.Minor => "minor",
        DiscrepancySeverity.Major => "major",
        _ => "severe",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
