using System.Globalization;
using Returns.Sdk.Carriers;
using Returns.Sdk.Geo;
using Returns.Sdk.Locations;
using Returns.Sdk.ReturnOptions.Internal;

namespace Returns.Sdk.ReturnOptions;

/// <summary>
/// Turns carriers' quotes, the policy's fees and the nearby places into ranked return options. Pure: the same request
/// and clock give the same options in the same order; thread-safe.
/// </summary>
public sealed class ReturnOptionEngine
{
    private readonly Dictionary<string, CarrierCapabilities> _carriers;
    private readonly LocationCatalog _locations;
    private readonly ReturnOptionSettings _settings;
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<(string Network, DropOffKind Kind), LocationFilter> _filters = [];
    private readonly LocationFilter _stores = new() { Kind = DropOffKind.Store };

    /// <summary>Creates the engine.</summary>
    /// <param name="carriers">The carriers whose quotes it ranks: their services, limits and service areas.</param>
    /// <param name="locations">The drop-off points and stores.</param>
    /// <param name="settings">Search distance, places per option, hand-over and transit assumptions.</param>
    /// <param name="timeProvider">The clock, when a request names no instant.</param>
    /// <exception cref="ArgumentException">Two carriers share an id, or the settings are invalid.</exception>
    public ReturnOptionEngine(IEnumerable<CarrierAdapter> carriers, LocationCatalog locations, ReturnOptionSettings settings, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(carriers);
        ArgumentNullException.ThrowIfNull(locations);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (ReturnOptionSettingsValidator.Problems(settings).FirstOrDefault() is { } problem)
        {
            throw new ArgumentException(problem, nameof(settings));
        }

        _carriers = new Dictionary<string, CarrierCapabilities>(StringComparer.Ordinal);
        foreach (var carrier in carriers)
        {
            if (!_carriers.TryAdd(carrier.CarrierId, carrier.Capabilities))
            {
                throw new ArgumentException($"Two carriers have the id '{carrier.CarrierId}'.", nameof(carriers));
            }

            foreach (var service in carrier.Capabilities.Services)
            {
                foreach (var method in service.ReturnMethods)
                {
                    if (method.PlaceKind() is { } kind)
                    {
                        _filters.TryAdd((service.Network ?? carrier.CarrierId, kind), new LocationFilter { CarrierId = service.Network ?? carrier.CarrierId, Kind = kind });
                    }
                }
            }
        }

        _locations = locations;
        _settings = settings;
        _timeProvider = timeProvider;
    }

    /// <summary>Ranks the options for a return.</summary>
    /// <param name="request">The policy verdict, parcel, customer and quotes.</param>
    /// <param name="ranking">The ranking; <see cref="ReturnOptionRankings.Balanced"/> when not given.</param>
    /// <returns>The options best first, and every candidate left out with its reason.</returns>
    public ReturnOptionResult Rank(ReturnOptionRequest request, IReturnOptionRanking? ranking = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ranking ??= ReturnOptionRankings.Balanced;
        var at = request.At ?? _timeProvider.GetUtcNow();
        var excluded = new List<ExcludedOption>();
        foreach (var omission in request.Omissions)
        {
            excluded.Add(new ExcludedOption(null, omission.CarrierId, null, ExclusionReason.CarrierUnavailable, omission.Message));
        }

        if (!request.Policy.IsReturnable)
        {
            excluded.Add(new ExcludedOption(null, null, null, ExclusionReason.NotAllowedByPolicy, "Nothing in this request may be returned under the policy."));
            return new ReturnOptionResult([], excluded, ranking.Name, at);
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, request.TimeZone).DateTime);
        var options = new List<ReturnOption>(request.Quotes.Count + 1);
        foreach (var quote in request.Quotes)
        {
            if (Consider(request, quote, at, today, excluded) is { } option)
            {
                AddCheapest(options, option);
            }
        }

        if (ConsiderStores(request, at, today, excluded) is { } inStore)
        {
            options.Add(inStore);
        }

        if (options.Count > 1)
        {
            options.Sort(ranking.CreateComparison(options));
        }

        for (var i = 0; i < options.Count; i++)
        {
            options[i].Rank = i + 1;
        }

