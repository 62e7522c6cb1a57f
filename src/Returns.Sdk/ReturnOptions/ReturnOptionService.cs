using Microsoft.Extensions.Options;
using Returns.Sdk.Carriers;
using Returns.Sdk.Locations;
using Returns.Sdk.Parcels;
using Returns.Sdk.Policy;

namespace Returns.Sdk.ReturnOptions;

/// <summary>
/// The option engine end to end: sizes the parcel from the returnable lines, locates the customer, asks every
/// registered carrier for quotes under one deadline, and ranks the options.
/// </summary>
public sealed class ReturnOptionService
{
    private readonly ReturnOptionEngine _engine;
    private readonly CarrierRateShopper _rateShopper;
    private readonly ParcelEstimator _parcels;
    private readonly IGeocoder? _geocoder;
    private readonly Address _warehouse;
    private readonly IReturnOptionRanking _defaultRanking;
    private readonly CarrierAdapter[] _liveLocationCarriers;
    private readonly ReturnOptionSettings _settings;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the service.</summary>
    /// <param name="engine">The ranking engine.</param>
    /// <param name="rateShopper">Asks the carriers for quotes.</param>
    /// <param name="parcels">Sizes the parcel.</param>
    /// <param name="settings">The warehouse address and default strategy.</param>
    /// <param name="geocoder">Locates customers by postcode, when their address has no coordinates.</param>
    /// <param name="locations">
    /// The location catalog the engine searches; carriers that list drop-off points and whose networks have no points in
    /// it are asked live for each request.
    /// </param>
    /// <param name="timeProvider">The clock for the live listing deadline; the system clock when not given.</param>
    /// <exception cref="ArgumentException">The warehouse is not configured.</exception>
    public ReturnOptionService(ReturnOptionEngine engine, CarrierRateShopper rateShopper, ParcelEstimator parcels, IOptions<ReturnOptionSettings> settings, IGeocoder? geocoder = null, LocationCatalog? locations = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(rateShopper);
        ArgumentNullException.ThrowIfNull(parcels);
        ArgumentNullException.ThrowIfNull(settings);
        var value = settings.Value;
        if (!CountryCode.TryParse(value.WarehouseCountry, out var country))
        {
            throw new ArgumentException("Returns:Options:WarehouseCountry must name the warehouse's ISO 3166 country; carriers quote from the customer to it.", nameof(settings));
        }

        _engine = engine;
        _rateShopper = rateShopper;
        _parcels = parcels;
        _geocoder = geocoder;
        _warehouse = new Address(country, value.WarehousePostcode ?? string.Empty);
        _defaultRanking = ReturnOptionRankings.Find(value.DefaultStrategy) ?? ReturnOptionRankings.Balanced;
        _settings = value;
        _timeProvider = timeProvider ?? TimeProvider.System;
        var catalogued = (locations ?? LocationCatalog.Empty).Locations.Select(l => l.CarrierId).ToHashSet(StringComparer.Ordinal);
        _liveLocationCarriers = [.. rateShopper.Carriers.Where(c =>
            c.Capabilities.Supports(CarrierFeatures.DropOffPoints)
            && !c.Capabilities.Services.Any(s => catalogued.Contains(s.Network ?? c.CarrierId)))];
    }

    /// <summary>Finds and ranks the return options.</summary>
    /// <param name="query">The order, the policy's evaluation and the customer.</param>
    /// <param name="cancellationToken">Cancels the carriers' quotes.</param>
    /// <returns>The ranked options with the parcel they assume.</returns>
    /// <exception cref="ReturnsValidationException">The customer cannot be located, or a returned item cannot be sized.</exception>
    public async Task<ReturnOptionResult> GetOptionsAsync(ReturnOptionQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var ranking = query.Ranking ?? _defaultRanking;
        var items = ItemsOf(query.Order, query.Policy);
        if (items.Count == 0)
        {
            var empty = new ReturnOptionRequest(query.Policy, new Parcel(Weight.FromGrams(1)), query.CustomerAddress, default, []) { At = query.At, TimeZone = query.TimeZone };
            return _engine.Rank(empty, ranking);
        }

        var estimate = _parcels.Estimate(items);
        var location = await LocateAsync(query, cancellationToken).ConfigureAwait(false);
        var quoting = _rateShopper.QuoteAllAsync(new RateRequest(estimate.Parcel, query.CustomerAddress, _warehouse), cancellationToken);
        var (live, liveOmissions) = await ListLiveAsync(location, cancellationToken).ConfigureAwait(false);
        var rates = await quoting.ConfigureAwait(false);
        var request = new ReturnOptionRequest(query.Policy, estimate.Parcel, query.CustomerAddress, location, rates.Quotes)
        {
            Omissions = liveOmissions.Count == 0 ? rates.Omissions : [.. rates.Omissions, .. liveOmissions],
            LiveLocations = live,
            TimeZone = query.TimeZone,
            At = query.At,
        };
        return _engine.Rank(request, ranking) with { ParcelEstimate = estimate };
    }

