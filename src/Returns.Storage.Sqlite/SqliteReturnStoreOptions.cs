namespace Returns.Storage.Sqlite;

/// <summary>Where the SQLite store keeps its file; validated on start.</summary>
public sealed class SqliteReturnStoreOptions
{
    /// <summary>The database file, e.g. <c>returns.db</c>; created with its folder on first use. Set this or <see cref="ConnectionString"/>.</summary>
    public string? Path { get; set; }

    /// <summary>A full Microsoft.Data.Sqlite connection string, for settings <see cref="Path"/> does not cover.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>How long a write waits for another writer (another thread or process) before failing. Default 30 seconds.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
