using Returns.Sdk.Lifecycle;

namespace Returns.Storage.Testing.Tests;

public sealed class InMemoryStoreConformanceTests
{
    public static TheoryData<string> Checks => [.. ReturnStoreConformance.CheckNames];

    [Theory]
    [MemberData(nameof(Checks))]
    public Task InMemoryStore_PassesCheck(string check) =>
        ReturnStoreConformance.RunCheckAsync(check, _ => Task.FromResult<IReturnStore>(new InMemoryReturnStore()), TestContext.Current.CancellationToken);

    [Fact]
    public async Task RunCheckAsync_UnknownCheck_ThrowsArgumentException()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => ReturnStoreConformance.RunCheckAsync("no_such_check", _ => Task.FromResult<IReturnStore>(new InMemoryReturnStore()), TestContext.Current.CancellationToken));
        Assert.Contains("no_such_check", error.Message, StringComparison.Ordinal);
    }
}
