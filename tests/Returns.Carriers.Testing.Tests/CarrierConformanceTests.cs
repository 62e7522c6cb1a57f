using System.Text;
using Microsoft.Extensions.Time.Testing;
using Returns.Sdk;
using Returns.Sdk.Carriers;

namespace Returns.Carriers.Testing.Tests;

public sealed class CarrierConformanceTests
{
    private static readonly ConformanceScenario Scenario = new(
        new Parcel(Weight.FromKilograms(1.2m), new Dimensions(30m, 20m, 10m)),
        new Address(CountryCode.Parse("NL"), "1012 AB"),
        new Address(CountryCode.Parse("NL"), "5928 LZ"))
    {
        DropOffSearchCentre = new GeoPoint(52.3731, 4.8922),
        CallTimeout = TimeSpan.FromSeconds(3),
    };

    private static FakeCarrier Fake()
    {
        var fake = new FakeCarrier("fake", Money.Of(4.95m, "EUR"));
        fake.DropOffPoints.Add(new DropOffPoint("far", "Far", DropOffKind.PostOffice, "fake", new GeoPoint(52.40, 4.90)));
        fake.DropOffPoints.Add(new DropOffPoint("near", "Near", DropOffKind.ParcelLocker, "fake", new GeoPoint(52.374, 4.893)));
        fake.DropOffPoints.Add(new DropOffPoint("other-city", "Utrecht", DropOffKind.PostOffice, "fake", new GeoPoint(52.09, 5.12)));
        return fake;
    }

