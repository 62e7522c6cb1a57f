using Microsoft.Extensions.Options;

namespace Returns.Sdk.StoreReturns.Internal;

internal sealed class StoreDeskOptionsValidator : IValidateOptions<StoreDeskOptions>
{
    public ValidateOptionsResult Validate(string? name, StoreDeskOptions options)
    {
        var failures = new List<string>();
        if (options.Warehouse is null)
        {
            failures.Add($"{nameof(StoreDeskOptions.Warehouse)} is required: where items a store does not keep are sent.");
        }

        foreach (var duplicate in options.Stores.GroupBy(s => s.WarehouseId, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            failures.Add($"Store '{duplicate.Key}' is listed {duplicate.Count()} times in {nameof(StoreDeskOptions.Stores)}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
