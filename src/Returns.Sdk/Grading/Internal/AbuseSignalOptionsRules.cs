using System.Globalization;

namespace Returns.Sdk.Grading.Internal;

// The checks on AbuseSignalOptions, shared by options validation when a host starts and the detector's constructor.
internal static class AbuseSignalOptionsRules
{
    public static readonly TimeSpan LongestWindow = TimeSpan.FromDays(3 * 365 + 1);
    private const int MostEvidence = 1000;
    private const int MostOrders = 100_000;
    private const decimal HighestRatio = 10m;

    public static List<ValidationError> Check(AbuseSignalOptions options, string prefix)
    {
        var errors = new List<ValidationError>();
        if (options.Window <= TimeSpan.Zero || options.Window > LongestWindow)
        {
            errors.Add(new ValidationError(prefix + nameof(options.Window), $"must be above zero and at most {LongestWindow.TotalDays:0} days; got {options.Window}."));
        }

        if (!Enum.IsDefined(options.DiscrepancyMinSeverity) || options.DiscrepancyMinSeverity == DiscrepancySeverity.None)
        {
            errors.Add(new ValidationError(prefix + nameof(options.DiscrepancyMinSeverity), $"must be Minor, Major or Severe; got {options.DiscrepancyMinSeverity}."));
        }

        Count(errors, prefix + nameof(options.RepeatedDiscrepancyCount), options.RepeatedDiscrepancyCount, MostEvidence);
        if (options.SerialReturnRatio <= 0m || options.SerialReturnRatio > HighestRatio)
        {
            errors.Add(new ValidationError(prefix + nameof(options.SerialReturnRatio), string.Create(CultureInfo.InvariantCulture, $"must be above 0 and at most {HighestRatio} returns per order; got {options.SerialReturnRatio}.")));
        }

        Count(errors, prefix + nameof(options.SerialReturningMinOrders), options.SerialReturningMinOrders, MostOrders);
        if (options.WardrobingCategories.Count == 0)
        {
            errors.Add(new ValidationError(prefix + nameof(options.WardrobingCategories), "must name at least one category, e.g. \"apparel\"."));
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.WardrobingCategories.Count; i++)
        {
            var category = options.WardrobingCategories[i];
            var path = $"{prefix}{nameof(options.WardrobingCategories)}[{i}]";
            if (string.IsNullOrWhiteSpace(category))
            {
                errors.Add(new ValidationError(path, "must not be blank."));
            }
            else if (!seen.Add(category.Trim()))
            {
                errors.Add(new ValidationError(path, $"'{category.Trim()}' is listed twice (categories are compared case-insensitively)."));
            }
        }

        if (options.WardrobingReturnedWithin <= TimeSpan.Zero || options.WardrobingReturnedWithin > options.Window)
        {
            errors.Add(new ValidationError(prefix + nameof(options.WardrobingReturnedWithin), $"must be above zero and at most Window ({options.Window}); got {options.WardrobingReturnedWithin}."));
        }

        Count(errors, prefix + nameof(options.WardrobingCount), options.WardrobingCount, MostEvidence);
        return errors;
    }

    private static void Count(List<ValidationError> errors, string path, int value, int most)
    {
        if (value < 1 || value > most)
        {
            errors.Add(new ValidationError(path, string.Create(CultureInfo.InvariantCulture, $"must be between 1 and {most:N0}; got {value}.")));
        }
    }
}
