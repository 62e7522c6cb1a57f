using System.Globalization;
using Microsoft.Data.Sqlite;
using Returns.Sdk.Lifecycle;

namespace Returns.Storage.Sqlite.Internal;

// Recognises our files by application_id and tracks the schema in user_version, so that a foreign database, a file that is
// not a database, or a file written by a newer SDK is reported instead of being "migrated".
internal static class Schema
{
    // "RTRN" in ASCII.
    public const int ApplicationId = 0x5254524E;

    private static readonly string[] Scripts = LoadScripts();

    public static int LatestVersion => Scripts.Length;

    public static void Migrate(SqliteConnection connection, string file)
    {
        Execute(connection, "PRAGMA journal_mode = WAL;");
        var (applicationId, version) = ReadHeader(connection);
        if (applicationId == ApplicationId && version == LatestVersion)
        {
            return;
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        (applicationId, version) = ReadHeader(connection, transaction);
        if (applicationId != ApplicationId)
        {
            if (applicationId != 0 || CountTables(connection, transaction) > 0)
            {
                throw new ReturnStoreException($"'{file}' is a SQLite database of another application (application_id {applicationId}), not a returns database; give the returns store a file of its own.");
            }

            version = 0;
        }

        if (version > LatestVersion)
        {
            throw new ReturnStoreException($"'{file}' has returns schema version {version}, newer than the {LatestVersion} this version of Returns.Storage.Sqlite knows; upgrade the package.");
        }

        for (var next = version + 1; next <= LatestVersion; next++)
        {
            Execute(connection, Scripts[next - 1], transaction);
        }

        Execute(connection, $"PRAGMA application_id = {ApplicationId}; PRAGMA user_version = {LatestVersion.ToString(CultureInfo.InvariantCulture)};", transaction);
        transaction.Commit();
    }

    private static (int ApplicationId, int Version) ReadHeader(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA application_id;";
        var applicationId = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        command.CommandText = "PRAGMA user_version;";
        var version = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        return (applicationId, version);
    }

    private static long CountTables(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(*) FROM sqlite_schema WHERE type = 'table';";
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string[] LoadScripts()
    {
        var assembly = typeof(Schema).Assembly;
        const string Prefix = "Returns.Storage.Sqlite.Migrations.";
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
