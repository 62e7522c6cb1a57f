using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Returns.Sdk.Carriers;
using Returns.Sdk.Forecast;
using Returns.Sdk.Grading;
using Returns.Sdk.Lifecycle;
using Returns.Sdk.ReturnOptions;

namespace Returns.Sdk.Tests.Forecast;

public sealed class ForecastTests
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static AdvanceShippingNotice Notice(string warehouse, DateOnly arrival, params (ConditionGrade Grade, Disposition Disposition, int Units)[] lines) =>
        new(RmaNumber.NewRandom(), warehouse, ReturnMethod.PostOffice, arrival, [.. lines.Select((l, i) => new NoticeLine($"SKU-{i}", l.Units, l.Grade, l.Disposition))]);

    // ── Arrival estimates ──────────────────────────────────────────────────────────────────────────

    [Theory]
    // Authorized Friday 30 Oct 2026 10:00 UTC in Amsterdam (11:00 local). Post office: hand over +2 days (Sunday 1 Nov),
    // transit starts Monday 2 Nov; 2 working days -> Wednesday 4 Nov.
    [InlineData("2026-10-30T10:00:00Z", "Europe/Amsterdam", ReturnMethod.PostOffice, 2, "2026-11-04")]
    // Saturday 31 Oct 23:30 UTC is Sunday 1 Nov 00:30 in Amsterdam (CET since 25 Oct): +2 = Tuesday 3 Nov; 1 working day -> Wednesday 4 Nov.
    [InlineData("2026-10-31T23:30:00Z", "Europe/Amsterdam", ReturnMethod.PostOffice, 1, "2026-11-04")]
    // The same instant is still Saturday 31 Oct 19:30 in New York: +2 = Monday 2 Nov; 1 working day -> Tuesday 3 Nov.
    [InlineData("2026-10-31T23:30:00Z", "America/New_York", ReturnMethod.PostOffice, 1, "2026-11-03")]
    // Year end: Thursday 31 Dec 2026, locker +1 = Friday 1 Jan 2027; 3 working days -> Wednesday 6 Jan (holidays not modelled).
    [InlineData("2026-12-31T12:00:00Z", "Europe/Amsterdam", ReturnMethod.ParcelLocker, 3, "2027-01-06")]
    // The night of the spring change in Amsterdam (29 Mar 2026, 01:00 UTC): 23:30 UTC on the 28th is still CET, 00:30 Sunday 29 Mar.
    // Home pickup +1 = Monday 30 Mar; 2 working days -> Wednesday 1 Apr.
    [InlineData("2026-03-28T23:30:00Z", "Europe/Amsterdam", ReturnMethod.HomePickup, 2, "2026-04-01")]
    public void Estimate_MethodTransitAndZone_GivesLocalArrivalDate(string authorized, string zone, ReturnMethod method, int transit, string expected)
    {
        var settings = new ReturnOptionSettings();
        settings.HandoverDays[ReturnMethod.PostOffice] = 2;
        settings.HandoverDays[ReturnMethod.ParcelLocker] = 1;
        settings.HandoverDays[ReturnMethod.HomePickup] = 1;
        var estimator = new ArrivalEstimator(settings);

        var arrival = estimator.Estimate(method, transit, DateTimeOffset.Parse(authorized, System.Globalization.CultureInfo.InvariantCulture), TimeZoneInfo.FindSystemTimeZoneById(zone));

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), arrival);
    }

    // ── Tracking updates ───────────────────────────────────────────────────────────────────────────

    [Fact]
    public void ApplyTracking_EstimateAcrossMidnight_UsesWarehouseLocalDate()
    {
        var notice = Notice("WH-NYC", new DateOnly(2026, 11, 2), (ConditionGrade.A, Disposition.RestockAsNew, 1));
        var estimate = new DateTimeOffset(2026, 11, 4, 2, 0, 0, TimeSpan.Zero); // 3 Nov 21:00 in New York (EST since 1 Nov)

        var updated = notice.ApplyTracking([new TrackingEvent(new DateTimeOffset(2026, 11, 2, 15, 0, 0, TimeSpan.Zero), TrackingStatus.InTransit, "in transit")], estimate, NewYork);

        Assert.Equal(new DateOnly(2026, 11, 3), updated.ExpectedArrival);
    }

    [Fact]
    public void ApplyTracking_LateAndDuplicateEvents_ChangeNothing()
    {
        var t0 = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
        var notice = Notice("WH-1", new DateOnly(2026, 11, 5), (ConditionGrade.B, Disposition.RepackageAndRestock, 2))
            .ApplyTracking([new TrackingEvent(t0.AddHours(5), TrackingStatus.InTransit, "hub")], t0.AddDays(2), Amsterdam);

        var late = notice.ApplyTracking([new TrackingEvent(t0.AddHours(1), TrackingStatus.HandedOver, "handed over")], t0.AddDays(9), Amsterdam);
        var duplicate = notice.ApplyTracking([new TrackingEvent(t0.AddHours(5), TrackingStatus.InTransit, "hub")], t0.AddDays(9), Amsterdam);

        Assert.Same(notice, late);
        Assert.Same(notice, duplicate);
        Assert.Equal(new DateOnly(2026, 11, 4), notice.ExpectedArrival);
    }

    [Fact]
    public void ApplyTracking_DeliveredThenOlderEstimate_KeepsArrival()
    {
        var t0 = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
        var notice = Notice("WH-1", new DateOnly(2026, 11, 5), (ConditionGrade.C, Disposition.SellAsOutlet, 1));

        var delivered = notice.ApplyTracking([new TrackingEvent(t0.AddDays(1).AddHours(14), TrackingStatus.Delivered, "delivered"), new TrackingEvent(t0, TrackingStatus.InTransit, "hub")], null, Amsterdam);
        var later = delivered.ApplyTracking([new TrackingEvent(t0.AddDays(2), TrackingStatus.InTransit, "scan after delivery")], t0.AddDays(6), Amsterdam);

        Assert.Equal(new DateOnly(2026, 11, 3), delivered.ArrivedOn);
        Assert.Equal(new DateOnly(2026, 11, 3), later.ExpectedArrival);
        Assert.Equal(new DateOnly(2026, 11, 3), later.ArrivedOn);
    }

    // ── Aggregation ────────────────────────────────────────────────────────────────────────────────

    [Fact]
    public void Build_NoticesAcrossMonthEnd_CountsParcelsUnitsGradesAndDispositionsPerDay()
    {
        var from = new DateOnly(2026, 10, 30);
        var notices = new[]
        {
            Notice("WH-A", new DateOnly(2026, 10, 31), (ConditionGrade.A, Disposition.RestockAsNew, 2), (ConditionGrade.C, Disposition.SellAsOutlet, 1)),
            Notice("WH-A", new DateOnly(2026, 10, 31), (ConditionGrade.A, Disposition.RestockAsNew, 1)),
            Notice("WH-A", new DateOnly(2026, 11, 1), (ConditionGrade.D, Disposition.ReturnToVendor, 4)),
            Notice("WH-B", new DateOnly(2026, 11, 1), (ConditionGrade.X, Disposition.Recycle, 1)),
            Notice("WH-A", new DateOnly(2026, 10, 28), (ConditionGrade.B, Disposition.RepackageAndRestock, 1)),
            Notice("WH-A", new DateOnly(2026, 11, 5), (ConditionGrade.A, Disposition.RestockAsNew, 9)),
            Notice("WH-B", new DateOnly(2026, 10, 31), (ConditionGrade.A, Disposition.RestockAsNew, 3)) with { ArrivedOn = new DateOnly(2026, 10, 29) },
        };

        var forecast = InboundForecast.Build(notices, from, 3);

        Assert.Equal(6, forecast.Rows.Count); // 2 warehouses x 3 days
        var a31 = forecast.Day("WH-A", new DateOnly(2026, 10, 31))!;
        Assert.Equal((2, 4), (a31.Parcels, a31.Units));
        Assert.Equal(3, a31.UnitsOf(ConditionGrade.A));
        Assert.Equal(1, a31.UnitsOf(ConditionGrade.C));
        Assert.Equal([2, 0, 1, 0, 0], a31.ParcelsByGrade);
        Assert.Equal(3, a31.UnitsOf(Disposition.RestockAsNew));
        Assert.Equal(1, a31.UnitsOf(Disposition.SellAsOutlet));
        var a1 = forecast.Day("WH-A", new DateOnly(2026, 11, 1))!;
        Assert.Equal((1, 4, 4), (a1.Parcels, a1.Units, a1.UnitsOf(Disposition.ReturnToVendor)));
        var b31 = forecast.Day("WH-B", new DateOnly(2026, 10, 31))!;
        Assert.Equal(0, b31.Parcels); // arrived parcels are not inbound
        Assert.Equal(1, forecast.Day("WH-B", new DateOnly(2026, 11, 1))!.UnitsOf(ConditionGrade.X));
        Assert.Equal(new DateOnly(2026, 10, 28), Assert.Single(forecast.Overdue).ExpectedArrival);
        Assert.Equal(1, forecast.Later);
        Assert.Null(forecast.Day("WH-A", new DateOnly(2026, 11, 2)));
    }

    [Fact]
    public void Builder_TrackingMovesParcelToAnotherDay_MatchesRebuild()
    {
        var from = new DateOnly(2026, 11, 1);
        var moving = Notice("WH-A", new DateOnly(2026, 11, 3), (ConditionGrade.B, Disposition.RepackageAndRestock, 2));
        var staying = Notice("WH-A", new DateOnly(2026, 11, 3), (ConditionGrade.A, Disposition.RestockAsNew, 1));
        var builder = new InboundForecastBuilder(from, 7);
        builder.Upsert(moving);
        builder.Upsert(staying);

        var moved = moving with { ExpectedArrival = new DateOnly(2026, 11, 5) };
        builder.Upsert(moved);
        var forecast = builder.ToForecast();

        Assert.Equal((1, 1), (forecast.Day("WH-A", new DateOnly(2026, 11, 3))!.Parcels, forecast.Day("WH-A", new DateOnly(2026, 11, 3))!.Units));
        Assert.Equal(2, forecast.Day("WH-A", new DateOnly(2026, 11, 5))!.UnitsOf(ConditionGrade.B));
        Assert.Equal(Csv(InboundForecast.Build([staying, moved], from, 7)), Csv(forecast));
    }

    [FsCheck.Xunit.Property(MaxTest = 100)]
    public Property Builder_AnySequenceOfUpsertsAndRemovals_EqualsRebuildFromFinalNotices()
    {
        var start = new DateOnly(2026, 12, 28);
        var rmas = Enumerable.Range(0, 8).Select(_ => RmaNumber.NewRandom()).ToArray();
        var notice = from slot in Gen.Choose(0, rmas.Length - 1)
                     from warehouse in Gen.Elements("WH-A", "WH-B", "WH-C")
                     from offset in Gen.Choose(-3, 12)
                     from grade in Gen.Elements(Enum.GetValues<ConditionGrade>())
                     from disposition in Gen.Elements(Enum.GetValues<Disposition>())
                     from units in Gen.Choose(1, 5)
                     from arrived in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
                     from remove in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
                     select (Remove: remove, Notice: new AdvanceShippingNotice(rmas[slot], warehouse, ReturnMethod.PickupPoint, start.AddDays(offset), [new NoticeLine("S", units, grade, disposition)]) { ArrivedOn = arrived ? start : null });
        return Prop.ForAll(Gen.ListOf(notice).ToArbitrary(), steps =>
        {
            var builder = new InboundForecastBuilder(start, 7);
            var final = new Dictionary<RmaNumber, AdvanceShippingNotice>();
            foreach (var (remove, n) in steps)
            {
                if (remove)
                {
                    builder.Remove(n.Rma);
                    final.Remove(n.Rma);
                }
                else
                {
                    builder.Upsert(n);
                    final[n.Rma] = n;
                }
            }

            var incremental = builder.ToForecast();
            var rebuilt = InboundForecast.Build(final.Values, start, 7);
            return Csv(incremental) == Csv(rebuilt)
                && incremental.Later == rebuilt.Later
                && incremental.Overdue.Select(o => o.Rma).SequenceEqual(rebuilt.Overdue.Select(o => o.Rma));
        });
    }

    // ── Exports ────────────────────────────────────────────────────────────────────────────────────

    [Fact]
    public void WriteCsv_Forecast_HeaderAndRowsParseBack()
    {
        var forecast = InboundForecast.Build([Notice("WH,\"North\"", new DateOnly(2026, 11, 2), (ConditionGrade.A, Disposition.RestockAsNew, 2), (ConditionGrade.D, Disposition.ReturnToVendor, 1))], new DateOnly(2026, 11, 2), 2);

        var lines = Csv(forecast).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(
            "warehouse_id,date,parcels,units,units_grade_a,units_grade_b,units_grade_c,units_grade_d,units_grade_x,parcels_grade_a,parcels_grade_b,parcels_grade_c,parcels_grade_d,parcels_grade_x,units_restock_as_new,units_repackage_and_restock,units_refurbish,units_sell_as_outlet,units_return_to_vendor,units_donate,units_recycle,units_destroy",
            lines[0]);
        Assert.Equal("\"WH,\"\"North\"\"\",2026-11-02,1,3,2,0,0,1,0,1,0,0,1,0,2,0,0,0,1,0,0,0", lines[1]);
        Assert.Equal("\"WH,\"\"North\"\"\",2026-11-03,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0", lines[2]);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public void WriteJson_Forecast_DocumentedShape()
    {
        var overdue = Notice("WH-A", new DateOnly(2026, 10, 30), (ConditionGrade.C, Disposition.Refurbish, 1)) with { TrackingNumber = "TR9" };
        var forecast = InboundForecast.Build([Notice("WH-A", new DateOnly(2026, 11, 2), (ConditionGrade.B, Disposition.RepackageAndRestock, 2)), overdue], new DateOnly(2026, 11, 2), 1);
        using var stream = new MemoryStream();

        InboundForecastExport.WriteJson(forecast, stream);

        using var json = JsonDocument.Parse(stream.ToArray());
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("formatVersion").GetInt32());
        Assert.Equal("2026-11-02", root.GetProperty("to").GetString());
        var day = root.GetProperty("days")[0];
        Assert.Equal(2, day.GetProperty("unitsByGrade").GetProperty("b").GetInt32());
        Assert.Equal(2, day.GetProperty("unitsByDisposition").GetProperty("repackage_and_restock").GetInt32());
        Assert.Equal(1, day.GetProperty("parcelsByGrade").GetProperty("b").GetInt32());
        var late = root.GetProperty("overdue")[0];
        Assert.Equal((overdue.Rma.Value, "TR9", "2026-10-30"), (late.GetProperty("rma").GetString(), late.GetProperty("trackingNumber").GetString(), late.GetProperty("expectedArrival").GetString()));
        Assert.Equal(0, root.GetProperty("parcelsLater").GetInt32());
    }

    private static string Csv(InboundForecast forecast)
    {
        var text = new StringBuilder();
        using var writer = new StringWriter(text, System.Globalization.CultureInfo.InvariantCulture);
        InboundForecastExport.WriteCsv(forecast, writer);
        return text.ToString();
    }
}
