namespace Returns.Cli.Tests;

public sealed class CliAppTests
{
    [Fact]
    public async Task RunAsync_UnknownCommand_ExitsNonZeroWithError()
    {
        var result = await CliRunner.RunAsync("frobnicate");

        Assert.NotEqual(ExitCodes.Success, result.ExitCode);
        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("frobnicate", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoCommand_ExitsTwo()
    {
        var result = await CliRunner.RunAsync();

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("returns --help", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Help_ListsPolicyCommand()
    {
        var result = await CliRunner.RunAsync("--help");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("policy", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Help_ListsPointsAndOptionsCommands()
    {
        var result = await CliRunner.RunAsync("--help");

        Assert.Contains("points", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("options", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PointsWithoutSubcommand_ExitsTwo()
    {
        var result = await CliRunner.RunAsync("points");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("returns points --help", result.Stderr, StringComparison.Ordinal);
    }
}
