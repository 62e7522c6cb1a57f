using Microsoft.Extensions.Time.Testing;
using Returns.Sdk.Grading;
using static Returns.Sdk.Tests.Grading.GradingFixtures;

namespace Returns.Sdk.Tests.Grading;

public sealed class AbuseSignalDetectorTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 10, 28, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromDays(180);

    private static AbuseSignalDetector Detector(Action<AbuseSignalOptions>? configure = null, TimeProvider? clock = null)
    {
        var options = new AbuseSignalOptions();
        configure?.Invoke(options);
        return new AbuseSignalDetector(options, clock ?? new FakeTimeProvider(AsOf));
    }

    private static PastOrder Order(int daysAgo, decimal? value = null) =>
        new($"O-{daysAgo}", AsOf.AddDays(-daysAgo)) { Value = value is { } v ? Money.Of(v, "EUR") : null };

    private static IEnumerable<PastOrder> Orders(int count) => Enumerable.Range(1, count).Select(i => Order(i * 10));

    private static PastReturnLine Returned(string id, DateTimeOffset at, string category = "toys", ReturnReason? reason = null, DiscrepancySeverity? discrepancy = null) =>
        new(id, at, category, reason ?? ReturnReason.ChangedMind) { Discrepancy = discrepancy };

    private static PastReturnLine Worn(string id, double daysAfterDelivery, string category = "apparel", UsageLevel use = UsageLevel.Heavy, bool tags = false) =>
        new(id, AsOf.AddDays(-20), category, ReturnReason.TooSmall)
        {
            DeliveredAt = AsOf.AddDays(-20 - daysAfterDelivery),
            InspectedSignsOfUse = use,
            InspectedTagsAttached = tags,
            Discrepancy = DiscrepancySeverity.None,
        };

    private static CustomerReturnHistory History(IEnumerable<PastOrder> orders, params PastReturnLine[] lines) => new(orders, lines);

    [Fact]
    public void Detect_OrdinaryCustomer_NoSignal()
    {
        var history = History(
            Orders(10),
            Returned("R1", AsOf.AddDays(-30), "apparel", ReturnReason.TooSmall, DiscrepancySeverity.None),
            Returned("R2", AsOf.AddDays(-60), "electronics", ReturnReason.Defective, DiscrepancySeverity.Minor),
            Worn("R3", 3, tags: true));

        Assert.Empty(Detector().Detect(history, AsOf));
    }

    [Fact]
    public void Detect_EmptyHistory_NoSignal() => Assert.Empty(Detector().Detect(History([]), AsOf));

    [Fact]
    public void Detect_DiscrepanciesAtTheThreshold_RaisesRepeatedDiscrepancies()
    {
        var history = History(
            Orders(10),
            Returned("R1", AsOf.AddDays(-40), discrepancy: DiscrepancySeverity.Major),
            Returned("R2", AsOf.AddDays(-10), discrepancy: DiscrepancySeverity.Severe));

        var signal = Assert.Single(Detector().Detect(history, AsOf));

        Assert.Equal((AbuseSignalKind.RepeatedDiscrepancies, 2, 2m, 2m), (signal.Kind, signal.EvidenceCount, signal.Observed, signal.Threshold));
        Assert.Equal(["R1", "R2"], signal.ReturnIds);
        Assert.Equal((AsOf - Window, AsOf), (signal.WindowStart, signal.WindowEnd));
        Assert.Equal(
            "2 returned items between 2026-05-01 and 2026-10-28 were inspected with a major or worse discrepancy from what was declared (threshold 2). This is a signal to review, not an accusation; it blocks nothing by itself.",
            signal.Message);
    }

    [Theory]
    [InlineData(DiscrepancySeverity.Major, DiscrepancySeverity.Minor)]
    [InlineData(DiscrepancySeverity.Major, DiscrepancySeverity.None)]
    public void Detect_OneDiscrepancyBelowTheSeverity_NoSignal(DiscrepancySeverity counted, DiscrepancySeverity other)
    {
        var history = History(Orders(10), Returned("R1", AsOf.AddDays(-40), discrepancy: counted), Returned("R2", AsOf.AddDays(-10), discrepancy: other));

        Assert.Empty(Detector().Detect(history, AsOf));
    }

    [Fact]
    public void Detect_LowerSeverityThreshold_CountsMinorDiscrepancies()
    {
        var history = History(Orders(10), Returned("R1", AsOf.AddDays(-40), discrepancy: DiscrepancySeverity.Minor), Returned("R2", AsOf.AddDays(-10), discrepancy: DiscrepancySeverity.Minor));

        Assert.Equal(AbuseSignalKind.RepeatedDiscrepancies, Assert.Single(Detector(o => o.DiscrepancyMinSeverity = DiscrepancySeverity.Minor).Detect(history, AsOf)).Kind);
    }

    [Fact]
    public void Detect_DiscrepanciesOnRetailerFaultReturns_NotCounted()
    {
        var history = History(
            Orders(10),
            Returned("R1", AsOf.AddDays(-40), reason: ReturnReason.Defective, discrepancy: DiscrepancySeverity.Severe),
            Returned("R2", AsOf.AddDays(-10), reason: ReturnReason.NotAsDescribed, discrepancy: DiscrepancySeverity.Major));

        Assert.Empty(Detector().Detect(history, AsOf));
    }

    [Fact]
    public void Detect_WindowBoundaries_StartAndEndIncluded()
    {
        var start = AsOf - Window;
        PastReturnLine Major(string id, DateTimeOffset at) => Returned(id, at, discrepancy: DiscrepancySeverity.Major);

        var atBothEdges = History(Orders(10), Major("R1", start), Major("R2", AsOf));
        var justOutside = History(Orders(10), Major("R1", start.AddTicks(-1)), Major("R2", AsOf), Major("R3", AsOf.AddTicks(1)));

        Assert.Equal(["R1", "R2"], Assert.Single(Detector().Detect(atBothEdges, AsOf)).ReturnIds);
        Assert.Empty(Detector().Detect(justOutside, AsOf));
    }

    [Fact]
    public void Detect_WithoutAnInstant_UsesTheClock()
    {
        var clock = new FakeTimeProvider(AsOf);
        var detector = Detector(clock: clock);
        var history = History(Orders(10), Returned("R1", AsOf.AddDays(-170), discrepancy: DiscrepancySeverity.Major), Returned("R2", AsOf.AddDays(-1), discrepancy: DiscrepancySeverity.Major));

        Assert.Single(detector.Detect(history));
        clock.Advance(TimeSpan.FromDays(11));
        Assert.Empty(detector.Detect(history));
    }

    [Fact]
    public void Detect_ReturnsPerOrderAtTheRatio_RaisesSerialReturning()
    {
        var orders = Enumerable.Range(1, 5).Select(i => Order(i * 10, 100m));
        var history = History(
            orders,
            Returned("R1", AsOf.AddDays(-15)) with { Value = Money.Of(50m, "EUR") },
            Returned("R2", AsOf.AddDays(-25)) with { Value = Money.Of(60m, "EUR") },
            Returned("R3", AsOf.AddDays(-35)) with { Value = Money.Of(40m, "EUR") },
            Returned("R3", AsOf.AddDays(-35), "apparel") with { Value = Money.Of(30m, "EUR") },
            Returned("R4", AsOf.AddDays(-45), reason: ReturnReason.Defective) with { Value = Money.Of(20m, "EUR") });

        var signal = Assert.Single(Detector().Detect(history, AsOf));

        Assert.Equal((AbuseSignalKind.SerialReturning, 3, 0.6m, 0.6m), (signal.Kind, signal.EvidenceCount, signal.Observed, signal.Threshold));
        Assert.Equal(["R3", "R2", "R1"], signal.ReturnIds);
        Assert.Equal(0.4m, signal.ValueShare);
        Assert.Equal(
            "3 returns against 5 orders between 2026-05-01 and 2026-10-28: 0.6 returns per order, 40 % of the ordered value (threshold 0.6). This is a signal to review, not an accusation; it blocks nothing by itself.",
            signal.Message);
    }

    [Fact]
    public void Detect_ReturnsPerOrderJustBelowTheRatio_NoSignal()
    {
        var history = History(Orders(7), Returned("R1", AsOf.AddDays(-5)), Returned("R2", AsOf.AddDays(-6)), Returned("R3", AsOf.AddDays(-7)), Returned("R4", AsOf.AddDays(-8)));

        Assert.Empty(Detector().Detect(history, AsOf));
    }

    [Fact]
    public void Detect_TooFewOrdersForARatio_NoSignal()
    {
        var history = History(Orders(4), Returned("R1", AsOf.AddDays(-5)), Returned("R2", AsOf.AddDays(-6)), Returned("R3", AsOf.AddDays(-7)), Returned("R4", AsOf.AddDays(-8)));

        Assert.Empty(Detector().Detect(history, AsOf));
        Assert.Single(Detector(o => o.SerialReturningMinOrders = 4).Detect(history, AsOf));
    }

    [Fact]
    public void Detect_OrdersOutsideTheWindow_NotCounted()
    {
        var orders = Orders(4).Append(Order(181)).Append(Order(200));
        var history = History(orders, Returned("R1", AsOf.AddDays(-5)), Returned("R2", AsOf.AddDays(-6)), Returned("R3", AsOf.AddDays(-7)));

        Assert.Empty(Detector().Detect(history, AsOf));
    }

    [Fact]
    public void Detect_SerialReturningWithMixedCurrencies_NoValueShare()
    {
        var orders = Enumerable.Range(1, 5).Select(i => Order(i * 10, 100m)).Append(new PastOrder("O-GBP", AsOf.AddDays(-1)) { Value = Money.Of(80m, "GBP") });
        var lines = Enumerable.Range(1, 4).Select(i => Returned($"R{i}", AsOf.AddDays(-i)) with { Value = Money.Of(10m, "EUR") }).ToArray();

        var signal = Assert.Single(Detector().Detect(History(orders, lines), AsOf));

        Assert.Null(signal.ValueShare);
        Assert.DoesNotContain("ordered value", signal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_WornApparelWithTagsRemovedSoonAfterDelivery_RaisesWardrobing()
    {
        var history = History(Orders(10), Worn("R1", 3), Worn("R2", 14, use: UsageLevel.Light));

        var signal = Assert.Single(Detector().Detect(history, AsOf));

        Assert.Equal((AbuseSignalKind.Wardrobing, 2, 2m), (signal.Kind, signal.EvidenceCount, signal.Threshold));
        Assert.Equal(["R1", "R2"], signal.ReturnIds);
        Assert.StartsWith("2 items of apparel between 2026-05-01 and 2026-10-28 came back with signs of wear and tags removed within 14 days of delivery (threshold 2).", signal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(14.01, "apparel", UsageLevel.Heavy, false)]
    [InlineData(3, "apparel", UsageLevel.None, false)]
    [InlineData(3, "apparel", UsageLevel.Heavy, true)]
    [InlineData(3, "shoes", UsageLevel.Heavy, false)]
    public void Detect_SecondReturnIsNotWardrobing_NoSignal(double daysAfterDelivery, string category, UsageLevel use, bool tags)
    {
        var history = History(Orders(10), Worn("R1", 3), Worn("R2", daysAfterDelivery, category, use, tags));

        Assert.Empty(Detector().Detect(history, AsOf));
    }

    [Fact]
    public void Detect_WardrobingWithoutDeliveryDate_NotCounted()
    {
        var history = History(Orders(10), Worn("R1", 3), Worn("R2", 3) with { DeliveredAt = null });

        Assert.Empty(Detector().Detect(history, AsOf));
    }

    [Fact]
    public void Detect_WardrobingCategoriesFromOptions_CaseInsensitive()
    {
        var history = History(Orders(10), Worn("R1", 3, "Shoes"), Worn("R2", 3, "shoes"));

        var signal = Assert.Single(Detector(o => { o.WardrobingCategories.Clear(); o.WardrobingCategories.Add("SHOES"); }).Detect(history, AsOf));

        Assert.Equal(AbuseSignalKind.Wardrobing, signal.Kind);
    }

    [Fact]
    public void Detect_EveryPatternAtOnce_SignalsInKindOrder()
    {
        var history = History(
            Orders(5),
            Worn("R1", 2) with { Discrepancy = DiscrepancySeverity.Major },
            Worn("R2", 2) with { Discrepancy = DiscrepancySeverity.Major },
            Worn("R3", 2));

        var kinds = Detector().Detect(history, AsOf).Select(s => s.Kind);

        Assert.Equal([AbuseSignalKind.RepeatedDiscrepancies, AbuseSignalKind.SerialReturning, AbuseSignalKind.Wardrobing], kinds);
    }

    [Fact]
    public void Detect_HistoryFromInspections_CountsTheirDiscrepancies()
    {
        var grader = ShippedGrader;
        var lines = new List<PastReturnLine>();
        for (var i = 0; i < 2; i++)
        {
            var line = Line("electronics", Declared(PackagingState.Sealed));
            var inspection = new InspectionRecord(Declared(PackagingState.Opened, UsageLevel.Heavy), InspectionSite.Warehouse, "wh-1");
            lines.Add(PastReturnLine.FromInspection($"R{i}", AsOf.AddDays(-i - 1), line, inspection, grader.Inspect(line, inspection)));
        }

        var signal = Assert.Single(Detector().Detect(History(Orders(10), [.. lines]), AsOf));

        Assert.Equal((ConditionGrade.A, ConditionGrade.C, DiscrepancySeverity.Major), (lines[0].DeclaredGrade, lines[0].InspectedGrade, lines[0].Discrepancy));
        Assert.Equal((UsageLevel.Heavy, (bool?)null), (lines[0].InspectedSignsOfUse, lines[0].InspectedTagsAttached));
        Assert.Equal(AbuseSignalKind.RepeatedDiscrepancies, signal.Kind);
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryMistakeByName()
    {
        var error = Assert.Throws<ReturnsValidationException>(() => Detector(o =>
        {
            o.Window = TimeSpan.Zero;
            o.DiscrepancyMinSeverity = DiscrepancySeverity.None;
            o.RepeatedDiscrepancyCount = 0;
            o.SerialReturnRatio = 0m;
            o.SerialReturningMinOrders = -1;
            o.WardrobingCategories.Add(" ");
            o.WardrobingCategories.Add("APPAREL");
            o.WardrobingReturnedWithin = TimeSpan.FromDays(-1);
            o.WardrobingCount = 1001;
        }));

        Assert.Equal(
            ["Window", "DiscrepancyMinSeverity", "RepeatedDiscrepancyCount", "SerialReturnRatio", "SerialReturningMinOrders", "WardrobingCategories[1]", "WardrobingCategories[2]", "WardrobingReturnedWithin", "WardrobingCount"],
            error.Errors.Select(e => e.Path));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1096, 14)]
    public void Constructor_OptionsAtTheirLimits_Accepted(int windowDays, int withinDays) =>
        Assert.NotNull(Detector(o => { o.Window = TimeSpan.FromDays(windowDays); o.WardrobingReturnedWithin = TimeSpan.FromDays(withinDays); o.SerialReturnRatio = 10m; o.WardrobingCount = 1000; }));

    [Fact]
    public void Constructor_WardrobingSpanLongerThanTheWindow_Rejected() =>
        Assert.Equal(
            "WardrobingReturnedWithin",
            Assert.Single(Assert.Throws<ReturnsValidationException>(() => Detector(o => o.Window = TimeSpan.FromDays(7))).Errors).Path);

    [Fact]
    public void Constructor_OptionsChangedLater_NoEffect()
    {
        var options = new AbuseSignalOptions();
        var detector = new AbuseSignalDetector(options, TimeProvider.System);
        options.RepeatedDiscrepancyCount = 1;

        var history = History(Orders(10), Returned("R1", AsOf.AddDays(-1), discrepancy: DiscrepancySeverity.Major));

        Assert.Empty(detector.Detect(history, AsOf));
    }

    [Fact]
    public void History_NullEntries_Rejected()
    {
        Assert.Throws<ArgumentException>(() => new CustomerReturnHistory([null!], []));
        Assert.Throws<ArgumentException>(() => new CustomerReturnHistory([], [null!]));
    }
}
