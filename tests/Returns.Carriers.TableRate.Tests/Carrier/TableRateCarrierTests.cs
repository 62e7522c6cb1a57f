using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Returns.Carriers.Testing;
using Returns.Sdk;
using Returns.Sdk.Carriers;

namespace Returns.Carriers.TableRate.Tests.Carrier;

public sealed class TableRateCarrierTests
{
    private static readonly Address Customer = new(CountryCode.Parse("NL"), "1012 AB") { Name = "A. Customer", Line1 = "Damrak 1", City = "Amsterdam" };
    private static readonly Address Warehouse = new(CountryCode.Parse("NL"), "5928 PV") { Name = "Returns Centre", Line1 = "Hagelkruisweg 1", City = "Venlo" };

    private static async Task<TableRateCarrier> PostNlCarrierAsync() =>
        new(new TableRateEngine(await TableRateFixtures.PostNlAsync(), await TableRateFixtures.PostNlZonesAsync()), new TableRateCarrierOptions { DisplayName = "PostNL" }, new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero)));

    [Fact]
    public async Task TableRateCarrier_PassesTheConformanceKit()
    {
        var carrier = await PostNlCarrierAsync();
        var scenario = new ConformanceScenario(new Parcel(Weight.FromKilograms(1.5m), new Dimensions(30m, 20m, 10m)), Customer, Warehouse)
        {
            FaultProbes =
            [
                new FaultProbe("parcel above every band", (c, ct) => c.CreateShipmentAsync(Shipment(c, "too-heavy", Weight.FromKilograms(40m)), ct), ExpectTransient: false),
                new FaultProbe("unknown service", (c, ct) => c.CreateShipmentAsync(Shipment(c, "unknown") with { ServiceCode = "postnl:Teleport" }, ct), ExpectTransient: false),
            ],
        };

        var report = await CarrierConformance.AssertConformsAsync(carrier, scenario, TableRateFixtures.Cancel);

        Assert.True(report.Passed);
    }

    [Fact]
    public async Task QuoteAsync_DomesticParcel_QuotesThePublishedTariff()
    {
        var carrier = await PostNlCarrierAsync();

        var quotes = await carrier.QuoteAsync(new RateRequest(new Parcel(Weight.FromKilograms(4m), new Dimensions(40m, 30m, 20m)), Customer, Warehouse) { ServiceCode = "postnl:DomesticPakket" }, TableRateFixtures.Cancel);

        var quote = Assert.Single(quotes);
        Assert.Equal((Money.Of(6.95m, "EUR"), ReturnMethod.PostOffice, "tablerate"), (quote.Price, quote.ReturnMethod, quote.CarrierId));
    }

    [Fact]
    public async Task CreateShipmentAsync_SameKey_SameTrackingNumber_ValidCheckDigit_DecodableLabel()
    {
        var carrier = await PostNlCarrierAsync();
        var request = Shipment(carrier, "rma-42") with { LabelFormat = LabelDocumentFormat.Zpl };

        var first = await carrier.CreateShipmentAsync(request, TableRateFixtures.Cancel);
        var second = await carrier.CreateShipmentAsync(request, TableRateFixtures.Cancel);
        var other = await carrier.CreateShipmentAsync(Shipment(carrier, "rma-43"), TableRateFixtures.Cancel);

        Assert.Equal(first.TrackingNumber, second.TrackingNumber);
        Assert.NotEqual(first.TrackingNumber, other.TrackingNumber);
        Assert.True(TrackingNumbers.IsValid(first.TrackingNumber));
        Assert.StartsWith("TR", first.TrackingNumber, StringComparison.Ordinal);
        var zpl = Encoding.ASCII.GetString(first.Label!.Content.Span);
        Assert.Contains("^BC", zpl, StringComparison.Ordinal);
        Assert.Contains(first.TrackingNumber[2..8], zpl, StringComparison.Ordinal);
        Assert.Equal(LabelDocumentFormat.Pdf, other.Label!.Format);
        Assert.True(other.Label.Content.Span.StartsWith("%PDF-"u8));
    }

    [Fact]
    public async Task CreateShipmentAsync_Printerless_ReturnsQrPayloadWithoutLabel()
    {
        var carrier = await PostNlCarrierAsync();

        var shipment = await carrier.CreateShipmentAsync(Shipment(carrier, "qr") with { LabelMode = LabelModes.PrinterlessQr }, TableRateFixtures.Cancel);

        Assert.Null(shipment.Label);
        Assert.Equal($"tablerate:{shipment.TrackingNumber}:RMA-1", shipment.QrPayload);
    }

    [Fact]
    public async Task CreateShipmentAsync_UnsupportedFormat_PermanentError()
    {
        var carrier = await PostNlCarrierAsync();

        var error = await Assert.ThrowsAsync<CarrierException>(() => carrier.CreateShipmentAsync(Shipment(carrier, "gif") with { LabelFormat = LabelDocumentFormat.Gif }, TableRateFixtures.Cancel));

        Assert.False(error.IsTransient);
        Assert.Contains("Gif", error.Message, StringComparison.Ordinal);
    }

    // Check digits computed independently with the Luhn algorithm.
    [Theory]
    [InlineData("TR123456789012347", true)]
    [InlineData("TR123456789012348", false)]
    [InlineData("TR000000000000000", true)]
    [InlineData("tr000000000000000", false)]
    [InlineData("TR12345678901234X", false)]
    [InlineData("TR00000000000000", false)]
    [InlineData("", false)]
    public void IsValid_ChecksShapeAndCheckDigit(string number, bool expected) => Assert.Equal(expected, TrackingNumbers.IsValid(number));

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public bool Create_AnyKey_IsValid_AndASingleDigitChangeIsCaught(FsCheck.NonEmptyString key, byte position)
    {
        var number = TrackingNumbers.Create("RT", key.Get.Trim().Length == 0 ? "k" : key.Get);
        var index = 2 + (position % 15);
        var altered = number[..index] + (char)('0' + ((number[index] - '0' + 1) % 10)) + number[(index + 1)..];
        return TrackingNumbers.IsValid(number) && !TrackingNumbers.IsValid(altered);
    }

    [Fact]
    public async Task AddTableRateCarrier_RegistersItWithTheRateShopper()
    {
        var services = new ServiceCollection();
        services.AddReturns().AddTableRateCarrier(await TableRateFixtures.PostNlAsync(), await TableRateFixtures.PostNlZonesAsync(), o => o.CarrierId = "postnl-offline");
        using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<CarrierRateShopper>().QuoteAllAsync(new RateRequest(new Parcel(Weight.FromKilograms(2m)), Customer, Warehouse), TableRateFixtures.Cancel);

        Assert.NotEmpty(result.Quotes);
        Assert.All(result.Quotes, q => Assert.Equal("postnl-offline", q.CarrierId));
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddReturns().AddTableRateCarrier(RateCard.Empty, ZoneMap.Create([]), null));
    }

    private static ShipmentRequest Shipment(CarrierAdapter carrier, string key, Weight? weight = null) =>
        new(key, "RMA-1", "postnl:DomesticPakket", ReturnMethod.PostOffice, new Parcel(weight ?? Weight.FromKilograms(1.5m)), Customer, Warehouse);
}
