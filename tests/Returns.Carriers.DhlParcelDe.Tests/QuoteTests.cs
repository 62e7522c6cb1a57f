using Returns.Sdk;
using Returns.Sdk.Carriers;

namespace Returns.Carriers.DhlParcelDe.Tests;

public sealed class QuoteTests : IDisposable
{
    private readonly DhlTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private Task<IReadOnlyList<RateQuote>> QuoteAsync(RateRequest request) => _host.Adapter.QuoteAsync(request, TestContext.Current.CancellationToken);

    [Fact]
    public async Task QuoteAsync_Domestic_QuotesEveryMethodFromTheRateCardWithoutCallingDhl()
    {
        var quotes = await QuoteAsync(new RateRequest(DhlTestHost.Parcel, DhlTestHost.Customer, DhlTestHost.Warehouse));

        Assert.Equal([ReturnMethod.PostOffice, ReturnMethod.PickupPoint, ReturnMethod.ParcelLocker], quotes.Select(q => q.ReturnMethod));
        Assert.All(quotes, q =>
        {
            Assert.Equal(Money.Of(4.99m, "EUR"), q.Price);
            Assert.Equal(DhlParcelDeCarrier.Id, q.CarrierId);
            Assert.Equal(DhlParcelDeCarrier.ReturnServiceCode, q.ServiceCode);
            Assert.Equal(2, q.TransitDays);
            Assert.Equal(LabelModes.Printed | LabelModes.PrinterlessQr, q.LabelModes);
        });
        Assert.Empty(_host.Server.LogEntries);
    }

    [Fact]
    public async Task QuoteAsync_FromAustria_UsesTheEuZone()
    {
        var austria = new Address(CountryCode.Parse("AT"), "1010");

        var quotes = await QuoteAsync(new RateRequest(DhlTestHost.Parcel, austria, DhlTestHost.Warehouse) { ReturnMethod = ReturnMethod.ParcelLocker });

        var quote = Assert.Single(quotes);
        Assert.Equal(Money.Of(12.49m, "EUR"), quote.Price);
        Assert.Equal(ReturnMethod.ParcelLocker, quote.ReturnMethod);
    }

    [Fact]
    public async Task QuoteAsync_HeavierBand_PricesTheNextBand()
    {
        var quotes = await QuoteAsync(new RateRequest(new Parcel(Weight.FromKilograms(12m)), DhlTestHost.Customer, DhlTestHost.Warehouse));

        Assert.All(quotes, q => Assert.Equal(Money.Of(6.99m, "EUR"), q.Price));
    }

    [Fact]
    public async Task QuoteAsync_FromSwitzerlandWithAReceiverId_IsServedNowThatCustomsIsDeclared()
    {
        var switzerland = new Address(CountryCode.Parse("CH"), "3011");

        var quotes = await QuoteAsync(new RateRequest(DhlTestHost.Parcel, switzerland, DhlTestHost.Warehouse) { ReturnMethod = ReturnMethod.PostOffice });

        Assert.Equal(Money.Of(12.49m, "EUR"), Assert.Single(quotes).Price);
    }

    [Theory]
    [InlineData("NO", 1.2, null)]
    [InlineData("FR", 1.2, null)]
    [InlineData("DE", 40.0, null)]
    [InlineData("DE", 1.2, "express")]
    public async Task QuoteAsync_NotServed_IsEmpty(string country, double kilograms, string? serviceCode)
    {
        var from = new Address(CountryCode.Parse(country), "3011");

        var quotes = await QuoteAsync(new RateRequest(new Parcel(Weight.FromKilograms((decimal)kilograms)), from, DhlTestHost.Warehouse) { ServiceCode = serviceCode });

        Assert.Empty(quotes);
    }

    [Fact]
    public async Task QuoteAsync_CancelledToken_IsCancelled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _host.Adapter.QuoteAsync(new RateRequest(DhlTestHost.Parcel, DhlTestHost.Customer, DhlTestHost.Warehouse), cancelled.Token));
    }
}
