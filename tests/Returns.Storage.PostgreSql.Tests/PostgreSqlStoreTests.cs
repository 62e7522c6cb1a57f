using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Returns.Sdk.Lifecycle;
using Returns.Storage.Testing;

namespace Returns.Storage.PostgreSql.Tests;

public sealed class PostgreSqlStoreTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private PostgreSqlReturnStore Store(string schema) =>
        new(new PostgreSqlReturnStoreOptions { ConnectionString = server.RequireConnectionString(), Schema = schema });

    [Fact]
    public async Task FirstUse_FiveInstancesStartTogether_MigrateOnceAndAllWork()
    {
        var schema = PostgresServer.NewSchema();
        var stores = Enumerable.Range(0, 5).Select(_ => Store(schema)).ToArray();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var writes = stores.Select(store => Task.Run(async () =>
        {
            await start.Task;
            var r = ReturnStoreTestData.NewReturn();
            await store.CommitAsync(ReturnStoreTestData.Create(r), Ct);
            return r.Rma;
        }, Ct)).ToArray();
        start.SetResult();
        var created = await Task.WhenAll(writes);

        Assert.All(created, rma => Assert.NotNull(stores[4].FindAsync(rma, Ct).Result));
        await using var connection = new NpgsqlConnection(server.RequireConnectionString());
        await connection.OpenAsync(Ct);
        using var command = new NpgsqlCommand($"SELECT count(*) FROM {schema}.schema_migrations;", connection);
        Assert.Equal(1L, await command.ExecuteScalarAsync(Ct));
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }
    }

    [Fact]
    public async Task TwoInstances_OneSchema_SeeEachOthersWritesAndConflicts()
    {
        var schema = PostgresServer.NewSchema();
        await using var a = Store(schema);
        await using var b = Store(schema);
        var r = ReturnStoreTestData.NewReturn();
        await a.CommitAsync(ReturnStoreTestData.Create(r), Ct);

        var seen = await b.FindAsync(r.Rma, Ct);
        await b.CommitAsync(ReturnStoreTestData.Move(seen!, ReturnState.Authorized), Ct);
        var error = await Assert.ThrowsAsync<ReturnConcurrencyException>(() => a.CommitAsync(ReturnStoreTestData.Move(r, ReturnState.Rejected), Ct));

        Assert.Equal(2L, error.ActualVersion);
    }

    [Fact]
    public async Task Open_SchemaFromNewerVersion_ThrowsReturnStoreExceptionSayingUpgrade()
    {
        var schema = PostgresServer.NewSchema();
        await using (var first = Store(schema))
        {
            await first.FindAsync(RmaNumber.NewRandom(), Ct);
        }

        await using (var connection = new NpgsqlConnection(server.RequireConnectionString()))
        {
            await connection.OpenAsync(Ct);
            using var command = new NpgsqlCommand($"INSERT INTO {schema}.schema_migrations (version) VALUES (99);", connection);
            await command.ExecuteNonQueryAsync(Ct);
        }

        await using var store = Store(schema);
        var error = await Assert.ThrowsAsync<ReturnStoreException>(() => store.FindAsync(RmaNumber.NewRandom(), Ct));

        Assert.Contains("version 99", error.Message, StringComparison.Ordinal);
        Assert.Contains("upgrade", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_WrongPassword_ThrowsReturnStoreExceptionWithoutPassword()
    {
        var builder = new NpgsqlConnectionStringBuilder(server.RequireConnectionString()) { Username = "nobody_here", Password = "s3cret-Pa55word", Pooling = false };
        await using var store = new PostgreSqlReturnStore(new PostgreSqlReturnStoreOptions { ConnectionString = builder.ConnectionString, Schema = PostgresServer.NewSchema() });

        var error = await Assert.ThrowsAsync<ReturnStoreException>(() => store.FindAsync(RmaNumber.NewRandom(), Ct));

        Assert.DoesNotContain("s3cret-Pa55word", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_NoServerListening_ThrowsReturnStoreException()
    {
        var builder = new NpgsqlConnectionStringBuilder(server.RequireConnectionString()) { Port = 1, Timeout = 2, Pooling = false };
        await using var store = new PostgreSqlReturnStore(new PostgreSqlReturnStoreOptions { ConnectionString = builder.ConnectionString, Schema = PostgresServer.NewSchema() });

        var error = await Assert.ThrowsAsync<ReturnStoreException>(() => store.FindAsync(RmaNumber.NewRandom(), Ct));

        Assert.Contains("cannot reach 127.0.0.1:1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Find_DocumentEditedByHand_ThrowsReturnStoreExceptionWithJsonPath()
    {
        var schema = PostgresServer.NewSchema();
        await using var store = Store(schema);
        var r = ReturnStoreTestData.NewReturn();
        await store.CommitAsync(ReturnStoreTestData.Create(r), Ct);
        await using (var connection = new NpgsqlConnection(server.RequireConnectionString()))
        {
            await connection.OpenAsync(Ct);
            using var command = new NpgsqlCommand($"UPDATE {schema}.returns SET document = '{{\"schemaVersion\":1,\"rma\":\"nope\"}}';", connection);
            await command.ExecuteNonQueryAsync(Ct);
        }

        var error = await Assert.ThrowsAsync<ReturnStoreException>(() => store.FindAsync(r.Rma, Ct));

        Assert.Contains("$.rma", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_SchemaWithQuote_ThrowsArgumentException()
    {
        using var dataSource = NpgsqlDataSource.Create(server.RequireConnectionString());

        Assert.Throws<ArgumentException>(() => new PostgreSqlReturnStore(dataSource, "returns\"; DROP TABLE x; --"));
    }

    [Fact]
    public async Task AddPostgreSqlStore_Configured_ResolvesOneStore()
    {
        var services = new ServiceCollection();
        services.AddReturns().AddPostgreSqlStore(o =>
        {
            o.ConnectionString = server.RequireConnectionString();
            o.Schema = "di_schema";
        });
        await using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<IReturnStore>();

        Assert.Same(provider.GetRequiredService<PostgreSqlReturnStore>(), store);
        Assert.Equal("di_schema", ((PostgreSqlReturnStore)store).Schema);
    }

    [Theory]
    [InlineData(null, "returns", "ConnectionString")]
    [InlineData("Host=127.0.0.1;Password=hunter2;Bogus Keyword=1", "returns", "cannot be parsed")]
    [InlineData("Host=127.0.0.1", "Returns-Schema", "lower-case")]
    public async Task AddPostgreSqlStore_InvalidOptions_FailsValidationWithoutSecrets(string? connectionString, string schema, string expected)
    {
        var services = new ServiceCollection();
        services.AddReturns().AddPostgreSqlStore(o =>
        {
            o.ConnectionString = connectionString;
            o.Schema = schema;
        });
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PostgreSqlReturnStoreOptions>>().Value);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }
}
