using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Returns.Sdk.Carriers;
using Returns.Sdk.Lifecycle;
using Returns.Sdk.Orders;
using Returns.Sdk.Parcels;
using Returns.Sdk.Policy;
using Returns.Sdk.Refunds;
using Returns.Sdk.SelfService;
using Returns.Sdk.Tests.Policy;
using Returns.Sdk.Tests.ReturnOptions;

namespace Returns.Sdk.Tests.SelfService;

// The customer's side of a return wired as a host wires it: one web order near Amsterdam Centraal, a policy with a fee
// per method, one carrier whose labels the test can count and break, and the stores and post offices of OptionFixtures.
internal sealed class SelfServiceHarness : IDisposable
{
    // Thursday 12 March 2026, 16:00 in Amsterdam: eight days after delivery, inside the 30-day window.
    public static readonly DateTimeOffset Now = new(2026, 3, 12, 15, 0, 0, TimeSpan.Zero);

    public static readonly Address Warehouse = new(CountryCode.Parse("NL"), "5928 LZ") { Line1 = "Venrayseweg 1", City = "Venlo" };

    private readonly ServiceProvider _provider;

    public SelfServiceHarness(ReturnPolicy? policy = null, Action<SelfServiceOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IReturnStore>(Store);
        services.AddReturns()
            .AddCarrier(_ => Carrier)
            .AddLocationCatalog(OptionFixtures.Catalog)
            .AddParcelSizing(o =>
            {
                o.Boxes.Add(new ShippingBoxOptions { Id = "M", LengthCm = 40, WidthCm = 30, HeightCm = 25, TareGrams = 300 });
                o.Fallback = new ItemSizeOptions { LengthCm = 30, WidthCm = 25, HeightCm = 5, WeightGrams = 300 };
            })
            .AddReturnOptions(s =>
            {
                s.WarehouseCountry = "NL";
                s.WarehousePostcode = "5928 LZ";
            })
            .AddReturnPolicy(policy ?? Policy())
            .AddReturnLifecycle()
            .AddRefunds()
            .AddRefundGateway(new InMemoryRefundGateway())
            .AddOrderSource(new InMemoryOrderSource(Order(), Order("WEB-2")))
            .AddSelfServiceReturns(o =>
            {
                o.WarehouseAddress = Warehouse;
                o.WarehouseId = "WH-1";
                o.TimeZone = OptionFixtures.Amsterdam;
                configure?.Invoke(o);
            });
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        _provider.GetRequiredService<IStartupValidator>().Validate();
    }

    public FakeTimeProvider Time { get; } = new(Now);

    public InMemoryReturnStore Store { get; } = new();

    public LabelCarrier Carrier { get; } = new();

    public SelfServiceReturns Service => _provider.GetRequiredService<SelfServiceReturns>();

    public ReturnLifecycle Lifecycle => _provider.GetRequiredService<ReturnLifecycle>();

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Fees: in store free, post office 3.95, home pickup 6.95 (PolicyFixtures.BasePolicy); final sale excluded; the
    // original payment or an exchange, never store credit.
    public static ReturnPolicy Policy(Action<System.Text.Json.Nodes.JsonObject>? change = null) => PolicyFixtures.TestPolicy(v =>
    {
        v["exclusions"] = PolicyFixtures.Json("""{ "finalSale": true }""");
        v["refunds"] = PolicyFixtures.Json("""{ "allowed": ["original_payment", "exchange"] }""");
        change?.Invoke(v);
    });

    //   line 1: 3 x TEE-M 19.95, line 2: SNK-42 89.95, line 3: a final-sale cap, line 4: 2 x socks, line 5: a scarf.
    public static Order Order(string number = "WEB-1") =>
        new(number, SalesChannel.Web, Currency.EUR, new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(1)), new Customer("C-1") { Email = "anna@example.com" },
        [
            new OrderLine("1", "TEE-M", 3, Eur(19.95m), new ProductAttributes("apparel")),
            new OrderLine("2", "SNK-42", 1, Eur(89.95m), new ProductAttributes("shoes")),
            new OrderLine("3", "CAP-SALE", 1, Eur(14.95m), new ProductAttributes("apparel") { FinalSale = true }),
            new OrderLine("4", "SOCK-2", 2, Eur(7.95m), new ProductAttributes("apparel")),
            new OrderLine("5", "SCARF", 1, Eur(24.95m), new ProductAttributes("apparel")),
        ])
        {
            DeliveredAt = new DateTimeOffset(2026, 3, 4, 15, 30, 0, TimeSpan.FromHours(1)),
            ShippingAddress = new Address(CountryCode.Parse("NL"), "1012 AB") { Coordinates = OptionFixtures.CustomerAt },
            Tenders = [new Tender(TenderKind.Card, Eur(205.60m)) { Reference = "psp_card" }],
        };

    public static Money Eur(decimal amount) => new(amount, Currency.EUR);

    public static SelfServiceItem Item(string lineId, int quantity = 1, string reason = "too_small") => new(lineId, quantity, reason);

    public static SelfServiceRequest Request(params SelfServiceItem[] items) => new("WEB-1", items);

    public void Dispose() => _provider.Dispose();
}

// A carrier with post-office and home-pickup returns that counts the labels it sells and fails on demand.
internal sealed class LabelCarrier : CarrierAdapter
{
    private int _shipments;

    public override string CarrierId => "postnl";

    public override CarrierCapabilities Capabilities { get; } = new(
        [new CarrierService("parcel", "PostNL Parcel", [ReturnMethod.PostOffice, ReturnMethod.HomePickup], LabelModes.Printed | LabelModes.PrinterlessQr)],
        CarrierFeatures.LiveRates);

    public int Shipments => Volatile.Read(ref _shipments);

    public Exception? Failure { get; set; }

    public override Task<IReadOnlyList<RateQuote>> QuoteAsync(RateRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RateQuote>>(
        [
            new RateQuote(CarrierId, "parcel", ReturnMethod.PostOffice, Money.Of(6.95m, "EUR")) { TransitDays = 1, LabelModes = LabelModes.Printed | LabelModes.PrinterlessQr },
            new RateQuote(CarrierId, "parcel", ReturnMethod.HomePickup, Money.Of(9.00m, "EUR")) { TransitDays = 2, LabelModes = LabelModes.Printed | LabelModes.PrinterlessQr },
        ]);

    public override Task<ReturnShipment> CreateShipmentAsync(ShipmentRequest request, CancellationToken cancellationToken)
    {
        if (Failure is { } failure)
        {
            throw failure;
        }

        var n = Interlocked.Increment(ref _shipments);
        return Task.FromResult(new ReturnShipment(CarrierId, request.ServiceCode, $"3SRET{n:D6}")
        {
            Label = new LabelDocument(LabelDocumentFormat.Pdf, "application/pdf", Encoding.ASCII.GetBytes($"%PDF label for {request.RmaNumber}")),
            QrPayload = $"PNL-QR-{n}",
        });
    }
}