    // Asks the carriers whose places are not catalogued, in parallel, until the deadline; one that fails or is late
    // adds no places and is reported, the others' places are used.
    private async Task<(IReadOnlyList<DropOffPoint> Points, IReadOnlyList<CarrierOmission> Omissions)> ListLiveAsync(GeoPoint location, CancellationToken cancellationToken)
    {
        if (_liveLocationCarriers.Length == 0)
        {
            return ([], []);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var query = new DropOffPointQuery(location, _settings.MaxDistanceKm, _settings.LocationsPerOption * Enum.GetValues<DropOffKind>().Length);
        var calls = _liveLocationCarriers.Select(c => (Carrier: c, Task: ListAsync(c, query, deadline.Token))).ToList();
        var all = Task.WhenAll(calls.Select(c => c.Task));
        var timer = Task.Delay(_settings.LiveLocationDeadline, _timeProvider, cancellationToken);
        await Task.WhenAny(all, timer).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        await deadline.CancelAsync().ConfigureAwait(false);

        var points = new List<DropOffPoint>();
        var omissions = new List<CarrierOmission>();
        foreach (var (carrier, task) in calls)
        {
            if (task.IsCompletedSuccessfully)
            {
                points.AddRange(task.Result);
            }
            else
            {
                var reason = task.IsFaulted ? CarrierOmissionReason.TransientFailure : CarrierOmissionReason.TimedOut;
                var message = task.IsFaulted ? task.Exception?.InnerException?.Message : $"no answer within {_settings.LiveLocationDeadline.TotalMilliseconds:0} ms";
                omissions.Add(new CarrierOmission(carrier.CarrierId, reason, $"drop-off points not listed: {message}"));
                _ = task.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }

        return (points, omissions);
    }

    private static async Task<IReadOnlyList<DropOffPoint>> ListAsync(CarrierAdapter carrier, DropOffPointQuery query, CancellationToken cancellationToken)
    {
        // Off the caller's thread at once, so an adapter that blocks before its first await holds up nothing.
        await Task.Yield();
        return await carrier.ListDropOffPointsAsync(query, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<GeoPoint> LocateAsync(ReturnOptionQuery query, CancellationToken cancellationToken)
    {
        if ((query.CustomerLocation ?? query.CustomerAddress.Coordinates) is { } known)
        {
            return known;
        }

        var address = query.CustomerAddress;
        if (_geocoder is not null && address.Postcode.Length > 0
            && await _geocoder.GeocodeAsync(address.Country, address.Postcode, cancellationToken).ConfigureAwait(false) is { } found)
        {
            return found.Location;
        }

        throw new ReturnsValidationException([new ValidationError(
            "customerAddress.postcode",
            _geocoder is null
                ? "the customer's address has no coordinates and no geocoder is registered; give coordinates or register one (AddGeocoder)."
                : $"postcode '{address.Postcode}' in {address.Country} is not known to the geocoder; give coordinates or check the postcode.")]);
    }

    // What comes back: the returnable lines that were asked for, as many units as were asked for; when the evaluation
    // names no lines, everything that may still come back.
    internal static List<ParcelItem> ItemsOf(Order order, PolicyEvaluation policy)
    {
        var items = new List<ParcelItem>(policy.Lines.Count);
        var onlyRequested = false;
        foreach (var decision in policy.Lines)
        {
            onlyRequested |= decision.RequestedQuantity > 0;
        }

        foreach (var decision in policy.Lines)
        {
            if (!decision.IsReturnable || order.FindLine(decision.LineId) is not { } line)
            {
                continue;
            }

            var quantity = onlyRequested ? Math.Min(decision.RequestedQuantity, decision.ReturnableQuantity) : decision.ReturnableQuantity;
            if (quantity > 0)
            {
                items.Add(new ParcelItem(line.Sku, quantity, line.Product));
            }
        }

        return items;
    }
}
