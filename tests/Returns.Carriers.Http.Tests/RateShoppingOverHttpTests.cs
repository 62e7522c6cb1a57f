using Microsoft.Extensions.DependencyInjection;
using Returns.Sdk;
using Returns.Sdk.Carriers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Returns.Carriers.Http.Tests;

public sealed class RateShoppingOverHttpTests : IDisposable
{
    // One fake server per carrier, as in production: the slow one's held connection cannot touch the fast one.
    private readonly Dictionary<string, WireMockServer> _servers = new()
    {
        ["fast"] = WireMockServer.Start(),
        ["slow"] = WireMockServer.Start(),
    };

    private static readonly RateRequest QuoteRequest =
        new(new Parcel(Weight.FromKilograms(1m)), new Address(CountryCode.Parse("NL"), "1012 AB"), new Address(CountryCode.Parse("NL"), "5928 LZ"));

    public void Dispose()
    {
        foreach (var server in _servers.Values)
        {
            server.Stop();
        }
    }

    [Fact]
    public async Task QuoteAllAsync_OneCarrierNeverAnswersInTime_OthersQuotesArriveAndItIsTimedOut()
    {
        _servers["fast"].Given(Request.Create().WithPath("/rates")).RespondWith(Response.Create().WithStatusCode(200).WithBody("4.95"));
        _servers["slow"].Given(Request.Create().WithPath("/rates")).RespondWith(Response.Create().WithStatusCode(200).WithBody("3.95").WithDelay(TimeSpan.FromSeconds(6)));
        var services = new ServiceCollection();
        var returns = services.AddReturns(o => o.QuoteDeadline = TimeSpan.FromSeconds(2));
        foreach (var id in new[] { "fast", "slow" })
        {
            returns.AddCarrierHttpClient(id, o =>
            {
                o.BaseAddress = new Uri(_servers[id].Url + "/");
                o.AttemptTimeout = TimeSpan.FromSeconds(10);
                o.TotalTimeout = TimeSpan.FromSeconds(10);
            });
            returns.AddCarrier(sp => new HttpQuoteCarrier(id, sp.GetRequiredService<IHttpClientFactory>()));
        }

        using var provider = services.BuildServiceProvider();
        var shopper = provider.GetRequiredService<CarrierRateShopper>();

        // Warm the fast carrier's client and pipeline up, so the deadline measures the carriers, not the JIT.
        await shopper.Carriers.Single(c => c.CarrierId == "fast").QuoteAsync(QuoteRequest, TestContext.Current.CancellationToken);

        var result = await shopper.QuoteAllAsync(QuoteRequest, TestContext.Current.CancellationToken);

        var quote = result.Quotes.Count == 1 ? result.Quotes[0] : throw Fail(result);
        Assert.Equal("fast", quote.CarrierId);
        Assert.Equal(Money.Of(4.95m, "EUR"), quote.Price);
        var omission = Assert.Single(result.Omissions);
        Assert.Equal("slow", omission.CarrierId);
        Assert.Equal(CarrierOmissionReason.TimedOut, omission.Reason);
    }

    private static Xunit.Sdk.XunitException Fail(RateShoppingResult result) =>
        new(string.Join("; ", result.Omissions.Select(o => $"{o.CarrierId} {o.Reason} {o.Message}")));

    // The smallest HTTP adapter: GET rates, the body is the price in EUR.
    private sealed class HttpQuoteCarrier(string id, IHttpClientFactory factory) : CarrierAdapter
    {
        public override string CarrierId => id;

        public override CarrierCapabilities Capabilities { get; } = new(
            [new CarrierService("std", "Standard", [ReturnMethod.PostOffice], LabelModes.Printed)], CarrierFeatures.LiveRates);

        public override async Task<IReadOnlyList<RateQuote>> QuoteAsync(RateRequest request, CancellationToken cancellationToken)
        {
            try
            {
                using var response = await factory.CreateCarrierClient(id).GetAsync(new Uri("rates", UriKind.Relative), cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    throw CarrierHttpErrors.FromResponse(id, response);
                }

                var price = decimal.Parse(await response.Content.ReadAsStringAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
                return [new RateQuote(id, "std", ReturnMethod.PostOffice, Money.Of(price, "EUR"))];
            }
            catch (Exception exception) when (CarrierHttpErrors.TryMap(id, exception, cancellationToken, out var mapped))
            {
                throw mapped;
            }
        }

        public override Task<ReturnShipment> CreateShipmentAsync(ShipmentRequest request, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
