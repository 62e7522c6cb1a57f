using Returns.Sdk.Carriers;

namespace Returns.Sdk.Tests.Carriers;

// Small adapters whose behaviour each test controls: a fixed price, a delay that ignores cancellation, a failure.
internal sealed class ScriptedCarrier : CarrierAdapter
{
    private readonly Func<RateRequest, CancellationToken, Task<IReadOnlyList<RateQuote>>> _quote;
    private int _calls;

    public ScriptedCarrier(string carrierId, Func<RateRequest, CancellationToken, Task<IReadOnlyList<RateQuote>>> quote, CarrierService? service = null, CarrierFeatures features = CarrierFeatures.LiveRates)
    {
        CarrierId = carrierId;
        _quote = quote;
        Capabilities = new CarrierCapabilities([service ?? Standard()], features);
    }

    public override string CarrierId { get; }

    public override CarrierCapabilities Capabilities { get; }

    public int Calls => Volatile.Read(ref _calls);

    public static CarrierService Standard(string code = "std") =>
        new(code, "Standard", [ReturnMethod.PostOffice, ReturnMethod.ParcelLocker], LabelModes.Printed | LabelModes.PrinterlessQr);

    public static ScriptedCarrier Priced(string carrierId, decimal price, CarrierService? service = null) =>
        new(carrierId, (_, _) => Task.FromResult<IReadOnlyList<RateQuote>>([new RateQuote(carrierId, (service ?? Standard()).Code, ReturnMethod.PostOffice, Money.Of(price, "EUR"))]), service);

    public override Task<IReadOnlyList<RateQuote>> QuoteAsync(RateRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return _quote(request, cancellationToken);
    }

    public override Task<ReturnShipment> CreateShipmentAsync(ShipmentRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new ReturnShipment(CarrierId, request.ServiceCode, "TRACK-1"));
}

internal static class Requests
{
    public static Address Nl { get; } = new(CountryCode.Parse("NL"), "1012AB");

    public static Address Warehouse { get; } = new(CountryCode.Parse("NL"), "5928LZ");

    public static RateRequest Parcel(decimal kilograms = 1m, Dimensions? dimensions = null, Address? from = null) =>
        new(new Parcel(Weight.FromKilograms(kilograms), dimensions), from ?? Nl, Warehouse);
}
