using System.Globalization;
using System.Text;
using Returns.Sdk.Locations;

namespace Returns.Carriers.DhlParcelDe.Internal;

// The Location Finder writes hours as schema.org OpeningHoursSpecification entries (opens, closes, dayOfWeek as a
// schema.org URL); the SDK reads the OpenStreetMap opening_hours syntax. This writes one as the other.
internal static class DhlOpeningHours
{
    private static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    private static readonly string[] OsmDays = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];

    // Null when DHL gave no hours or hours the SDK cannot hold: unknown rather than a wrong schedule.
    public static OpeningHours? ToOpeningHours(IReadOnlyList<DhlOpeningHoursSpecification> specifications)
    {
        if (specifications.Count == 0)
        {
            return null;
        }

        var spans = new List<string>[Days.Length];
        foreach (var specification in specifications)
        {
            var day = DayIndex(specification.DayOfWeek);
            if (day < 0 || !TryReadTime(specification.Opens, roundUp: false, out var opens) || !TryReadTime(specification.Closes, roundUp: true, out var closes))
            {
                return null;
            }

            // "00:00-00:00" is how a round-the-clock day comes out of some sources; any other empty span says nothing.
            if (opens == closes)
            {
                if (opens != 0)
                {
                    continue;
                }

                closes = 24 * 60;
            }

            (spans[day] ??= []).Add($"{Format(opens)}-{Format(closes)}");
        }

        var rules = new StringBuilder();
        for (var day = 0; day < Days.Length; day++)
        {
            if (spans[day] is { Count: > 0 } daySpans)
            {
                rules.Append(rules.Length == 0 ? string.Empty : "; ").Append(OsmDays[day]).Append(' ').AppendJoin(',', daySpans);
            }
        }

        return rules.Length > 0 && OpeningHours.TryParse(rules.ToString(), out var hours, out _) ? hours : null;
    }

    private static int DayIndex(string? dayOfWeek)
    {
        var name = dayOfWeek?.Trim().TrimEnd('/');
        name = name?[(name.LastIndexOf('/') + 1)..];
        return Array.FindIndex(Days, d => string.Equals(d, name, StringComparison.OrdinalIgnoreCase));
    }

    // Minutes after midnight; seconds on a closing time round up, so DHL's "23:59:59" closes at midnight.
    private static bool TryReadTime(string? text, bool roundUp, out int minutes)
    {
        minutes = 0;
        if (!TimeOnly.TryParseExact(text?.Trim(), ["HH:mm:ss", "H:mm:ss", "HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return false;
        }

        minutes = (time.Hour * 60) + time.Minute + (roundUp && time.Second > 0 ? 1 : 0);
        return true;
    }

    private static string Format(int minutes) =>
        string.Create(CultureInfo.InvariantCulture, $"{minutes / 60:00}:{minutes % 60:00}");
}
