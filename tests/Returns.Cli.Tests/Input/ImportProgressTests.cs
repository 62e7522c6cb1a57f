using Returns.Cli.Input;
using Returns.Cli.Output;

namespace Returns.Cli.Tests.Input;

public sealed class ImportProgressTests
{
    private const long Large = ImportProgress.LargeFileBytes + 1;

    [Fact]
    public void ShouldShow_InteractiveTableLargeFile_True() =>
        Assert.True(ImportProgress.ShouldShow(consoleIsInteractive: true, outputIsRedirected: false, OutputFormat.Table, Large));

    [Theory]
    [InlineData(false, false, false, Large)]
    [InlineData(true, true, false, Large)]
    [InlineData(true, false, true, Large)]
    [InlineData(true, false, false, ImportProgress.LargeFileBytes)]
    [InlineData(true, false, false, 0)]
    [InlineData(false, true, true, Large)]
    public void ShouldShow_AnyConditionMissing_False(bool interactive, bool redirected, bool json, long bytes) =>
        Assert.False(ImportProgress.ShouldShow(interactive, redirected, json ? OutputFormat.Json : OutputFormat.Table, bytes));

    [Fact]
    public void LargeFileBytes_IsOneMebibyte() => Assert.Equal(1024 * 1024, ImportProgress.LargeFileBytes);
}
