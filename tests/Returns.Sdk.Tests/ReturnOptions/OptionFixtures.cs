using Returns.Sdk.Carriers;
using Returns.Sdk.Locations;
using Returns.Sdk.Policy;
using Returns.Sdk.ReturnOptions;
using Returns.Sdk.Tests.Policy;

namespace Returns.Sdk.Tests.ReturnOptions;

// A small world around Amsterdam Centraal: two carrier networks, a handful of places at known distances, and a policy
// that allows everything but mailboxes.
internal static class OptionFixtures
{
    public static readonly GeoPoint CustomerAt = new(52.3731, 4.8922);

    // Thursday 26 November 2026, 10:00 in Amsterdam.
    public static readonly DateTimeOffset Thursday10 = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    public static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static readonly Address CustomerAddress = new(CountryCode.Parse("NL"), "1012 AB");

    public const string PolicyJson = """
        {
          "policyId": "options",
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
                  "parcel_locker": { "EUR": 2.95 },
                  "pickup_point": { "EUR": 2.95 },
                  "home_pickup": { "EUR": 6.95 }
                }
              }
            }
          ]
        }
        """;

    public static StubCarrier PostNl { get; } = new("postnl", new CarrierService("parcel", "PostNL Parcel", [ReturnMethod.PostOffice, ReturnMethod.ParcelLocker, ReturnMethod.Mailbox], LabelModes.Printed | LabelModes.PrinterlessQr)
    {
        Limits = new ParcelLimits { MaxWeight = Weight.FromKilograms(23) },
        Area = ServiceArea.OfCountries(CountryCode.Parse("NL"), CountryCode.Parse("BE")),
    });

    public static StubCarrier Dhl { get; } = new("dhl", new CarrierService("return", "DHL Return", [ReturnMethod.PickupPoint, ReturnMethod.HomePickup], LabelModes.Printed | LabelModes.Mailed)
    {
        Area = ServiceArea.OfCountries(CountryCode.Parse("NL"), CountryCode.Parse("BE"), CountryCode.Parse("DE")),
    });

    public static StubCarrier Ups { get; } = new("ups", new CarrierService("std", "UPS Standard", [ReturnMethod.PickupPoint], LabelModes.Printed)
    {
        Area = ServiceArea.OfCountries(CountryCode.Parse("DE")),
    });

    public static OpeningHours ShopHours { get; } = OpeningHours.Parse("Mo-Fr 09:00-18:00; Sa 09:00-12:00; Su off");

    public static LocationCatalog Catalog { get; } = new(
    [
        Point("po-damrak", "Post office Damrak", DropOffKind.PostOffice, "postnl", 0.5) with { OpeningHours = ShopHours },
        Point("lk-centraal", "Locker Centraal", DropOffKind.ParcelLocker, "postnl", 1.2) with { OpeningHours = OpeningHours.AlwaysOpen },
        Point("mb-dam", "Mailbox Dam", DropOffKind.Mailbox, "postnl", 0.3),
        Point("pp-jordaan", "DHL point Jordaan", DropOffKind.PickupPoint, "dhl", 0.8) with { OpeningHours = OpeningHours.Parse("Sa 09:00-12:00") },
        Point("ups-pp", "UPS point", DropOffKind.PickupPoint, "ups", 0.2),
        Point("store-kalverstraat", "Store Kalverstraat", DropOffKind.Store, "", 2.0) with { OpeningHours = ShopHours },
        new DropOffPoint("po-rotterdam", "Post office Rotterdam", DropOffKind.PostOffice, "postnl", new GeoPoint(51.9225, 4.4792)),
    ]);

    public static IReadOnlyList<RateQuote> Quotes { get; } =
    [
        Quote("postnl", "parcel", ReturnMethod.PostOffice, 6.95m, 1),
        Quote("postnl", "parcel", ReturnMethod.ParcelLocker, 5.95m, 1),
        Quote("postnl", "parcel", ReturnMethod.Mailbox, 4.50m, 2),
        Quote("dhl", "return", ReturnMethod.PickupPoint, 5.50m, 2),
        Quote("dhl", "return", ReturnMethod.HomePickup, 9.00m, 2),
        Quote("ups", "std", ReturnMethod.PickupPoint, 4.00m, 1),
    ];

    public static RateQuote Quote(string carrier, string service, ReturnMethod method, decimal price, int? transitDays, string currency = "EUR") =>
        new(carrier, service, method, Money.Of(price, currency))
        {
            TransitDays = transitDays,
            LabelModes = LabelModes.Printed | LabelModes.PrinterlessQr | LabelModes.Mailed,
        };

    // A place the given distance due north of the customer (1° of latitude ≈ 111.195 km on the mean sphere).
    public static DropOffPoint Point(string id, string name, DropOffKind kind, string carrier, double kmNorth) =>
        new(id, name, kind, carrier, new GeoPoint(CustomerAt.Latitude + (kmNorth / (Math.PI * GeoPoint.EarthRadiusKm / 180d)), CustomerAt.Longitude));

    public static PolicyEvaluation Evaluation(string policy = PolicyJson, Order? order = null) =>
        new ReturnPolicyEngine(ReturnPolicy.Parse(policy), TimeProvider.System).Evaluate(new PolicyEvaluationRequest(order ?? PolicyFixtures.Order(placed: Thursday10.AddDays(-10), delivered: Thursday10.AddDays(-8)))
        {
            At = Thursday10,
        });

    public static PolicyEvaluation DefaultEvaluation { get; } = Evaluation();

    public static ReturnOptionEngine Engine(LocationCatalog? catalog = null, ReturnOptionSettings? settings = null) =>
        new([PostNl, Dhl, Ups], catalog ?? Catalog, settings ?? new ReturnOptionSettings(), TimeProvider.System);

    public static ReturnOptionRequest Request(IReadOnlyList<RateQuote>? quotes = null, Parcel? parcel = null, GeoPoint? at = null, PolicyEvaluation? policy = null) =>
        new(policy ?? DefaultEvaluation, parcel ?? new Parcel(Weight.FromKilograms(2), new Dimensions(40, 30, 20)), CustomerAddress, at ?? CustomerAt, quotes ?? Quotes)
        {
            At = Thursday10,
            TimeZone = Amsterdam,
        };
}

internal sealed class StubCarrier(string carrierId, CarrierService service) : CarrierAdapter
{
    public override string CarrierId { get; } = carrierId;

    public override CarrierCapabilities Capabilities { get; } = new([service], CarrierFeatures.LiveRates);

    public override Task<IReadOnlyList<RateQuote>> QuoteAsync(RateRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RateQuote>>([.. OptionFixtures.Quotes.Where(q => q.CarrierId == CarrierId)]);

    public override Task<ReturnShipment> CreateShipmentAsync(ShipmentRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new ReturnShipment(CarrierId, request.ServiceCode, "T-1"));
}
