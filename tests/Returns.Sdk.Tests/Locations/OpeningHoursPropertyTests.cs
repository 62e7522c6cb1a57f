using FsCheck;
using FsCheck.Fluent;
using Returns.Sdk.Locations;

namespace Returns.Sdk.Tests.Locations;

public sealed class OpeningHoursPropertyTests
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    private static readonly string[] Days = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];

    // Instants around Amsterdam's clock changes of 2026 and an ordinary week, so searches cross them often.
    private static readonly DateTimeOffset[] Anchors =
    [
        new(2026, 3, 29, 1, 0, 0, TimeSpan.Zero),
        new(2026, 10, 25, 1, 0, 0, TimeSpan.Zero),
        new(2026, 6, 15, 0, 0, 0, TimeSpan.Zero),
    ];

    /// <summary>A rule as generated: 24/7, or days (none: every day) with optional PH and times (none: off).</summary>
    public sealed record Rule(bool AlwaysOpen, (int From, int To)[] Days, bool Holiday, (int Start, int End)[] Times)
    {
        public override string ToString()
        {
            if (AlwaysOpen)
            {
                return "24/7";
            }

            var days = string.Join(",", Days.Select(d => d.From == d.To ? OpeningHoursPropertyTests.Days[d.From] : $"{OpeningHoursPropertyTests.Days[d.From]}-{OpeningHoursPropertyTests.Days[d.To]}").Concat(Holiday ? ["PH"] : []));
            var value = Times.Length == 0 ? "off" : string.Join(",", Times.Select(t => $"{Clock(t.Start)}-{Clock(t.End)}"));
            return days.Length == 0 ? value : $"{days} {value}";
        }

        private static string Clock(int minute) => $"{minute / 60:00}:{minute % 60:00}";
    }

    private static Gen<(int Start, int End)> Spans() =>
        from start in Gen.OneOf(Gen.Choose(0, 1439), Gen.Elements(0, 540, 720, 1080, 1320))
        from end in Gen.OneOf(Gen.Choose(0, 1440), Gen.Elements(0, 120, 720, 1080, 1440))
        select (start, end == start ? start + 1 : end);

    private static Gen<Rule> Rules() =>
        Gen.Frequency(
            (1, Gen.Constant(new Rule(true, [], false, []))),
            (11, from days in Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 6).SelectMany(f => Gen.Choose(0, 6).Select(t => (f, t))), n))
                 from holiday in Gen.Frequency((6, Gen.Constant(false)), (1, Gen.Constant(true)))
                 from times in Gen.Frequency((1, Gen.Constant(Array.Empty<(int, int)>())), (5, Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(Spans(), n))))
                 select new Rule(false, days, holiday, times)));

    private static Gen<Rule[]> RuleLists() => Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(Rules(), n));

    private static Gen<DateTimeOffset> Instants() =>
        from anchor in Gen.Elements(Anchors)
        from seconds in Gen.Choose(-8 * 24 * 3600, 8 * 24 * 3600)
        select anchor.AddSeconds(seconds);

    private static string Text(Rule[] rules) => string.Join("; ", rules.Select(r => r.ToString()));

    // The rules' meaning written out directly: the last rule naming a day decides it; spans past midnight spill over.
    private static (int Start, int End)[] Effective(Rule[] rules, int day)
    {
        (int, int)[] effective = [];
        foreach (var rule in rules)
        {
            if (rule.AlwaysOpen)
            {
                effective = [(0, 1440)];
                continue;
            }

            var names = rule.Days.Length == 0 && !rule.Holiday
                || rule.Days.Any(d => d.From <= d.To ? day >= d.From && day <= d.To : day >= d.From || day <= d.To);
            if (names)
            {
                effective = rule.Times;
            }
        }

        return effective;
    }

    private static bool ModelIsOpen(Rule[] rules, int day, int minute) =>
        Effective(rules, day).Any(s => s.End > s.Start ? minute >= s.Start && minute < s.End : minute >= s.Start)
        || Effective(rules, (day + 6) % 7).Any(s => s.End <= s.Start && minute < s.End);

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property ToString_AnyRules_RoundTripsThroughParse() =>
        Prop.ForAll(RuleLists().ToArbitrary(), rules =>
        {
            var hours = OpeningHours.Parse(Text(rules));
            var again = OpeningHours.Parse(hours.ToString());

            Assert.Equal(hours, again);
            Assert.Equal(hours.ToString(), again.ToString());
            Assert.Equal(Text(rules), hours.ToString());
        });

    [FsCheck.Xunit.Property(MaxTest = 150)]
    public Property IsOpen_EveryMinuteOfTheWeek_MatchesTheRulesReadDirectly() =>
        Prop.ForAll(RuleLists().ToArbitrary(), rules =>
        {
            var hours = OpeningHours.Parse(Text(rules));
            var monday = new DateTimeOffset(2026, 6, 15, 0, 0, 30, TimeSpan.Zero);
            for (var minute = 0; minute < 7 * 1440; minute++)
            {
                var expected = ModelIsOpen(rules, minute / 1440, minute % 1440);
                if (hours.IsOpen(monday.AddMinutes(minute), TimeZoneInfo.Utc) != expected)
                {
                    Assert.Fail($"'{hours}' at {Days[minute / 1440]} {minute % 1440 / 60:00}:{minute % 60:00}: expected {(expected ? "open" : "closed")}.");
                }
            }
        });

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property NextOpening_AroundClockChanges_IsOpenAndNothingBeforeItIs() =>
        Prop.ForAll(RuleLists().ToArbitrary(), Instants().ToArbitrary(), (rules, from) =>
        {
            var hours = OpeningHours.Parse(Text(rules));
            var next = hours.NextOpening(from, Amsterdam);
            if (next is not { } opening)
            {
                Assert.All(Enumerable.Range(0, 8 * 1440), m => Assert.False(hours.IsOpen(from.AddMinutes(m), Amsterdam)));
                return;
            }

            Assert.True(opening >= from);
            Assert.True(hours.IsOpen(opening, Amsterdam), $"'{hours}' is not open at its next opening {opening:O} (from {from:O}).");
            Assert.True(opening == from || !hours.IsOpen(opening.AddTicks(-1), Amsterdam), $"'{hours}' was already open before {opening:O}.");
            Assert.True(opening - from <= TimeSpan.FromDays(8), $"'{hours}' opens only at {opening:O} (from {from:O}).");
            for (var step = from; step < opening; step = step.AddMinutes(1))
            {
                Assert.False(hours.IsOpen(step, Amsterdam), $"'{hours}' is open at {step:O}, before its next opening {opening:O}.");
            }
        });

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property NextClosing_AroundClockChanges_IsClosedAndNothingBeforeItIs() =>
        Prop.ForAll(RuleLists().ToArbitrary(), Instants().ToArbitrary(), (rules, from) =>
        {
            var hours = OpeningHours.Parse(Text(rules));
            var next = hours.NextClosing(from, Amsterdam);
            if (next is not { } closing)
            {
                Assert.True(hours.IsAlwaysOpen);
                return;
            }

            Assert.True(closing >= from);
            Assert.False(hours.IsOpen(closing, Amsterdam), $"'{hours}' is open at its next closing {closing:O} (from {from:O}).");
            Assert.True(closing == from || hours.IsOpen(closing.AddTicks(-1), Amsterdam), $"'{hours}' was already closed before {closing:O}.");
            for (var step = from; step < closing; step = step.AddMinutes(1))
            {
                Assert.True(hours.IsOpen(step, Amsterdam), $"'{hours}' is closed at {step:O}, before its next closing {closing:O}.");
            }
        });
}