        return new ReturnOptionResult(options, excluded, ranking.Name, at);
    }

    private ReturnOption? Consider(ReturnOptionRequest request, RateQuote quote, DateTimeOffset at, DateOnly today, List<ExcludedOption> excluded)
    {
        var method = quote.ReturnMethod;
        if (!_carriers.TryGetValue(quote.CarrierId, out var capabilities) || capabilities.FindService(quote.ServiceCode) is not { } service)
        {
            return Exclude(ExclusionReason.UnknownService, $"no registered carrier '{quote.CarrierId}' offers service '{quote.ServiceCode}'.");
        }

        if (!service.ReturnMethods.Contains(method))
        {
            return Exclude(ExclusionReason.MethodNotOffered, $"{service.Name} does not take parcels by {Describe(method)}.");
        }

        if (!service.Limits.Fits(request.Parcel, out var limit))
        {
            return Exclude(ExclusionReason.ParcelOutsideLimits, $"the parcel does not fit {service.Name}: it {limit}.");
        }

        if (!service.Area.Covers(request.CustomerAddress, request.CustomerLocation))
        {
            return Exclude(ExclusionReason.OutsideServiceArea, $"{service.Name} does not collect in {request.CustomerAddress.Country}.");
        }

        if (request.Policy.FeeFor(method) is not { } fee)
        {
            return Exclude(ExclusionReason.NotAllowedByPolicy, $"the policy does not allow returns by {Describe(method)}.");
        }

        if (quote.Price.Currency != request.Policy.Currency)
        {
            return Exclude(ExclusionReason.CurrencyMismatch, $"the quote is in {quote.Price.Currency} and the return in {request.Policy.Currency}; options are compared in one currency.");
        }

        ReturnLocation[] locations = [];
        if (method.PlaceKind() is { } kind)
        {
            var network = service.Network ?? quote.CarrierId;
            locations = Nearby(request, _filters.GetValueOrDefault((network, kind)) ?? new LocationFilter { CarrierId = network, Kind = kind }, at);
            if (locations.Length == 0)
            {
                return Exclude(ExclusionReason.NoLocationNearby, string.Create(CultureInfo.InvariantCulture, $"no {Describe(method)} of {network} within {_settings.MaxDistanceKm:0.#} km."));
            }
        }

        var handover = today.AddDays(HandoverDays(method));
        var transit = quote.TransitDays ?? _settings.DefaultTransitDays;
        var labels = quote.LabelModes & service.LabelModes;
        return new ReturnOption(method, service, quote.CarrierId, quote.Price, fee, locations, labels == LabelModes.None ? quote.LabelModes : labels, handover, transit, WorkingDays.Add(handover, transit));

        ReturnOption? Exclude(ExclusionReason reason, string message)
        {
            excluded.Add(new ExcludedOption(method, quote.CarrierId, quote.ServiceCode, reason, message));
            return null;
        }
    }

    private ReturnOption? ConsiderStores(ReturnOptionRequest request, DateTimeOffset at, DateOnly today, List<ExcludedOption> excluded)
    {
        if (request.Policy.FeeFor(ReturnMethod.InStore) is not { } fee)
        {
            excluded.Add(new ExcludedOption(ReturnMethod.InStore, null, null, ExclusionReason.NotAllowedByPolicy, "the policy does not allow returns in store."));
            return null;
        }

        var stores = Nearby(request, _stores, at);
        if (stores.Length == 0)
        {
            excluded.Add(new ExcludedOption(ReturnMethod.InStore, null, null, ExclusionReason.NoLocationNearby, string.Create(CultureInfo.InvariantCulture, $"no store within {_settings.MaxDistanceKm:0.#} km.")));
            return null;
        }

        var handover = today.AddDays(HandoverDays(ReturnMethod.InStore));
        var cost = new Money(_settings.InStoreHandlingCost, request.Policy.Currency);
        return new ReturnOption(ReturnMethod.InStore, null, null, cost, fee, stores, LabelModes.None, handover, _settings.InStoreTransferDays, WorkingDays.Add(handover, _settings.InStoreTransferDays));
    }

    private ReturnLocation[] Nearby(ReturnOptionRequest request, LocationFilter filter, DateTimeOffset at)
    {
        var buffer = new GeoNeighbor<DropOffPoint>[_settings.LocationsPerOption];
        var found = _locations.Nearest(request.CustomerLocation, buffer, filter);
        if (request.LiveLocations.Count > 0)
        {
            found = MergeLive(request, filter, buffer, found);
        }

        var within = 0;
        while (within < found && buffer[within].DistanceKm <= _settings.MaxDistanceKm)
        {
            within++;
        }

        if (within == 0)
        {
            return [];
        }

        var locations = new ReturnLocation[within];
        for (var i = 0; i < within; i++)
        {
            var (point, distance) = buffer[i];
            var location = new ReturnLocation(point, distance);
            if (point.OpeningHours is { } hours)
            {
                var open = hours.IsOpen(at, request.TimeZone);
                location = location with { OpenNow = open, NextOpening = open ? null : hours.NextOpening(at, request.TimeZone) };
            }

            locations[i] = location;
        }

        return locations;
    }

    // The live points of the filter's network and kind join the catalog's nearest; the k nearest of both are kept.
    private static int MergeLive(ReturnOptionRequest request, LocationFilter filter, GeoNeighbor<DropOffPoint>[] buffer, int found)
    {
        var merged = new List<GeoNeighbor<DropOffPoint>>(buffer.AsSpan(0, found).ToArray());
        foreach (var point in request.LiveLocations)
        {
            if (point.Kind == filter.Kind && string.Equals(point.CarrierId, filter.CarrierId, StringComparison.Ordinal))
            {
                merged.Add(new GeoNeighbor<DropOffPoint>(point, request.CustomerLocation.DistanceKmTo(point.Location)));
            }
        }

        merged.Sort(static (a, b) => a.DistanceKm.CompareTo(b.DistanceKm) is var order and not 0 ? order : string.CompareOrdinal(a.Item.Id, b.Item.Id));
        var count = Math.Min(buffer.Length, merged.Count);
        merged.CopyTo(0, buffer, 0, count);
        return count;
    }

    private int HandoverDays(ReturnMethod method) =>
        _settings.HandoverDays.TryGetValue(method, out var days) ? days : 1;

    // One option per carrier, service and method: a carrier quoting the same service twice offers the cheaper.
    private static void AddCheapest(List<ReturnOption> options, ReturnOption option)
    {
        for (var i = 0; i < options.Count; i++)
        {
            var other = options[i];
            if (other.Method == option.Method && other.CarrierId == option.CarrierId && other.ServiceCode == option.ServiceCode)
            {
                if (option.RetailerCost.Amount < other.RetailerCost.Amount)
                {
                    options[i] = option;
                }

                return;
            }
        }

        options.Add(option);
    }

    private static string Describe(ReturnMethod method) => method switch
    {
        ReturnMethod.InStore => "store",
        ReturnMethod.PostOffice => "post office",
        ReturnMethod.PickupPoint => "pickup point",
        ReturnMethod.ParcelLocker => "parcel locker",
        ReturnMethod.Mailbox => "mailbox",
        ReturnMethod.HomePickup => "home pickup",
        _ => method.ToString(),
    };
}
