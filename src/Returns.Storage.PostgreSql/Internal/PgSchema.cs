using System.Text.RegularExpressions;
using Npgsql;
using Returns.Sdk.Lifecycle;

namespace Returns.Storage.PostgreSql.Internal;

// Migrations run inside one transaction holding an advisory lock keyed by the schema, so that instances starting
// together wait for the first and then find nothing left to do.
internal static partial class PgSchema
{
    private static readonly string[] Scripts = LoadScripts();

    public static int LatestVersion => Scripts.Length;

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    public static partial Regex Identifier();

    public static async Task MigrateAsync(NpgsqlConnection connection, string schema, string where, CancellationToken cancellationToken)
    {
        using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await Execute(connection, transaction, "SELECT pg_advisory_xact_lock(hashtext('returns.migrations.' || @schema));", cancellationToken, ("schema", schema)).ConfigureAwait(false);
        await Execute(connection, transaction, $"""
            CREATE SCHEMA IF NOT EXISTS {schema};
            CREATE TABLE IF NOT EXISTS {schema}.schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
            """, cancellationToken).ConfigureAwait(false);
        using (var command = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {schema}.schema_migrations;", connection, transaction))
        {
            var applied = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            if (applied > LatestVersion)
            {
                throw new ReturnStoreException($"Schema '{schema}' on {where} has returns schema version {applied}, newer than the {LatestVersion} this version of Returns.Storage.PostgreSql knows; upgrade the package.");
            }

            for (var version = applied + 1; version <= LatestVersion; version++)
            {
                await Execute(connection, transaction, Scripts[version - 1].Replace("{schema}", schema, StringComparison.Ordinal), cancellationToken).ConfigureAwait(false);
                await Execute(connection, transaction, $"INSERT INTO {schema}.schema_migrations (version) VALUES (@version);", cancellationToken, ("version", version)).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string[] LoadScripts()
    {
        var assembly = typeof(PgSchema).Assembly;
        const string Prefix = "Returns.Storage.PostgreSql.Migrations.";
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return reader.ReadToEnd();
            })];
    }
}
