using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Returns.Benchmarks.Baseline;
using Returns.Benchmarks.Data;
using Returns.Sdk;
using Returns.Sdk.Carriers;
using Returns.Sdk.Parcels;
using Returns.Sdk.Policy;
using Returns.Sdk.ReturnOptions;

namespace Returns.Benchmarks;

/// <summary>
/// One keystroke of the portal: the ranked return options of a three-line return — parcel sizing, quotes from four
/// table-rate carriers under the rate shopper's deadline, the nearest places of each network and kind among 100,000
/// drop-off points and 1,000 stores, fees from the policy, ranking. The option service against a LINQ baseline doing
/// the same work with full scans. Target: median under 50 µs and under 16 KB allocated per request.
/// </summary>
/// <remarks>Each invocation is for the next of 256 customer locations (cities, countryside, high latitudes).</remarks>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
public class ReturnOptionBenchmarks
{
    private const int LocationCount = 256;

    private ServiceProvider _services = null!;
    private ReturnOptionService _optionService = null!;
    private ReturnOptionEngine _engine = null!;
    private CarrierAdapter[] _carriers = null!;
    private NaiveOptionRanking _naive = null!;
    private ParcelEstimator _parcels = null!;
    private Order _order = null!;
    private PolicyEvaluation _policy = null!;
    private GeoPoint[] _locations = null!;
    private Address _customer = null!;
    private readonly Address _warehouse = new(CountryCode.Parse("NL"), "5928 PV");
    private int _next;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var catalog = ReturnOptionBenchmarkData.Catalog();
        _services = await ReturnOptionBenchmarkData.ServicesAsync(catalog).ConfigureAwait(false);
        _optionService = _services.GetRequiredService<ReturnOptionService>();
        _parcels = _services.GetRequiredService<ParcelEstimator>();
        _engine = _services.GetRequiredService<ReturnOptionEngine>();
        _carriers = [.. _services.GetServices<CarrierAdapter>()];
        _naive = new NaiveOptionRanking([.. _services.GetServices<CarrierAdapter>()], catalog.Locations, maxDistanceKm: 50, placesPerOption: 3);
        _order = ReturnOptionBenchmarkData.Order();
        _policy = ReturnOptionBenchmarkData.Evaluation(_order);
        _locations = ClusteredPoints.Queries(LocationCount, seed: 11);
        _customer = new Address(CountryCode.Parse("NL"), "1012 AB");

        // Both sides must offer the same options at the same prices with the same nearest places for every location.
        foreach (var location in _locations)
        {
            var engine = await OptionsAsync(location).ConfigureAwait(false);
            var naive = await NaiveAsync(location).ConfigureAwait(false);
            var engineKeys = engine.Options.Select(o => $"{o.CarrierId ?? "store"}/{o.Method}/{o.RetailerCost.Amount}/{o.NearestLocation?.Point.Id}").Order(StringComparer.Ordinal);
            var naiveKeys = naive.Select(o => $"{o.Quote.CarrierId}/{o.Quote.ReturnMethod}/{o.Quote.Price.Amount}/{(o.Places.Count > 0 ? o.Places[0].Point.Id : null)}").Order(StringComparer.Ordinal);
            if (engine.Options.Count < 3 && location.Latitude is > 35 and < 60 && location.Longitude is > -10 and < 25)
            {
                throw new InvalidOperationException($"Only {engine.Options.Count} options in Europe at {location}: the workload is too thin.");
            }

            if (!engineKeys.SequenceEqual(naiveKeys))
            {
                throw new InvalidOperationException($"The option service and the baseline disagree at {location}: {string.Join(", ", engineKeys)} vs {string.Join(", ", naiveKeys)}.");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Baseline = true)]
    public async Task<int> LinqScans() => (await NaiveAsync(Next()).ConfigureAwait(false)).Count;

    [Benchmark]
    public async Task<int> OptionService() => (await OptionsAsync(Next()).ConfigureAwait(false)).Options.Count;

    /// <summary>
    /// The same options without the rate shopper's parallel calls and deadline (which only pay off for carriers on the
    /// network): sizing, the four rate cards asked in turn, nearest places and ranking.
    /// </summary>
    [Benchmark]
    public async Task<int> SizeRateAndRank()
    {
        var location = Next();
        var parcel = _parcels.Estimate(ReturnOptionService.ItemsOf(_order, _policy)).Parcel;
        var request = new RateRequest(parcel, _customer, _warehouse);
        var quotes = new List<RateQuote>();
        foreach (var carrier in _carriers)
        {
            quotes.AddRange(await carrier.QuoteAsync(request, CancellationToken.None).ConfigureAwait(false));
        }

        var options = _engine.Rank(new ReturnOptionRequest(_policy, parcel, _customer, location, quotes) { At = ReturnOptionBenchmarkData.At }, ReturnOptionRankings.CheapestForRetailer);
        return options.Options.Count;
    }

    private Task<ReturnOptionResult> OptionsAsync(GeoPoint location) =>
        _optionService.GetOptionsAsync(new ReturnOptionQuery(_order, _policy, _customer) { CustomerLocation = location, Ranking = ReturnOptionRankings.CheapestForRetailer, At = ReturnOptionBenchmarkData.At });

    private Task<List<(RateQuote Quote, List<(DropOffPoint Point, double Km)> Places)>> NaiveAsync(GeoPoint location)
    {
        var parcel = _parcels.Estimate(ReturnOptionService.ItemsOf(_order, _policy)).Parcel;
        return _naive.RankAsync(parcel, _customer, location, _warehouse, _policy);
    }

    private GeoPoint Next()
    {
        var location = _locations[_next];
        _next = (_next + 1) % _locations.Length;
        return location;
    }
}
