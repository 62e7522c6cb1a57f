using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Returns.Benchmarks.Data;
using Returns.Carriers.TableRate;
using Returns.Sdk;
using Returns.Sdk.Carriers;
using Returns.Sdk.Locations;
using Returns.Sdk.Parcels;
using Returns.Sdk.Policy;

namespace Returns.Benchmarks;

/// <summary>
/// The world of the ranking benchmark: four table-rate carriers with their own rate cards, 100,000 clustered drop-off
/// points spread over their networks and kinds, 1,000 stores, a box catalog and a three-line return.
/// </summary>
internal static class ReturnOptionBenchmarkData
{
    public const int PointCount = 100_000;
    public const int StoreCount = 1_000;

    public static readonly DateTimeOffset At = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private static readonly string[] Networks = ["postnl", "dhl", "dpd", "ups"];

    private static readonly (string Methods, decimal BasePrice, int TransitDays)[] Services =
    [
        ("post_office;parcel_locker;mailbox", 5.95m, 1),
        ("pickup_point;parcel_locker;home_pickup", 5.50m, 2),
        ("pickup_point", 4.95m, 2),
        ("pickup_point;home_pickup", 7.25m, 1),
    ];

    private static readonly DropOffKind[] Kinds = [DropOffKind.PostOffice, DropOffKind.ParcelLocker, DropOffKind.PickupPoint, DropOffKind.Mailbox];

    public const string PolicyJson = """
        {
          "policyId": "benchmark-options",
          "versions": [
            {
              "version": "v1",
              "effectiveFrom": "2026-01-01",
              "timeZone": "Europe/Amsterdam",
              "currencies": ["EUR"],
              "window": { "days": 30 },
              "fees": {
                "methods": {
                  "in_store": { "EUR": 0 },
                  "post_office": { "EUR": 2.95 },
                  "parcel_locker": { "EUR": 1.95 },
                  "pickup_point": { "EUR": 1.95 },
                  "home_pickup": { "EUR": 4.95 }
                }
              }
            }
          ]
        }
        """;

    public static Order Order() => new(
        "WEB-BENCH-1",
        SalesChannel.Web,
        Currency.EUR,
        At.AddDays(-12),
        new Customer("C-1"),
        [
            new OrderLine("1", "SNK-RUN-42", 1, Money.Of(89.95m, "EUR"), new ProductAttributes("shoes") { Weight = Weight.FromKilograms(0.9m), Dimensions = new Dimensions(33, 22, 12) }),
            new OrderLine("2", "TEE-BASIC-M", 2, Money.Of(19.95m, "EUR"), new ProductAttributes("apparel") { Weight = Weight.FromKilograms(0.2m) }),
            new OrderLine("3", "HP-NC-700", 1, Money.Of(99.00m, "EUR"), new ProductAttributes("electronics") { Weight = Weight.FromKilograms(0.4m), Dimensions = new Dimensions(22, 19, 9) }),
        ])
    {
        DeliveredAt = At.AddDays(-10),
    };

    public static PolicyEvaluation Evaluation(Order order) =>
        new ReturnPolicyEngine(ReturnPolicy.Parse(PolicyJson), TimeProvider.System).Evaluate(new PolicyEvaluationRequest(order) { At = At });

    /// <summary>Drop-off points of the four networks in turn, of the four kinds in turn, and the stores.</summary>
    public static LocationCatalog Catalog()
    {
        var points = ClusteredPoints.Generate(PointCount, seed: 20261126);
        var stores = ClusteredPoints.Generate(StoreCount, seed: 1126);
        var locations = new List<DropOffPoint>(PointCount + StoreCount);
        for (var i = 0; i < points.Length; i++)
        {
            var id = i.ToString("D6", CultureInfo.InvariantCulture);
            locations.Add(new DropOffPoint("p" + id, "Point " + id, Kinds[(i / Networks.Length) % Kinds.Length], Networks[i % Networks.Length], points[i]));
        }

        for (var i = 0; i < stores.Length; i++)
        {
            var id = i.ToString("D4", CultureInfo.InvariantCulture);
            locations.Add(new DropOffPoint("s" + id, "Store " + id, DropOffKind.Store, LocationCatalog.RetailerCarrierId, stores[i]) { OpeningHours = OpeningHours.Parse("Mo-Sa 09:00-18:00; Su off") });
        }

        return new LocationCatalog(locations);
    }

    /// <summary>The services' inputs: four carriers' rate cards and a zone chart sending every country to one zone.</summary>
    public static async Task<ServiceProvider> ServicesAsync(LocationCatalog catalog)
    {
        var zones = (await ZoneMap.LoadAsync(Utf8("zone,country\nWORLD,*\n")).ConfigureAwait(false)).Value;
        var services = new ServiceCollection();
        var returns = services.AddReturns(o => o.QuoteDeadline = TimeSpan.FromSeconds(5));
        for (var n = 0; n < Networks.Length; n++)
        {
            var card = (await RateCard.LoadAsync(Utf8(RateCardCsv(Networks[n], Services[n]))).ConfigureAwait(false)).Value;
            var id = Networks[n];
            returns.AddTableRateCarrier(card, zones, o => o.CarrierId = id);
        }

        returns
            .AddLocationCatalog(catalog)
            .AddParcelSizing(o =>
            {
                o.Boxes.Add(new ShippingBoxOptions { Id = "S", LengthCm = 30, WidthCm = 20, HeightCm = 10, TareGrams = 150 });
                o.Boxes.Add(new ShippingBoxOptions { Id = "M", LengthCm = 40, WidthCm = 30, HeightCm = 25, TareGrams = 300 });
                o.Boxes.Add(new ShippingBoxOptions { Id = "L", LengthCm = 60, WidthCm = 40, HeightCm = 40, TareGrams = 600 });
                o.Fallback = new ItemSizeOptions { LengthCm = 30, WidthCm = 25, HeightCm = 5, WeightGrams = 300 };
            })
            .AddReturnOptions(o =>
            {
                o.WarehouseCountry = "NL";
                o.WarehousePostcode = "5928 PV";
                o.MaxDistanceKm = 50;
            });
        return services.BuildServiceProvider();
    }

    private static string RateCardCsv(string network, (string Methods, decimal BasePrice, int TransitDays) service)
    {
        var csv = new StringBuilder("carrier,service,zone,max_weight_g,price_eur,methods,transit_days,dim_divisor\n");
        var price = service.BasePrice;
        foreach (var grams in new[] { 2_000, 5_000, 10_000, 20_000, 31_500 })
        {
            csv.Append(CultureInfo.InvariantCulture, $"{network},returns,WORLD,{grams},{price},{service.Methods},{service.TransitDays},5000\n");
            price += 1.50m;
        }

        return csv.ToString();
    }

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));
}
