using System.Globalization;
using Microsoft.Extensions.Options;

namespace Returns.Sdk.ReturnOptions.Internal;

internal sealed class ReturnOptionSettingsValidator : IValidateOptions<ReturnOptionSettings>
{
    public ValidateOptionsResult Validate(string? name, ReturnOptionSettings options)
    {
        var problems = Problems(options).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static IEnumerable<string> Problems(ReturnOptionSettings settings)
    {
        const string Prefix = "Returns:Options:";
        if (!(settings.MaxDistanceKm > 0 && settings.MaxDistanceKm <= 20_040))
        {
            yield return Say($"{Prefix}MaxDistanceKm must be above 0 and at most 20040 (half the Earth's circumference); got {settings.MaxDistanceKm}.");
        }

        if (settings.LocationsPerOption is < 1 or > 50)
        {
            yield return Say($"{Prefix}LocationsPerOption must be 1 to 50; got {settings.LocationsPerOption}.");
        }

        foreach (var (method, days) in settings.HandoverDays ?? [])
        {
            if (days is < 0 or > 60)
            {
                yield return Say($"{Prefix}HandoverDays:{method} must be 0 to 60; got {days}.");
            }
        }

        if (settings.DefaultTransitDays is < 0 or > 60)
        {
            yield return Say($"{Prefix}DefaultTransitDays must be 0 to 60; got {settings.DefaultTransitDays}.");
        }

        if (settings.InStoreTransferDays is < 0 or > 60)
        {
            yield return Say($"{Prefix}InStoreTransferDays must be 0 to 60; got {settings.InStoreTransferDays}.");
        }

        if (settings.LiveLocationDeadline <= TimeSpan.Zero || settings.LiveLocationDeadline > TimeSpan.FromMinutes(1))
        {
            yield return Say($"{Prefix}LiveLocationDeadline must be above zero and at most 1 minute; got {settings.LiveLocationDeadline}.");
        }

        if (settings.InStoreHandlingCost < 0)
        {
            yield return Say($"{Prefix}InStoreHandlingCost must not be negative; got {settings.InStoreHandlingCost}.");
        }

        if (settings.WarehouseCountry is { } country && !CountryCode.TryParse(country, out _))
        {
            yield return $"{Prefix}WarehouseCountry '{country}' is not an ISO 3166 alpha-2 country code.";
        }

        if (ReturnOptionRankings.Find(settings.DefaultStrategy ?? string.Empty) is null)
        {
            yield return $"{Prefix}DefaultStrategy '{settings.DefaultStrategy}' is not one of {string.Join(", ", ReturnOptionRankings.All.Select(r => r.Name))}.";
        }
    }

    private static string Say(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
