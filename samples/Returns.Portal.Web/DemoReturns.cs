using System.Security.Cryptography;
using System.Text.Json;
using Returns.Carriers.TableRate;
using Returns.Sdk;
using Returns.Sdk.Carriers;
using Returns.Sdk.Csv;
using Returns.Sdk.Grading;
using Returns.Sdk.Locations;
using Returns.Sdk.Orders;
using Returns.Sdk.Parcels;
using Returns.Sdk.Policy;
using Returns.Sdk.Refunds;
using Returns.Sdk.Serialization;

namespace Returns.Portal.Web;

/// <summary>
/// The embedded default a retailer starts from: the table-rate carrier on the demo rate card, the demo drop-off points
/// and stores, postcode centroids, box catalog, policy and grading rules, two demo orders, a demo e-commerce platform
/// that confirms refunds at once, and an SQLite file for the returns.
/// </summary>
internal static class DemoReturns
{
    /// <summary>The warehouse every carrier return goes to.</summary>
    public static readonly Address Warehouse = new(CountryCode.Parse("NL"), "5928 LZ") { Name = "Demo Shop Returns", Line1 = "Columbusweg 20", City = "Venlo" };

    public const string WarehouseId = "WH-NL";

    // The box catalog's collections are get-only: fill them rather than replace them.
    private static readonly JsonSerializerOptions BoxCatalogJson = new(JsonSerializerDefaults.Web)
    {
        PreferredObjectCreationHandling = System.Text.Json.Serialization.JsonObjectCreationHandling.Populate,
    };

    /// <summary>Registers the returns services on the demo data.</summary>
    /// <returns>The demo stores (id and name), for the associates' sign-in.</returns>
    public static async Task<IReadOnlyList<(string Id, string Name)>> AddAsync(IServiceCollection services, DemoSettings settings, CancellationToken cancellationToken = default)
    {
        var data = Path.Combine(AppContext.BaseDirectory, "data");
        string File(string name) => Path.Combine(data, name);

        var orders = new InMemoryOrderSource(
            (await OrderDocument.LoadFileAsync(File("order-web.json"), cancellationToken)).Order,
            (await OrderDocument.LoadFileAsync(File("order-web-2.json"), cancellationToken)).Order);
        var policy = await ReturnPolicy.LoadFileAsync(File("policy.json"), cancellationToken: cancellationToken);
        var grading = await GradingRules.LoadFileAsync(File("grading.json"), cancellationToken);
        var rates = Checked(await RateCard.LoadFileAsync(File("rates.csv"), cancellationToken: cancellationToken));
        var zones = Checked(await ZoneMap.LoadFileAsync(File("zones.csv"), cancellationToken: cancellationToken));
        var points = Checked(await LocationCatalog.LoadFileAsync(File("points.csv"), cancellationToken: cancellationToken));
        var postcodes = Checked(await PostcodeCentroidGeocoder.LoadFileAsync(File("postcodes.csv"), cancellationToken: cancellationToken));
        var boxes = JsonSerializer.Deserialize<ParcelSizingOptions>(await System.IO.File.ReadAllBytesAsync(File("boxes.json"), cancellationToken), BoxCatalogJson)
            ?? throw new InvalidOperationException("data/boxes.json is empty.");
        var storePoints = points.Locations.Where(p => p.Kind == DropOffKind.Store).ToList();
        var stores = storePoints.Select(p => new WarehouseCapabilities(p.Id, [Disposition.RestockAsNew])).ToList();

        Directory.CreateDirectory(Path.GetDirectoryName(settings.DatabasePath)!);
        services.AddReturns()
            .AddSqliteStore(o => o.Path = settings.DatabasePath)
            .AddReturnPolicy(policy)
            .AddConditionGrading(grading)
            .AddTableRateCarrier(rates, zones)
            .AddParcelSizing(o =>
            {
                foreach (var box in boxes.Boxes)
                {
                    o.Boxes.Add(box);
                }

                foreach (var (category, size) in boxes.CategoryDefaults)
                {
                    o.CategoryDefaults[category] = size;
                }

                o.Fallback = boxes.Fallback;
            })
            .AddLocationCatalog(points)
            .AddGeocoder(postcodes)
            .AddReturnOptions(o =>
            {
                o.WarehouseCountry = Warehouse.Country.Value;
                o.WarehousePostcode = Warehouse.Postcode;
            })
            .AddReturnLifecycle()
            .AddRefunds()
            // A demo e-commerce platform that confirms every refund at once; a shop registers its real one.
            .AddRefundGateway(new InMemoryRefundGateway())
            .AddOrderSource(orders)
            .AddSelfServiceReturns(o =>
            {
                o.WarehouseAddress = Warehouse;
                o.WarehouseId = WarehouseId;
                o.TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
            })
            .AddReturnsPortal(o =>
            {
                // A fresh key per run: sessions and label links do not outlive the demo process.
                o.SigningKeys["demo"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
                o.HostOrigins.Add(settings.ShopOrigin);
            })
            .AddStoreReturnDesk(o =>
            {
                foreach (var store in stores)
                {
                    o.Stores.Add(store);
                }

                o.Warehouse = WarehouseCapabilities.Everything(WarehouseId);
            });
        return [.. storePoints.Select(p => (p.Id, p.Name))];
    }

    private static T Checked<T>(CsvReadResult<T> result)
        where T : class =>
        result.HasErrors ? throw new ReturnsValidationException(result.Errors) : result.Value;
}
