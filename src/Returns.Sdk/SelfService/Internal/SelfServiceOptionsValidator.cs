using Microsoft.Extensions.Options;

namespace Returns.Sdk.SelfService.Internal;

/// <summary>Checks <see cref="SelfServiceOptions"/> at start-up, naming each setting that is wrong.</summary>
internal sealed class SelfServiceOptionsValidator : IValidateOptions<SelfServiceOptions>
{
    public ValidateOptionsResult Validate(string? name, SelfServiceOptions options)
    {
        var failures = new List<string>();
        if (options.WarehouseAddress is not { } warehouse)
        {
            failures.Add($"{nameof(SelfServiceOptions.WarehouseAddress)} is required: where carrier returns are addressed.");
        }
        else if (string.IsNullOrWhiteSpace(warehouse.Line1) || string.IsNullOrWhiteSpace(warehouse.City))
        {
            failures.Add($"{nameof(SelfServiceOptions.WarehouseAddress)} needs a street ({nameof(Address.Line1)}) and a {nameof(Address.City)} for the label.");
        }

        if (string.IsNullOrWhiteSpace(options.WarehouseId))
        {
            failures.Add($"{nameof(SelfServiceOptions.WarehouseId)} is required: the warehouse's forecast counts the returns addressed to it.");
        }

        if (options.Reasons is null)
        {
            failures.Add($"{nameof(SelfServiceOptions.Reasons)} is required; use ReturnReasonTaxonomy.Standard or the retailer's own.");
        }

        if (options.TimeZone is null)
        {
            failures.Add($"{nameof(SelfServiceOptions.TimeZone)} is required.");
        }

        if (options.MaxItems is < 1 or > 1000)
        {
            failures.Add($"{nameof(SelfServiceOptions.MaxItems)} must be between 1 and 1000, not {options.MaxItems}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
