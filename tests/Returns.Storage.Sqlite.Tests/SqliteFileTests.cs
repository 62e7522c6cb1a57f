using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Returns.Sdk.Lifecycle;
using Returns.Storage.Testing;

namespace Returns.Storage.Sqlite.Tests;

public sealed class SqliteFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task FirstUse_NewFileInNewFolder_CreatesWalDatabaseWithOurSchema()
    {
        var file = Path.Combine(_folder.Path, "nested", "returns.db");
        var store = new SqliteReturnStore(new SqliteReturnStoreOptions { Path = file });

        var r = ReturnStoreTestData.NewReturn();
        await store.CommitAsync(ReturnStoreTestData.Create(r), TestContext.Current.CancellationToken);

        Assert.True(File.Exists(file));
        using var connection = new SqliteConnection($"Data Source={file}");
        connection.Open();
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode;"));
        Assert.Equal(0x5254524EL, Scalar(connection, "PRAGMA application_id;"));
        Assert.Equal(1L, Scalar(connection, "PRAGMA user_version;"));
        Assert.Equal(1L, Scalar(connection, "SELECT count(*) FROM returns;"));
    }

    [Fact]
    public async Task Reopen_ExistingFile_KeepsReturnsAndDoesNotMigrateAgain()
    {
        var file = _folder.File("reopen.db");
        var r = ReturnStoreTestData.NewReturn();
        await new SqliteReturnStore(new SqliteReturnStoreOptions { Path = file }).CommitAsync(ReturnStoreTestData.Create(r), TestContext.Current.CancellationToken);

        var reopened = new SqliteReturnStore(new SqliteReturnStoreOptions { Path = file });
        var found = await reopened.FindAsync(r.Rma, TestContext.Current.CancellationToken);

        Assert.Equal(ReturnDocument.ToJson(r), ReturnDocument.ToJson(found!));
    }

    [Fact]
    public async Task FirstUse_EightStoresOpenOneNewFileAtOnce_MigratesOnceAndAllWork()
    {
        var file = _folder.File("race.db");
        var stores = Enumerable.Range(0, 8).Select(_ => new SqliteReturnStore(new SqliteReturnStoreOptions { Path = file })).ToArray();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var writes = stores.Select(store => Task.Run(async () =>
        {
            await start.Task;
            var r = ReturnStoreTestData.NewReturn();
            await store.CommitAsync(ReturnStoreTestData.Create(r), TestContext.Current.CancellationToken);
            return r.Rma;
        }, TestContext.Current.CancellationToken)).ToArray();
        start.SetResult();
        var created = await Task.WhenAll(writes);

        foreach (var rma in created)
        {
            Assert.NotNull(await stores[0].FindAsync(rma, TestContext.Current.CancellationToken));
        }

        using var connection = new SqliteConnection($"Data Source={file}");
        connection.Open();
        Assert.Equal(8L, Scalar(connection, "SELECT count(*) FROM returns;"));
    }

    [Fact]
    public async Task Open_ForeignSqliteDatabase_ThrowsReturnStoreExceptionNamingTheFile()
    {
        var file = _folder.File("shop.db");
        using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            connection.Open();
            Execute(connection, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('kept');");
        }

        var store = new SqliteReturnStore(new SqliteReturnStoreOptions { Path = file });
        var error = await Assert.ThrowsAsync<ReturnStoreException>(() => store.FindAsync(RmaNumber.NewRandom(), TestContext.Current.CancellationToken));

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Contains("another application", error.Message, StringComparison.Ordinal);
        using var check = new SqliteConnection($"Data Source={file};Pooling=False");
        check.Open();
        Assert.Equal("kept", Scalar(check, "SELECT name FROM customers;"));
        Assert.Equal(1L, Scalar(check, "SELECT count(*) FROM sqlite_schema WHERE type = 'table';"));
    }

    [Fact]
    public async Task Open_TextFileNamedDb_ThrowsReturnStoreException()
    {
        var file = _folder.File("notes.db");
        await File.WriteAllTextAsync(file, "These are my notes, not a database. " + new string('x', 4096), TestContext.Current.CancellationToken);

        var store = new SqliteReturnStore(new SqliteReturnStoreOptions { Path = file });
        var error = await Assert.ThrowsAsync<ReturnStoreException>(() => store.FindAsync(RmaNumber.NewRandom(), TestContext.Current.CancellationToken));

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("These are my notes", await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_DatabaseWithPagesOverwritten_ThrowsReturnStoreException()
    {
        var file = _folder.File("damaged.db");
        var store = new SqliteReturnStore(new SqliteReturnStoreOptions { Path = file });
        for (var i = 0; i < 40; i++)
        {
            await store.CommitAsync(ReturnStoreTestData.Create(ReturnStoreTestData.NewReturn($"c{i}")), TestContext.Current.CancellationToken);
        }

        SqliteConnection.ClearAllPools();
        using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            connection.Open();
            Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        }

        var bytes = await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken);
        new Random(7).NextBytes(bytes.AsSpan(4096, bytes.Length - 4096));
        await File.WriteAllBytesAsync(file, bytes, TestContext.Current.CancellationToken);

        var reopened = new SqliteReturnStore(new SqliteReturnStoreOptions { Path = file });
        var error = await Assert.ThrowsAsync<ReturnStoreException>(() => reopened.FindByCustomerAsync("c1", TestContext.Current.CancellationToken));

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_FileFromNewerSchema_ThrowsReturnStoreExceptionSayingUpgrade()
    {
        var file = _folder.File("newer.db");
        await new SqliteReturnStore(new SqliteReturnStoreOptions { Path = file }).FindAsync(RmaNumber.NewRandom(), TestContext.Current.CancellationToken);
        SqliteConnection.ClearAllPools();
        using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            connection.Open();
            Execute(connection, "PRAGMA user_version = 99;");
        }

        var store = new SqliteReturnStore(new SqliteReturnStoreOptions { Path = file });
        var error = await Assert.ThrowsAsync<ReturnStoreException>(() => store.FindAsync(RmaNumber.NewRandom(), TestContext.Current.CancellationToken));

        Assert.Contains("version 99", error.Message, StringComparison.Ordinal);
        Assert.Contains("upgrade", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commit_DocumentEditedByHandIntoGarbage_FindThrowsReturnStoreException()
    {
        var file = _folder.File("edited.db");
        var store = new SqliteReturnStore(new SqliteReturnStoreOptions { Path = file });
        var r = ReturnStoreTestData.NewReturn();
        await store.CommitAsync(ReturnStoreTestData.Create(r), TestContext.Current.CancellationToken);
        using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            connection.Open();
            Execute(connection, "UPDATE returns SET document = '{\"schemaVersion\":1,\"rma\":\"nope\"}';");
        }

        var error = await Assert.ThrowsAsync<ReturnStoreException>(() => store.FindAsync(r.Rma, TestContext.Current.CancellationToken));

        Assert.Contains("$.rma", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSqliteStore_WithPath_ResolvesOneStoreForBothTypes()
    {
        var services = new ServiceCollection();
        services.AddReturns().AddSqliteStore(o => o.Path = _folder.File("di.db"));
        using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<IReturnStore>();

        Assert.Same(provider.GetRequiredService<SqliteReturnStore>(), store);
        Assert.Equal(_folder.File("di.db"), ((SqliteReturnStore)store).File);
    }

    [Theory]
    [InlineData(null, null, "Path")]
    [InlineData("a.db", "Data Source=b.db", "not both")]
    [InlineData(null, "Cache=Shared", "no Data Source")]
    public void AddSqliteStore_InvalidOptions_FailsValidationWithReason(string? path, string? connectionString, string expected)
    {
        var services = new ServiceCollection();
        services.AddReturns().AddSqliteStore(o =>
        {
            o.Path = path;
            o.ConnectionString = connectionString;
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SqliteReturnStoreOptions>>().Value);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