    [Fact]
    public async Task AssertConformsAsync_FakeCarrier_Passes()
    {
        var report = await CarrierConformance.AssertConformsAsync(Fake(), Scenario with
        {
            FaultProbes =
            [
                new FaultProbe("carrier down", (_, _) => Task.FromException(new CarrierUnavailableException("fake", "503")), ExpectTransient: true),
            ],
        }, TestContext.Current.CancellationToken);

        Assert.True(report.Passed, report.ToString());
        Assert.Contains(report.Checks, c => c.Name.StartsWith("lists drop-off points", StringComparison.Ordinal));
        Assert.Contains(report.Checks, c => c.Name.StartsWith("undeclared PickupScheduling", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_BrokenAdapter_FailsWithReadableReasons()
    {
        var report = await CarrierConformance.RunAsync(new BrokenCarrier(), Scenario, TestContext.Current.CancellationToken);

        Assert.False(report.Passed);
        var failures = report.Failures.ToDictionary(c => c.Name, c => c.Detail);
        Assert.Contains("costs -1.00 EUR", failures["quotes are positive money from declared services"], StringComparison.Ordinal);
        Assert.Contains("completed normally", failures["quoting honours a cancelled token"], StringComparison.Ordinal);
        Assert.Contains("claims to be Pdf", failures["creates a shipment with a tracking number and a readable label"], StringComparison.Ordinal);
        Assert.Contains("declare it in Capabilities.Features", failures["undeclared Tracking answers CarrierOperationNotSupportedException"], StringComparison.Ordinal);
        var exception = await Assert.ThrowsAsync<CarrierConformanceException>(() => CarrierConformance.AssertConformsAsync(new BrokenCarrier(), Scenario, TestContext.Current.CancellationToken));
        Assert.Contains("FAIL quotes are positive money from declared services: quote std/PostOffice costs -1.00 EUR", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AdapterBlockingOnAsyncWork_FailsTheBlockingCheck()
    {
        var report = await CarrierConformance.RunAsync(new BlockingCarrier(), Scenario with { CallTimeout = TimeSpan.FromSeconds(1) }, TestContext.Current.CancellationToken);

        var check = Assert.Single(report.Checks, c => c.Name == "quoting completes on a single-threaded synchronization context");
        Assert.False(check.Passed);
        Assert.Contains("blocks on asynchronous work", check.Detail, StringComparison.Ordinal);
        Assert.True(report.Checks.Single(c => c.Name == "quotes are positive money from declared services").Passed);
    }

    [Fact]
    public async Task RunAsync_NewLabelOnEveryRetry_FailsIdempotency()
    {
        var report = await CarrierConformance.RunAsync(new ForgetfulCarrier(), Scenario, TestContext.Current.CancellationToken);

        var check = report.Checks.Single(c => c.Name == "the same idempotency key never creates a second shipment");
        Assert.False(check.Passed);
        Assert.Contains("a second label was bought", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_LabelBarcodeNotTheTrackingNumber_Fails()
    {
        var scenario = Scenario with { LabelBarcodeReader = label => Encoding.ASCII.GetString(label.Content.Span).Split("^FD")[1].Split("^FS")[0] + "X" };

        var report = await CarrierConformance.RunAsync(Fake(), scenario, TestContext.Current.CancellationToken);

        var check = report.Checks.Single(c => c.Name == "creates a shipment with a tracking number and a readable label");
        Assert.False(check.Passed);
        Assert.Contains("barcode reads 'FAKE00000001X'", check.Detail, StringComparison.Ordinal);
        var passing = await CarrierConformance.RunAsync(Fake(), scenario with { LabelBarcodeReader = label => Encoding.ASCII.GetString(label.Content.Span).Split("^FD")[1].Split("^FS")[0] }, TestContext.Current.CancellationToken);
        Assert.True(passing.Passed, passing.ToString());
    }

    [Fact]
    public async Task RunAsync_FaultTypedWrongly_Fails()
    {
        var report = await CarrierConformance.RunAsync(Fake(), Scenario with
        {
            FaultProbes =
            [
                new FaultProbe("503 typed permanent", (_, _) => Task.FromException(new CarrierUnauthorizedException("fake", "503")), ExpectTransient: true),
                new FaultProbe("raw HTTP error", (_, _) => Task.FromException(new HttpRequestException("connection refused")), ExpectTransient: true),
                new FaultProbe("no failure at all", (_, _) => Task.CompletedTask, ExpectTransient: false),
            ],
        }, TestContext.Current.CancellationToken);

        var details = report.Failures.Select(f => f.Detail).ToArray();
        Assert.Equal(3, details.Length);
        Assert.Contains("IsTransient=False; expected IsTransient=True", details[0], StringComparison.Ordinal);
        Assert.Contains("must be CarrierExceptions", details[1], StringComparison.Ordinal);
        Assert.Contains("completed without failing", details[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task FakeCarrier_ConfiguredDelayAndFailure_AreObservable()
    {
        var time = new FakeTimeProvider();
        var fake = new FakeCarrier("fake", Money.Of(3m, "EUR"), time) { Delay = TimeSpan.FromSeconds(5) };
        var request = new RateRequest(Scenario.Parcel, Scenario.From, Scenario.To);

        var pending = fake.QuoteAsync(request, TestContext.Current.CancellationToken);
        Assert.False(pending.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(3, (await pending).Count);

        fake.Delay = TimeSpan.Zero;
        fake.Failure = new CarrierRateLimitedException("fake", TimeSpan.FromSeconds(1), "429");
        await Assert.ThrowsAsync<CarrierRateLimitedException>(() => fake.QuoteAsync(request, TestContext.Current.CancellationToken));
        Assert.Equal(["QuoteAsync", "QuoteAsync"], fake.Calls);
    }

    private abstract class MinimalCarrier : CarrierAdapter
    {
        public override string CarrierId => "broken";

        public override CarrierCapabilities Capabilities { get; } = new(
            [new CarrierService("std", "Standard", [ReturnMethod.PostOffice], LabelModes.Printed)],
            CarrierFeatures.LiveRates);

        public override Task<IReadOnlyList<RateQuote>> QuoteAsync(RateRequest request, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<RateQuote>>([new RateQuote(CarrierId, "std", ReturnMethod.PostOffice, Money.Of(5m, "EUR"))]);

        public override Task<ReturnShipment> CreateShipmentAsync(ShipmentRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(new ReturnShipment(CarrierId, "std", "T-" + request.IdempotencyKey) { Label = new LabelDocument(LabelDocumentFormat.Pdf, "application/pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF")) });
    }

    // Negative prices, ignores cancellation, a "PDF" that is not one, and tracking it never declared.
    private sealed class BrokenCarrier : MinimalCarrier
    {
        public override Task<IReadOnlyList<RateQuote>> QuoteAsync(RateRequest request, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<RateQuote>>([new RateQuote(CarrierId, "std", ReturnMethod.PostOffice, Money.Of(-1m, "EUR"))]);

        public override Task<ReturnShipment> CreateShipmentAsync(ShipmentRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(new ReturnShipment(CarrierId, "std", "T1") { Label = new LabelDocument(LabelDocumentFormat.Pdf, "application/pdf", Encoding.ASCII.GetBytes("not a pdf")) });

        public override Task<TrackingResult> TrackAsync(string trackingNumber, CancellationToken cancellationToken) =>
            Task.FromResult(new TrackingResult(trackingNumber, TrackingStatus.InTransit, []));
    }

    // Sync over async: deadlocks wherever a synchronization context has one thread.
    private sealed class BlockingCarrier : MinimalCarrier
    {
        public override Task<IReadOnlyList<RateQuote>> QuoteAsync(RateRequest request, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
#pragma warning disable VSTHRD002, CA2007 // The point of this adapter is to block.
            var quotes = FetchAsync().GetAwaiter().GetResult();
#pragma warning restore VSTHRD002, CA2007
            return Task.FromResult(quotes);
        }

        private async Task<IReadOnlyList<RateQuote>> FetchAsync()
        {
#pragma warning disable CA2007 // Resuming on the captured context is what makes this adapter deadlock.
            await Task.Delay(10);
#pragma warning restore CA2007
            return await base.QuoteAsync(null!, CancellationToken.None);
        }
    }

    // Buys a new label on every call, whatever the idempotency key.
    private sealed class ForgetfulCarrier : MinimalCarrier
    {
        private int _count;

        public override Task<ReturnShipment> CreateShipmentAsync(ShipmentRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(new ReturnShipment(CarrierId, "std", $"T{Interlocked.Increment(ref _count)}") { Label = new LabelDocument(LabelDocumentFormat.Zpl, "application/x-zpl", Encoding.ASCII.GetBytes("^XA^XZ")) });
    }
}
