using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Returns.Sdk.Carriers;
using Returns.Sdk.Locations;
using Returns.Sdk.Parcels;
using Returns.Sdk.Policy;
using Returns.Sdk.ReturnOptions;
using Returns.Sdk.Tests.Policy;
using static Returns.Sdk.Tests.ReturnOptions.OptionFixtures;

namespace Returns.Sdk.Tests.ReturnOptions;

public sealed class ReturnOptionServiceTests
{
    private static readonly Order Order = PolicyFixtures.Order(
        [
            PolicyFixtures.Line("1", product: new ProductAttributes("shoes") { Weight = Weight.FromKilograms(0.9m), Dimensions = new Dimensions(33, 22, 12) }),
            PolicyFixtures.Line("2", quantity: 2, product: new ProductAttributes("apparel") { Weight = Weight.FromKilograms(0.2m) }),
        ],
        placed: Thursday10.AddDays(-10),
        delivered: Thursday10.AddDays(-8));

    private static ServiceProvider Services(IGeocoder? geocoder = null, Action<ReturnOptionSettings>? settings = null, CarrierAdapter? extra = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Thursday10));
        var returns = services.AddReturns()
            .AddCarrier(_ => PostNl)
            .AddCarrier(_ => Dhl)
            .AddLocationCatalog(Catalog)
            .AddParcelSizing(o =>
            {
                o.Boxes.Add(new ShippingBoxOptions { Id = "M", LengthCm = 40, WidthCm = 30, HeightCm = 25, TareGrams = 300 });
                o.Boxes.Add(new ShippingBoxOptions { Id = "L", LengthCm = 60, WidthCm = 40, HeightCm = 40, TareGrams = 600 });
                o.Fallback = new ItemSizeOptions { LengthCm = 30, WidthCm = 25, HeightCm = 5, WeightGrams = 300 };
            })
            .AddReturnOptions(s =>
            {
                s.WarehouseCountry = "NL";
                s.WarehousePostcode = "5928 LZ";
                settings?.Invoke(s);
            });
        if (geocoder is not null)
        {
            returns.AddGeocoder(geocoder);
        }

        if (extra is not null)
        {
            returns.AddCarrier(_ => extra);
        }

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static ReturnOptionQuery Query(Address? address = null) =>
        new(Order, Evaluation(order: Order), address ?? CustomerAddress with { Coordinates = CustomerAt })
        {
            TimeZone = Amsterdam,
            At = Thursday10,
        };

    [Fact]
    public async Task GetOptionsAsync_ThroughDependencyInjection_SizesQuotesAndRanks()
    {
        await using var provider = Services();
        var service = provider.GetRequiredService<ReturnOptionService>();

        var result = await service.GetOptionsAsync(Query() with { Ranking = ReturnOptionRankings.CheapestForRetailer }, TestContext.Current.CancellationToken);

        Assert.Equal("cheapest", result.Strategy);
        Assert.Equal("M", result.ParcelEstimate!.Box!.Id);
        // 0.9 kg shoes + 2 × 0.2 kg shirts + 0.3 kg box.
        Assert.Equal(Weight.FromKilograms(1.6m), result.ParcelEstimate.Parcel.Weight);
        Assert.Equal(["InStore", "PickupPoint", "ParcelLocker", "PostOffice", "HomePickup"], result.Options.Select(o => o.Method.ToString()));
    }

    [Fact]
    public async Task GetOptionsAsync_DefaultStrategyFromSettings_IsUsed()
    {
        await using var provider = Services(settings: s => s.DefaultStrategy = "nearest");

        var result = await provider.GetRequiredService<ReturnOptionService>().GetOptionsAsync(Query(), TestContext.Current.CancellationToken);

        Assert.Equal("nearest", result.Strategy);
        Assert.Equal(ReturnMethod.HomePickup, result.Best!.Method);
    }

    [Fact]
    public async Task GetOptionsAsync_NoCoordinates_GeocodesThePostcode()
    {
        var geocoder = new PostcodeCentroidGeocoder([new PostcodeCentroid(CountryCode.Parse("NL"), "1012", CustomerAt)]);
        await using var provider = Services(geocoder);

        var result = await provider.GetRequiredService<ReturnOptionService>().GetOptionsAsync(Query(CustomerAddress), TestContext.Current.CancellationToken);

        Assert.Equal(0.5, Assert.Single(result.Options, o => o.Method == ReturnMethod.PostOffice).DistanceKm, 3);
    }

    [Fact]
    public async Task GetOptionsAsync_NoCoordinatesNoGeocoder_TypedErrorOnThePostcode()
    {
        await using var provider = Services();

        var error = await Assert.ThrowsAsync<ReturnsValidationException>(() => provider.GetRequiredService<ReturnOptionService>().GetOptionsAsync(Query(CustomerAddress), TestContext.Current.CancellationToken));

        Assert.Equal("customerAddress.postcode", Assert.Single(error.Errors).Path);
    }

    [Fact]
    public async Task GetOptionsAsync_UnknownPostcode_TypedErrorNamingIt()
    {
        var geocoder = new PostcodeCentroidGeocoder([new PostcodeCentroid(CountryCode.Parse("BE"), "1000", new GeoPoint(50.85, 4.35))]);
        await using var provider = Services(geocoder);

        var error = await Assert.ThrowsAsync<ReturnsValidationException>(() => provider.GetRequiredService<ReturnOptionService>().GetOptionsAsync(Query(CustomerAddress), TestContext.Current.CancellationToken));

        Assert.Contains("1012 AB", Assert.Single(error.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetOptionsAsync_CarrierWhosePlacesAreNotCatalogued_ListsThemLive()
    {
        var gls = new LiveListingCarrier((query, _) => Task.FromResult<IReadOnlyList<DropOffPoint>>([Point("gls-1", "GLS shop", DropOffKind.PickupPoint, "gls", 0.4)]));
        await using var provider = Services(extra: gls);

        var result = await provider.GetRequiredService<ReturnOptionService>().GetOptionsAsync(Query(), TestContext.Current.CancellationToken);

        var option = Assert.Single(result.Options, o => o.CarrierId == "gls");
        Assert.Equal("gls-1", option.NearestLocation!.Point.Id);
        Assert.Equal(0.4, option.DistanceKm, 3);
        Assert.Equal(1, gls.Listings);
    }

    [Fact]
    public async Task GetOptionsAsync_LiveListingFails_CarrierReportedOthersStillOffered()
    {
        var gls = new LiveListingCarrier((_, _) => Task.FromException<IReadOnlyList<DropOffPoint>>(new CarrierUnavailableException("gls", "503 from the locator")));
        await using var provider = Services(extra: gls);

        var result = await provider.GetRequiredService<ReturnOptionService>().GetOptionsAsync(Query(), TestContext.Current.CancellationToken);

        Assert.DoesNotContain(result.Options, o => o.CarrierId == "gls");
        Assert.Contains(result.Excluded, e => e.CarrierId == "gls" && e.Reason == ExclusionReason.CarrierUnavailable && e.Message.Contains("503", StringComparison.Ordinal));
        Assert.Contains(result.Excluded, e => e.CarrierId == "gls" && e.Reason == ExclusionReason.NoLocationNearby);
        Assert.Contains(result.Options, o => o.CarrierId == "postnl");
    }

    [Fact]
    public async Task GetOptionsAsync_CataloguedNetwork_NotListedLive()
    {
        var postnlLister = new LiveListingCarrier((_, _) => Task.FromResult<IReadOnlyList<DropOffPoint>>([]), network: "postnl");
        await using var provider = Services(extra: postnlLister);

        await provider.GetRequiredService<ReturnOptionService>().GetOptionsAsync(Query(), TestContext.Current.CancellationToken);

        Assert.Equal(0, postnlLister.Listings);
    }

    [Fact]
    public void ItemsOf_ItemsRequested_OnlyReturnableRequestedLinesAndQuantities()
    {
        var order = ItemsOrder();
        var evaluation = PolicyFixtures.Evaluate(FinalSaleExcluded, order, Thursday10, [new RequestedReturnLine("1", 2), new RequestedReturnLine("2", 1)]);

        var items = ReturnOptionService.ItemsOf(order, evaluation);

        var item = Assert.Single(items);
        Assert.Equal(("SKU-1", 2), (item.Sku, item.Quantity));
    }

    [Fact]
    public void ItemsOf_NoItemsRequested_EverythingStillReturnable()
    {
        var order = ItemsOrder();
        var evaluation = PolicyFixtures.Evaluate(FinalSaleExcluded, order, Thursday10, returned: new Dictionary<string, int> { ["1"] = 1 });

        var items = ReturnOptionService.ItemsOf(order, evaluation);

        Assert.Equal([("SKU-1", 2), ("SKU-3", 1)], items.Select(i => (i.Sku, i.Quantity)));
    }

    private static readonly ReturnPolicy FinalSaleExcluded = ReturnPolicy.Parse(PolicyJson.Replace("\"window\": { \"days\": 30 },", "\"window\": { \"days\": 30 }, \"exclusions\": { \"finalSale\": true },", StringComparison.Ordinal));

    private static Order ItemsOrder() => PolicyFixtures.Order(
        [
            PolicyFixtures.Line("1", quantity: 3),
            PolicyFixtures.Line("2", product: new ProductAttributes("apparel") { FinalSale = true }),
            PolicyFixtures.Line("3"),
        ],
        placed: Thursday10.AddDays(-10),
        delivered: Thursday10.AddDays(-8));

    [Fact]
    public async Task AddReturnOptions_InvalidSettings_FailOnStart()
    {
        await using var provider = Services(settings: s => s.LocationsPerOption = 0);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ReturnOptionSettings>>().Value);

        Assert.Contains("LocationsPerOption", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoWarehouse_ThrowsSayingWhatToConfigure()
    {
        using var provider = Services(settings: s => s.WarehouseCountry = null);

        var error = Assert.Throws<ArgumentException>(() => provider.GetRequiredService<ReturnOptionService>());

        Assert.Contains("WarehouseCountry", error.Message, StringComparison.Ordinal);
    }
}

// A carrier whose drop-off points are only known to its own locator API.
internal sealed class LiveListingCarrier(Func<DropOffPointQuery, CancellationToken, Task<IReadOnlyList<DropOffPoint>>> list, string network = "gls") : CarrierAdapter
{
    private int _listings;

    public override string CarrierId => "gls";

    public override CarrierCapabilities Capabilities { get; } = new(
        [new CarrierService("parcelshop", "GLS ParcelShop", [ReturnMethod.PickupPoint], LabelModes.Printed) { Network = network }],
        CarrierFeatures.LiveRates | CarrierFeatures.DropOffPoints);

    public int Listings => Volatile.Read(ref _listings);

    public override Task<IReadOnlyList<RateQuote>> QuoteAsync(RateRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RateQuote>>([Quote("gls", "parcelshop", ReturnMethod.PickupPoint, 4.25m, 2)]);

    public override Task<IReadOnlyList<DropOffPoint>> ListDropOffPointsAsync(DropOffPointQuery query, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _listings);
        return list(query, cancellationToken);
    }

    public override Task<ReturnShipment> CreateShipmentAsync(ShipmentRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new ReturnShipment(CarrierId, request.ServiceCode, "T-1"));
}
