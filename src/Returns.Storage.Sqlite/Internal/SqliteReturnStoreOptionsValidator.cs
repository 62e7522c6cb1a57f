using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Returns.Storage.Sqlite.Internal;

internal sealed class SqliteReturnStoreOptionsValidator : IValidateOptions<SqliteReturnStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, SqliteReturnStoreOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path) && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add("Set Returns:Storage:Sqlite Path (a file such as returns.db) or ConnectionString.");
        }
        else if (!string.IsNullOrWhiteSpace(options.Path) && !string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add("Set either Path or ConnectionString for the SQLite store, not both.");
        }
        else if (options.ConnectionString is { Length: > 0 } cs)
        {
            try
            {
                if (string.IsNullOrWhiteSpace(new SqliteConnectionStringBuilder(cs).DataSource))
                {
                    failures.Add("The SQLite connection string names no Data Source.");
                }
            }
            catch (ArgumentException ex)
            {
                failures.Add($"The SQLite connection string is invalid: {ex.Message}");
            }
        }

        if (options.BusyTimeout <= TimeSpan.Zero || options.BusyTimeout > TimeSpan.FromMinutes(10))
        {
            failures.Add($"BusyTimeout must be between 0 and 10 minutes; it is {options.BusyTimeout}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
