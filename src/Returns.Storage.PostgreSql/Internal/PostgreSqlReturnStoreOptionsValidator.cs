using Microsoft.Extensions.Options;
using Npgsql;

namespace Returns.Storage.PostgreSql.Internal;

internal sealed class PostgreSqlReturnStoreOptionsValidator : IValidateOptions<PostgreSqlReturnStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, PostgreSqlReturnStoreOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add("Set the PostgreSQL store's ConnectionString.");
        }
        else
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
                if (string.IsNullOrWhiteSpace(builder.Host))
                {
                    failures.Add("The PostgreSQL connection string names no Host.");
                }
            }
            catch (ArgumentException)
            {
                // The driver's message may quote the string, password included.
                failures.Add("The PostgreSQL connection string cannot be parsed (the text is not repeated here because it may hold a password).");
            }
        }

        if (options.Schema is null || !PgSchema.Identifier().IsMatch(options.Schema))
        {
            failures.Add($"Schema '{options.Schema}' must be lower-case letters, digits and underscores, starting with a letter or underscore, at most 63 characters.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
