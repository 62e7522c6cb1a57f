using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Returns.Sdk.Carriers;

namespace Returns.Sdk.Tests.Carriers;

public sealed class CarrierRateShopperTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);

    private static CarrierRateShopper Shopper(TimeProvider time, params CarrierAdapter[] carriers) =>
        new(carriers, new StaticOptions(new CarrierOptions { QuoteDeadline = Deadline }), time);

    [Fact]
    public async Task QuoteAllAsync_AllAnswer_CheapestFirstAndNothingOmitted()
    {
        var shopper = Shopper(new FakeTimeProvider(), ScriptedCarrier.Priced("b", 4.95m), ScriptedCarrier.Priced("a", 4.95m), ScriptedCarrier.Priced("c", 3.10m));

        var result = await shopper.QuoteAllAsync(Requests.Parcel(), TestContext.Current.CancellationToken);

        Assert.Equal(["c", "a", "b"], result.Quotes.Select(q => q.CarrierId));
        Assert.Empty(result.Omissions);
    }

    [Fact]
    public async Task QuoteAllAsync_RateCardCarriers_AskedOnTheCallingThreadAndAnsweredAtOnce()
    {
        var threads = new List<int>();
        ScriptedCarrier RateCard(string id, decimal price) => new(id, (_, _) =>
        {
            threads.Add(Environment.CurrentManagedThreadId);
            return Task.FromResult<IReadOnlyList<RateQuote>>([new RateQuote(id, "std", ReturnMethod.PostOffice, Money.Of(price, "EUR"))]);
        }, features: CarrierFeatures.None);
        var shopper = Shopper(new FakeTimeProvider(), RateCard("a", 5m), RateCard("b", 4m));

        var pending = shopper.QuoteAllAsync(Requests.Parcel(), TestContext.Current.CancellationToken);

        Assert.True(pending.IsCompletedSuccessfully);
        Assert.Equal([Environment.CurrentManagedThreadId, Environment.CurrentManagedThreadId], threads);
        Assert.Equal(["b", "a"], (await pending).Quotes.Select(q => q.CarrierId));
    }

    [Fact]
    public async Task QuoteAllAsync_RateCardCarrierThrowingBeforeReturningATask_OmittedAsPermanentOthersAnswer()
    {
        var broken = new ScriptedCarrier("broken", (_, _) => throw new CarrierException("broken", "no rate card row for this zone", isTransient: false), features: CarrierFeatures.None);
        var shopper = Shopper(new FakeTimeProvider(), broken, ScriptedCarrier.Priced("ok", 5m));

        var result = await shopper.QuoteAllAsync(Requests.Parcel(), TestContext.Current.CancellationToken);

        Assert.Equal(["ok"], result.Quotes.Select(q => q.CarrierId));
        var omission = Assert.Single(result.Omissions);
        Assert.Equal((CarrierOmissionReason.PermanentFailure, "broken"), (omission.Reason, omission.CarrierId));
    }

    [Fact]
    public async Task QuoteAllAsync_SlowCarrierIgnoringCancellation_CutAtDeadlineWhileOthersArrive()
    {
        var time = new FakeTimeProvider();
        var never = new TaskCompletionSource<IReadOnlyList<RateQuote>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = new ScriptedCarrier("slow", (_, _) => never.Task);
        var fast = ScriptedCarrier.Priced("fast", 5m);
        var shopper = Shopper(time, fast, slow);

        var pending = shopper.QuoteAllAsync(Requests.Parcel(), TestContext.Current.CancellationToken);

        // The deadline runs on the fake clock: let the fast carrier answer (in real time) before the clock moves.
        Assert.True(SpinWait.SpinUntil(() => fast.Calls == 1 && slow.Calls == 1, TimeSpan.FromSeconds(10)));
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.False(pending.IsCompleted);
        time.Advance(Deadline);
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.Equal("fast", Assert.Single(result.Quotes).CarrierId);
        var omission = Assert.Single(result.Omissions);
        Assert.Equal(("slow", CarrierOmissionReason.TimedOut), (omission.CarrierId, omission.Reason));
        never.SetException(new CarrierUnavailableException("slow", "late failure"));
    }

    [Fact]
    public async Task QuoteAllAsync_CarrierHonouringCancellation_IsCancelledAtDeadline()
    {
        var time = new FakeTimeProvider();
        var observedCancellation = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var polite = new ScriptedCarrier("polite", async (_, token) =>
        {
            await using var registration = token.Register(() => observedCancellation.TrySetResult(true));
            await Task.Delay(Timeout.Infinite, token);
            return [];
        });
        var shopper = Shopper(time, polite);

        var pending = shopper.QuoteAllAsync(Requests.Parcel(), TestContext.Current.CancellationToken);
        await Task.Delay(50, TestContext.Current.CancellationToken);
        time.Advance(Deadline);
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.True(await observedCancellation.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
        Assert.Equal(CarrierOmissionReason.TimedOut, Assert.Single(result.Omissions).Reason);
    }

    [Fact]
    public async Task QuoteAllAsync_FailingCarriers_TypedAsTransientOrPermanent()
    {
        var shopper = Shopper(
            new FakeTimeProvider(),
            ScriptedCarrier.Priced("ok", 5m),
            new ScriptedCarrier("busy", (_, _) => Task.FromException<IReadOnlyList<RateQuote>>(new CarrierRateLimitedException("busy", TimeSpan.FromSeconds(30), "429 Too Many Requests"))),
            new ScriptedCarrier("locked", (_, _) => Task.FromException<IReadOnlyList<RateQuote>>(new CarrierUnauthorizedException("locked", "401 Unauthorized"))),
            new ScriptedCarrier("buggy", (_, _) => throw new InvalidOperationException("boom")));

        var result = await shopper.QuoteAllAsync(Requests.Parcel(), TestContext.Current.CancellationToken);

        Assert.Equal("ok", Assert.Single(result.Quotes).CarrierId);
        Assert.Equal(
            [("buggy", CarrierOmissionReason.PermanentFailure), ("busy", CarrierOmissionReason.TransientFailure), ("locked", CarrierOmissionReason.PermanentFailure)],
            result.Omissions.Select(o => (o.CarrierId, o.Reason)));
        Assert.Contains("boom", result.Omissions[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuoteAllAsync_CarrierThatCannotServe_NotCalled()
    {
        var beOnly = ScriptedCarrier.Standard() with { Area = ServiceArea.OfCountries(CountryCode.Parse("BE")) };
        var small = ScriptedCarrier.Standard() with { Limits = new ParcelLimits { MaxWeight = Weight.FromKilograms(2m) } };
        var belgian = ScriptedCarrier.Priced("belgian", 1m, beOnly);
        var letterbox = ScriptedCarrier.Priced("letterbox", 1m, small);
        var shopper = Shopper(new FakeTimeProvider(), belgian, letterbox, ScriptedCarrier.Priced("any", 9m));

        var result = await shopper.QuoteAllAsync(Requests.Parcel(kilograms: 3m), TestContext.Current.CancellationToken);

        Assert.Equal("any", Assert.Single(result.Quotes).CarrierId);
        Assert.Equal((0, 0), (belgian.Calls, letterbox.Calls));
        Assert.All(result.Omissions, o => Assert.Equal(CarrierOmissionReason.NotApplicable, o.Reason));
        Assert.Contains("NL", result.Omissions[0].Message, StringComparison.Ordinal);
        Assert.Contains("above the 2 kg limit", result.Omissions[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuoteAllAsync_MethodNoServiceAccepts_NotApplicable()
    {
        var shopper = Shopper(new FakeTimeProvider(), ScriptedCarrier.Priced("a", 1m));

        var result = await shopper.QuoteAllAsync(Requests.Parcel() with { ReturnMethod = ReturnMethod.HomePickup }, TestContext.Current.CancellationToken);

        Assert.Empty(result.Quotes);
        Assert.Equal(CarrierOmissionReason.NotApplicable, Assert.Single(result.Omissions).Reason);
    }

    [Fact]
    public async Task QuoteAllAsync_CallerCancels_Throws()
    {
        var never = new TaskCompletionSource<IReadOnlyList<RateQuote>>();
        var shopper = Shopper(new FakeTimeProvider(), new ScriptedCarrier("slow", (_, _) => never.Task));
        using var cancellation = new CancellationTokenSource();

        var pending = shopper.QuoteAllAsync(Requests.Parcel(), cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
    }

    [Fact]
    public void Constructor_DuplicateCarrierIds_Rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Shopper(new FakeTimeProvider(), ScriptedCarrier.Priced("x", 1m), ScriptedCarrier.Priced("x", 2m)));

        Assert.Contains("'x'", error.Message, StringComparison.Ordinal);
    }

    private sealed class StaticOptions(CarrierOptions value) : IOptionsMonitor<CarrierOptions>
    {
        public CarrierOptions CurrentValue { get; } = value;

        public CarrierOptions Get(string? name) => CurrentValue;

        public IDisposable? OnChange(Action<CarrierOptions, string?> listener) => null;
    }
}
