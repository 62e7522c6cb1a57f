using Returns.Sdk;
using Returns.Sdk.Carriers;
using Returns.Sdk.Policy;

namespace Returns.Benchmarks.Baseline;

/// <summary>
/// The straightforward way to the same cheapest-first options: ask every carrier, and for every quote scan all
/// places with LINQ for the nearest of the right network and kind. What the option engine is measured against.
/// </summary>
internal sealed class NaiveOptionRanking(IReadOnlyList<CarrierAdapter> carriers, IReadOnlyList<DropOffPoint> places, double maxDistanceKm, int placesPerOption)
{
    public async Task<List<(RateQuote Quote, List<(DropOffPoint Point, double Km)> Places)>> RankAsync(Parcel parcel, Address customer, GeoPoint location, Address warehouse, PolicyEvaluation policy)
    {
        var quotes = new List<RateQuote>();
        foreach (var carrier in carriers)
        {
            quotes.AddRange(await carrier.QuoteAsync(new RateRequest(parcel, customer, warehouse), CancellationToken.None).ConfigureAwait(false));
        }

        var options = new List<(RateQuote Quote, List<(DropOffPoint Point, double Km)> Places)>();
        foreach (var quote in quotes.Where(q => policy.FeeFor(q.ReturnMethod) is not null))
        {
            var service = carriers.First(c => c.CarrierId == quote.CarrierId).Capabilities.FindService(quote.ServiceCode)!;
            if (!service.Limits.Fits(parcel, out _))
            {
                continue;
            }

            var kind = quote.ReturnMethod.PlaceKind();
            var nearby = kind is null
                ? []
                : places
                    .Where(p => p.Kind == kind && p.CarrierId == (service.Network ?? quote.CarrierId))
                    .Select(p => (Point: p, Km: location.DistanceKmTo(p.Location)))
                    .Where(p => p.Km <= maxDistanceKm)
                    .OrderBy(p => p.Km)
                    .Take(placesPerOption)
                    .ToList();
            if (kind is null || nearby.Count > 0)
            {
                options.Add((quote, nearby));
            }
        }

        var stores = places
            .Where(p => p.Kind == DropOffKind.Store)
            .Select(p => (Point: p, Km: location.DistanceKmTo(p.Location)))
            .Where(p => p.Km <= maxDistanceKm)
            .OrderBy(p => p.Km)
            .Take(placesPerOption)
            .ToList();
        if (stores.Count > 0 && policy.FeeFor(ReturnMethod.InStore) is not null)
        {
            options.Add((new RateQuote("store", "in_store", ReturnMethod.InStore, new Money(0m, policy.Currency)), stores));
        }

        return [.. options.OrderBy(o => o.Quote.Price.Amount).ThenBy(o => o.Places.Count > 0 ? o.Places[0].Km : 0d)];
    }

}
