namespace Returns.Storage.PostgreSql;

/// <summary>Where the PostgreSQL store keeps returns; validated on start.</summary>
public sealed class PostgreSqlReturnStoreOptions
{
    /// <summary>An Npgsql connection string. Keep the password in a secret store; it never appears in logs or errors.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The schema the store's tables live in; created on first use. Lower-case letters, digits and underscores. Default <c>returns</c>.</summary>
    public string Schema { get; set; } = "returns";
}
