using Returns.Sdk.Lifecycle;
using Returns.Storage.Testing;

namespace Returns.Storage.PostgreSql.Tests;

public sealed class PostgreSqlStoreConformanceTests(PostgresServer server)
{
    public static TheoryData<string> Checks => [.. ReturnStoreConformance.CheckNames];

    [Theory]
    [MemberData(nameof(Checks))]
    public Task PostgreSqlStore_PassesCheck(string check) =>
        ReturnStoreConformance.RunCheckAsync(
            check,
            _ => Task.FromResult<IReturnStore>(new PostgreSqlReturnStore(new PostgreSqlReturnStoreOptions { ConnectionString = server.RequireConnectionString(), Schema = PostgresServer.NewSchema() })),
            TestContext.Current.CancellationToken);
}
