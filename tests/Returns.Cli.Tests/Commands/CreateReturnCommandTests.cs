using System.Text.Json;
using Microsoft.Data.Sqlite;
using Returns.Cli.Commands;
using Returns.Sdk.Carriers;
using Returns.Sdk.Lifecycle;
using Returns.Sdk.SelfService;
using Returns.Storage.Sqlite;

namespace Returns.Cli.Tests.Commands;

public sealed class CreateReturnCommandTests : IDisposable
{
    private const string Order = "WEB-100234";

    // A carrier option of the demo data that offers a printed label.
    private const string PostNlOffice = "post_office:tablerate:postnl:ReturnParcel";

    private readonly TempDirectory _folder = new();

    private string Db => Path.Combine(_folder.Path, "returns.db");

    public void Dispose()
    {
        // Pooled connections keep the file open on Windows; the folder could not be deleted.
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task CreateReturn_Quote_ListsRankedOptionsAndWritesNothing()
    {
        var result = await Run("--item", "1", "--quote", "--format", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var options = json.RootElement.GetProperty("options").EnumerateArray().ToList();
        Assert.True(options.Count > 1);
        Assert.Equal(Enumerable.Range(1, options.Count), options.Select(o => o.GetProperty("rank").GetInt32()));
        var office = Assert.Single(options, o => o.GetProperty("key").GetString() == PostNlOffice);
        // The refund is the line's refund less the method's fee, whatever the fee is.
        var inStore = Assert.Single(options, o => o.GetProperty("key").GetString() == "in_store");
        Assert.Equal(
            inStore.GetProperty("expectedRefund").GetDecimal() - office.GetProperty("customerCost").GetDecimal(),
            office.GetProperty("expectedRefund").GetDecimal());
        Assert.Equal("after_inspection", office.GetProperty("refundTiming").GetString());
        Assert.False(File.Exists(Db));
        Assert.Empty(Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public async Task CreateReturn_QuoteWithOption_ExitsTwo()
    {
        var result = await Run("--item", "1", "--quote", "--option", "in_store");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("--quote only lists the options; --option", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public async Task CreateReturn_DefaultOption_CreatesTheBestRankedOption()
    {
        var quote = await Run("--item", "1", "--quote", "--format", "json");
        using var quoted = JsonDocument.Parse(quote.Stdout);
        var best = quoted.RootElement.GetProperty("options")[0].GetProperty("key").GetString();

        var result = await Run("--item", "1", "--format", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(best, json.RootElement.GetProperty("option").GetProperty("key").GetString());
        var stored = Assert.Single(await Returns());
        Assert.Equal(stored.Rma.Value, json.RootElement.GetProperty("rma").GetString());
        Assert.Equal(["SNK-RUN-42"], stored.Lines.Select(l => l.Sku));
        Assert.True(json.RootElement.GetProperty("database").GetProperty("created").GetBoolean());
        Assert.False(json.RootElement.GetProperty("repeated").GetBoolean());
    }

    [Fact]
    public async Task CreateReturn_InStore_QrPayloadIsTheRmaAndNoLabel()
    {
        var result = await Run("--item", "1", "--option", "in_store", "--format", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        var rma = root.GetProperty("rma").GetString();
        Assert.Equal(rma, root.GetProperty("qrPayload").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("labelMode").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("labelFile").ValueKind);
        Assert.Equal("in_store", root.GetProperty("option").GetProperty("method").GetString());
        Assert.Contains(rma!, root.GetProperty("nextStep").GetString(), StringComparison.Ordinal);
        Assert.Equal(Sdk.ReturnMethod.InStore, Assert.Single(await Returns()).Method);
    }

    [Fact]
    public async Task CreateReturn_SameCommandTwice_ShowsTheSameRmaAndRecordsOnce()
    {
        var first = await Run("--item", "1", "--item", "2:1:too_small", "--format", "json");
        var second = await Run("--item", "2:1:too_small", "--item", "1", "--format", "json");

        Assert.Equal((ExitCodes.Success, ExitCodes.Success), (first.ExitCode, second.ExitCode));
        using var one = JsonDocument.Parse(first.Stdout);
        using var two = JsonDocument.Parse(second.Stdout);
        Assert.Equal(one.RootElement.GetProperty("rma").GetString(), two.RootElement.GetProperty("rma").GetString());
        Assert.Equal(one.RootElement.GetProperty("idempotencyKey").GetString(), two.RootElement.GetProperty("idempotencyKey").GetString());
        Assert.True(two.RootElement.GetProperty("repeated").GetBoolean());
        Assert.Single(await Returns());
    }

    [Fact]
    public async Task CreateReturn_SameCarrierCommandTwice_SameRmaAndOneLabel()
    {
        var first = await Run("--item", "2", "--option", PostNlOffice, "--label", "printed", "--format", "json");
        var second = await Run("--item", "2", "--option", PostNlOffice, "--label", "printed", "--format", "json");

        Assert.Equal((ExitCodes.Success, ExitCodes.Success, string.Empty), (first.ExitCode, second.ExitCode, first.Stderr + second.Stderr));
        using var one = JsonDocument.Parse(first.Stdout);
        using var two = JsonDocument.Parse(second.Stdout);
        Assert.Equal(one.RootElement.GetProperty("rma").GetString(), two.RootElement.GetProperty("rma").GetString());
        Assert.Equal(ReturnState.LabelIssued, Assert.Single(await Returns()).State);
    }

    [Fact]
    public async Task CreateReturn_UnknownOptionKey_ExitsTwoNamingTheKeyAndRecordsNothing()
    {
        var result = await Run("--item", "1", "--option", "teleport:acme:beam");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("'teleport:acme:beam' is not among the options offered now", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public async Task CreateReturn_UnknownOptionKeyOnExistingDatabase_RecordsNothingNew()
    {
        await Run("--item", "1", "--option", "in_store");

        var result = await Run("--item", "2", "--option", "teleport:acme:beam");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("teleport:acme:beam", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(["SNK-RUN-42"], (await Returns()).SelectMany(r => r.Lines).Select(l => l.Sku));
    }

    [Fact]
    public async Task CreateReturn_MailedLabelNotOfferedByTheCarrier_ExitsTwoAndRecordsNothing()
    {
        var result = await Run("--item", "2", "--option", PostNlOffice, "--label", "mailed");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("labelMode:", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public async Task CreateReturn_LabelOut_WritesThePdfThere()
    {
        var target = Path.Combine(_folder.Path, "labels", "mine.pdf");

        var result = await Run("--item", "2", "--option", PostNlOffice, "--label", "printed", "--label-out", target, "--format", "json");

        Assert.Equal((ExitCodes.Success, string.Empty), (result.ExitCode, result.Stderr));
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(target, json.RootElement.GetProperty("labelFile").GetString());
        var bytes = await File.ReadAllBytesAsync(target, TestContext.Current.CancellationToken);
        Assert.Equal("%PDF"u8.ToArray(), bytes.Take(4));
        Assert.Equal([target], Directory.GetFiles(Path.GetDirectoryName(target)!));
    }

    [Fact]
    public async Task CreateReturn_QrLabel_PrintsTheCarriersPayloadAndWritesNoFile()
    {
        var result = await Run("--item", "2", "--option", PostNlOffice, "--label", "qr", "--format", "json");

        Assert.Equal((ExitCodes.Success, string.Empty), (result.ExitCode, result.Stderr));
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal("qr", root.GetProperty("labelMode").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("labelFile").ValueKind);
        Assert.EndsWith(":" + root.GetProperty("rma").GetString(), root.GetProperty("qrPayload").GetString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder.Path, "*.pdf"));
    }

    [Theory]
    [InlineData("1:x", "--item #1 '1:x': the quantity (part 2) 'x' is not a whole number of 1 or more.")]
    [InlineData(":1", "the line id (part 1) is empty")]
    [InlineData("1:1:too_small:worn/none", "the packaging (part 4) 'worn' is not one of sealed|opened|missing")]
    public async Task CreateReturn_BadItemSyntax_ExitsTwoNamingThePart(string item, string expected)
    {
        var result = await Run("--item", item);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public async Task CreateReturn_UnknownLine_ReportsThePathAndRecordsNothing()
    {
        var result = await Run("--item", "1", "--item", "99");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("items[1].lineId: '99' is not a line of order 'WEB-100234'.", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(await Returns());
    }

    [Fact]
    public async Task CreateReturn_PrintedLabel_WritesAPdfNamedAfterTheRmaNextToTheDatabase()
    {
        var result = await Run("--item", "2", "--option", PostNlOffice, "--label", "printed", "--format", "json");

        Assert.Equal((ExitCodes.Success, string.Empty), (result.ExitCode, result.Stderr));
        using var json = JsonDocument.Parse(result.Stdout);
        var rma = json.RootElement.GetProperty("rma").GetString();
        var expected = Path.Combine(_folder.Path, rma + ".pdf");
        Assert.Equal(expected, json.RootElement.GetProperty("labelFile").GetString());
        Assert.Equal("printed", json.RootElement.GetProperty("labelMode").GetString());
        Assert.Equal("postnl", json.RootElement.GetProperty("option").GetProperty("carrier").GetString());
        var bytes = await File.ReadAllBytesAsync(expected, TestContext.Current.CancellationToken);
        Assert.Equal("%PDF"u8.ToArray(), bytes.Take(4));
    }

    [Fact]
    public async Task CreateReturn_Table_PrintsRmaPlaceRefundAndNextStep()
    {
        var result = await Run("--item", "2", "--option", PostNlOffice, "--label", "printed");

        Assert.Equal((ExitCodes.Success, string.Empty), (result.ExitCode, result.Stderr));
        var stored = Assert.Single(await Returns());
        Assert.Contains($"Return {stored.Rma}  label_issued", result.Console, StringComparison.Ordinal);
        Assert.Contains("PostNL point", result.Console, StringComparison.Ordinal);
        Assert.Contains("after_inspection", result.Console, StringComparison.Ordinal);
        Assert.Contains($"Next: Print {Path.Combine(_folder.Path, stored.Rma + ".pdf")}", result.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateReturn_CreatedReturn_IsFoundByStoreReturnFind()
    {
        var created = await Run("--item", "2", "--option", PostNlOffice, "--format", "json");
        using var json = JsonDocument.Parse(created.Stdout);
        var rma = json.RootElement.GetProperty("rma").GetString()!;

        var result = await CliRunner.RunAsync("store-return", "--find", rma, "--db", Db, "--format", "json");

        Assert.Equal((ExitCodes.Success, string.Empty), (result.ExitCode, result.Stderr));
        using var found = JsonDocument.Parse(result.Stdout);
        Assert.Equal(Order, found.RootElement.GetProperty("orders")[0].GetProperty("number").GetString());
        Assert.Equal(rma, found.RootElement.GetProperty("return").GetProperty("rma").GetString());
    }

    [Fact]
    public void DeriveKey_SameItemsInAnotherOrder_SameKey_OtherOptionOrLabelOtherKey()
    {
        var a = new SelfServiceRequest("WEB-1", [new SelfServiceItem("1", 1, "changed_mind"), new SelfServiceItem("2", 2, "too_small")]);
        var b = new SelfServiceRequest("web-1", [new SelfServiceItem("2", 2, "too_small"), new SelfServiceItem("1", 1, "changed_mind")]);

        var key = CreateReturnCommand.DeriveKey(a, null, null);

        Assert.Equal(key, CreateReturnCommand.DeriveKey(b, null, null));
        Assert.NotEqual(key, CreateReturnCommand.DeriveKey(a, "in_store", null));
        Assert.NotEqual(CreateReturnCommand.DeriveKey(a, PostNlOffice, null), CreateReturnCommand.DeriveKey(a, PostNlOffice, LabelModes.Printed));
        Assert.StartsWith("create-return-", key, StringComparison.Ordinal);
    }

    private Task<CliResult> Run(params string[] options) =>
        CliRunner.RunAsync(["create-return", "--db", Db, .. options]);

    private async Task<IReadOnlyList<ReturnRequest>> Returns() =>
        File.Exists(Db) ? await new SqliteReturnStore(new SqliteReturnStoreOptions { Path = Db }).FindByOrderAsync(Order, TestContext.Current.CancellationToken) : [];
}
