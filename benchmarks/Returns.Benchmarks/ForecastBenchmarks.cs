using BenchmarkDotNet.Attributes;
using Returns.Sdk;
using Returns.Sdk.Forecast;
using Returns.Sdk.Grading;
using Returns.Sdk.Lifecycle;

namespace Returns.Benchmarks;

/// <summary>
/// A 30-day inbound forecast from 100,000 advance shipping notices (12 warehouses, 1–4 lines each, arrivals spread over
/// 40 days around the range so that some are overdue or later). Target: under 200 ms median. The baseline groups the
/// same notices with LINQ (GroupBy warehouse and day, then counts per grade and disposition), as a first version would.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
public class ForecastBenchmarks
{
    private const int Days = 30;
    private static readonly DateOnly From = new(2026, 11, 1);
    private AdvanceShippingNotice[] _notices = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2026);
        var grades = Enum.GetValues<ConditionGrade>();
        var dispositions = Enum.GetValues<Disposition>();
        _notices = new AdvanceShippingNotice[100_000];
        for (var i = 0; i < _notices.Length; i++)
        {
            var lines = new NoticeLine[random.Next(1, 5)];
            for (var l = 0; l < lines.Length; l++)
            {
                lines[l] = new NoticeLine($"SKU-{random.Next(5_000)}", random.Next(1, 4), grades[random.Next(grades.Length)], dispositions[random.Next(dispositions.Length)]);
            }

            _notices[i] = new AdvanceShippingNotice(RmaNumber.NewRandom(), $"WH-{random.Next(12):D2}", ReturnMethod.PickupPoint, From.AddDays(random.Next(-5, 35)), lines);
        }

        // Both must say the same before either is timed.
        var fast = InboundForecast.Build(_notices, From, Days);
        var naive = Naive();
        foreach (var row in fast.Rows)
        {
            if (!naive.TryGetValue((row.WarehouseId, row.Date), out var expected) || expected.Units != row.Units || expected.Parcels != row.Parcels
                || !expected.ByGrade.SequenceEqual(row.UnitsByGrade) || !expected.ByDisposition.SequenceEqual(row.UnitsByDisposition))
            {
                throw new InvalidOperationException($"The forecast and the baseline disagree on {row.WarehouseId} {row.Date}.");
            }
        }
    }

    [Benchmark]
    public InboundForecast Forecast() => InboundForecast.Build(_notices, From, Days);

    [Benchmark(Baseline = true)]
    public int LinqBaseline() => Naive().Count;

    private Dictionary<(string Warehouse, DateOnly Date), (int Parcels, int Units, int[] ByGrade, int[] ByDisposition)> Naive() =>
        _notices
            .Where(n => n.ArrivedOn is null && n.ExpectedArrival >= From && n.ExpectedArrival < From.AddDays(Days))
            .GroupBy(n => (n.WarehouseId, n.ExpectedArrival))
            .ToDictionary(
                g => g.Key,
                g => (
                    g.Count(),
                    g.Sum(n => n.Lines.Sum(l => l.Quantity)),
                    Enum.GetValues<ConditionGrade>().Select(grade => g.SelectMany(n => n.Lines).Where(l => l.DeclaredGrade == grade).Sum(l => l.Quantity)).ToArray(),
                    Enum.GetValues<Disposition>().Select(d => g.SelectMany(n => n.Lines).Where(l => l.ExpectedDisposition == d).Sum(l => l.Quantity)).ToArray()));
}
