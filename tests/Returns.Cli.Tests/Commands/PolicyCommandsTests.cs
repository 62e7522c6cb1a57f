using System.Text.Json;

namespace Returns.Cli.Tests.Commands;

public sealed class PolicyCommandsTests
{
    private const string At = "2026-11-20T12:00:00Z";

    [Fact]
    public async Task Evaluate_DemoFilesAsTable_ExitsZeroAndShowsOrderAndDecisions()
    {
        var result = await CliRunner.RunAsync("policy", "evaluate", "--at", At);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
        Assert.Contains("WEB-100234", result.Console, StringComparison.Ordinal);
        Assert.Contains("2026.1", result.Console, StringComparison.Ordinal);
        Assert.Contains("window_expired", result.Console, StringComparison.Ordinal);
        Assert.Contains("post_office", result.Console, StringComparison.Ordinal);
        // The last returnable day, not the midnight after it: delivered 5 November, 30 days.
        Assert.Contains("2026-12-05", result.Console, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-12-06", result.Console, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public async Task Evaluate_JsonFormat_ParsesWithFiveLinesAndExpectedCodes()
    {
        var result = await CliRunner.RunAsync("policy", "evaluate", "--at", At, "--format", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(string.Empty, result.Console);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal("WEB-100234", root.GetProperty("orderNumber").GetString());
        Assert.Equal("2026.1", root.GetProperty("policyVersion").GetString());
        Assert.Equal("EUR", root.GetProperty("currency").GetString());
        Assert.Equal(DateTimeOffset.Parse(At, System.Globalization.CultureInfo.InvariantCulture), root.GetProperty("evaluatedAt").GetDateTimeOffset());

        var lines = root.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("lineId").GetString()!);
        Assert.Equal(5, lines.Count);

        Assert.False(lines["3"].GetProperty("returnable").GetBoolean());
        Assert.Equal("window_expired", lines["3"].GetProperty("code").GetString());
        Assert.Equal("rule", lines["3"].GetProperty("windowSource").GetString());
        Assert.Empty(lines["3"].GetProperty("refundTypes").EnumerateArray());

        Assert.True(lines["1"].GetProperty("returnable").GetBoolean());
        Assert.Equal("within_window", lines["1"].GetProperty("code").GetString());
        Assert.Equal(1, lines["1"].GetProperty("returnableQuantity").GetInt32());
        Assert.Equal(
            ["original_payment", "store_credit", "exchange"],
            lines["1"].GetProperty("refundTypes").EnumerateArray().Select(t => t.GetString()!).ToArray());
    }

    [Fact]
    public async Task Evaluate_JsonFormat_WritesAmountsAsNumbersAndUnescapedOffsets()
    {
        var result = await CliRunner.RunAsync("policy", "evaluate", "--at", At, "--format", "json");

        using var json = JsonDocument.Parse(result.Stdout);
        var postOffice = json.RootElement.GetProperty("methodFees").EnumerateArray()
            .Single(f => f.GetProperty("method").GetString() == "post_office");
        Assert.Equal(JsonValueKind.Number, postOffice.GetProperty("fee").ValueKind);
        Assert.Equal(3.95m, postOffice.GetProperty("fee").GetDecimal());
        Assert.Equal(3.95m, postOffice.GetProperty("total").GetDecimal());
        Assert.False(postOffice.GetProperty("waived").GetBoolean());

        Assert.Contains("\"deadline\": \"2026-11-20T00:00:00+01:00\"", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', result.Stdout);
        Assert.StartsWith("{\n  \"orderNumber\": \"WEB-100234\",\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_NoAt_JudgesAtTheContextClock()
    {
        var result = await CliRunner.RunAsync("policy", "evaluate", "--format", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(CliRunner.Now, json.RootElement.GetProperty("evaluatedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Evaluate_AtWithOffset_KeepsTheOffset()
    {
        var result = await CliRunner.RunAsync("policy", "evaluate", "--at", "2026-11-20T13:00:00+01:00", "--format", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("\"evaluatedAt\": \"2026-11-20T13:00:00+01:00\"", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_SkuWithBrackets_PrintsItLiterally()
    {
        using var temp = new TempDirectory();
        var order = temp.Write("order.json", DemoFiles.OrderJson.Replace("\"SNK-RUN-42\"", "\"[SALE] SNK-42 [/]\"", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync("policy", "evaluate", "--order", order, "--at", At);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("[SALE] SNK-42 [/]", result.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_PolicySyntaxError_ExitsTwoNamingFileAndLine()
    {
        using var temp = new TempDirectory();
        var policy = temp.Write("broken.json", "{\n  \"policyId\": \"demo\",\n  \"versions\": [ ,\n}\n");

        var result = await CliRunner.RunAsync("policy", "evaluate", "--policy", policy, "--at", At);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.StartsWith($"{policy}(3,", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Console);
    }

    [Fact]
    public async Task Evaluate_PolicyUnknownField_ExitsTwoNamingJsonPath()
    {
        using var temp = new TempDirectory();
        var policy = temp.Write(
            "unknown-field.json",
            DemoFiles.PolicyJson.Replace("\"window\": { \"days\": 30 },", "\"window\": { \"days\": 30 }, \"windw\": { \"days\": 31 },", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync("policy", "evaluate", "--policy", policy, "--at", At);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("$.versions[0].windw", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(policy, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_OrderNegativeQuantity_ExitsTwoNamingLinePath()
    {
        using var temp = new TempDirectory();
        var json = DemoFiles.OrderJson;
        var first = json.IndexOf("\"quantity\": 1", StringComparison.Ordinal);
        var order = temp.Write("negative.json", string.Concat(json.AsSpan(0, first), "\"quantity\": -1", json.AsSpan(first + "\"quantity\": 1".Length)));

        var result = await CliRunner.RunAsync("policy", "evaluate", "--order", order, "--at", At);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("$.lines[0].quantity", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Evaluate_OrderInCurrencyThePolicyLacks_ExitsTwo()
    {
        using var temp = new TempDirectory();
        var order = temp.Write("usd.json", DemoFiles.OrderJson.Replace("\"currency\": \"EUR\"", "\"currency\": \"USD\"", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync("policy", "evaluate", "--order", order, "--at", At);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("USD", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_MissingFile_ExitsTwoNamingFile()
    {
        using var temp = new TempDirectory();
        var missing = Path.Combine(temp.Path, "does-not-exist.json");

        var result = await CliRunner.RunAsync("policy", "evaluate", "--policy", missing);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("not found", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(missing, result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-11-20")]
    [InlineData("2026-11-20T12:00:00")]
    [InlineData("20/11/2026 12:00 +01:00")]
    public async Task Evaluate_BadAt_ExitsTwoWithUsageError(string at)
    {
        var result = await CliRunner.RunAsync("policy", "evaluate", "--at", at);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains($"'{at}' is not an ISO 8601 instant", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("returns policy evaluate --help", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public async Task Evaluate_BadFormat_ExitsTwo()
    {
        var result = await CliRunner.RunAsync("policy", "evaluate", "--format", "xml");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("'xml' is not an output format", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_Help_ExitsZeroAndDescribesEveryOption()
    {
        var result = await CliRunner.RunAsync("policy", "evaluate", "--help");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        foreach (var option in new[] { "--policy", "--order", "--at", "--format", "data/policy.json", "data/order-web.json" })
        {
            Assert.Contains(option, result.Stdout, StringComparison.Ordinal);
        }
    }
}
