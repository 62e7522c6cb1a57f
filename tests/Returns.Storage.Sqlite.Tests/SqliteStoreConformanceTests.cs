using Returns.Sdk.Lifecycle;
using Returns.Storage.Testing;

namespace Returns.Storage.Sqlite.Tests;

public sealed class SqliteStoreConformanceTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public static TheoryData<string> Checks => [.. ReturnStoreConformance.CheckNames];

    [Theory]
    [MemberData(nameof(Checks))]
    public Task SqliteStore_PassesCheck(string check) =>
        ReturnStoreConformance.RunCheckAsync(
            check,
            _ => Task.FromResult<IReturnStore>(new SqliteReturnStore(new SqliteReturnStoreOptions { Path = _folder.File(check + ".db") })),
            TestContext.Current.CancellationToken);

    public void Dispose() => _folder.Dispose();
}
