using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Returns.Cli.Commands;
using Returns.Sdk.Lifecycle;
using Returns.Sdk.StoreReturns;
using Returns.Storage.Sqlite;

namespace Returns.Cli.Tests.Commands;

public sealed class StoreReturnCommandTests : IDisposable
{
    private const string Order = "WEB-100234";

    // Inside every window of the demo order (delivered 5 November; 14 days for electronics, 30 for the rest).
    private const string At = "2026-11-12T15:00:00+01:00";

    private readonly TempDirectory _folder = new();

    private string Db => Path.Combine(_folder.Path, "returns.db");

    public void Dispose()
    {
        // Pooled connections keep the file open on Windows; the folder could not be deleted.
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task StoreReturn_DryRunWithoutDatabase_PreviewsAndCreatesNoFile()
    {
        var result = await Run("--item", "SNK-RUN-42", "--dry-run");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("Dry run for order WEB-100234: nothing recorded, nothing paid.", result.Console, StringComparison.Ordinal);
        Assert.Contains("30.21 EUR", result.Console, StringComparison.Ordinal);
        Assert.DoesNotContain("RMA-", result.Console, StringComparison.Ordinal);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public async Task StoreReturn_DryRunOnExistingDatabase_RecordsNoReturn()
    {
        var first = await Run("--item", "TEE-BASIC-M");
        Assert.Equal(ExitCodes.Success, first.ExitCode);

        var dryRun = await Run("--item", "SNK-RUN-42", "--dry-run", "--format", "json");

        Assert.Equal(ExitCodes.Success, dryRun.ExitCode);
        using var json = JsonDocument.Parse(dryRun.Stdout);
        Assert.True(json.RootElement.GetProperty("dryRun").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("rma").ValueKind);
        var stored = Assert.Single(await Returns());
        Assert.Equal(["TEE-BASIC-M"], stored.Lines.Select(l => l.Sku));
    }

    [Fact]
    public async Task StoreReturn_FullReturn_RefundsTheCardAndKeepsTheShoesInStore()
    {
        var result = await Run("--item", "SNK-RUN-42", "--item", "TEE-BASIC-M:1:too_small:opened/heavy");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
        var stored = Assert.Single(await Returns());
        Assert.Contains($"Store return {stored.Rma}  refunded", result.Console, StringComparison.Ordinal);
        // The demo order's gift card is paid back first, the card takes the rest: 79.36 + 15.84 - 49.15.
        Assert.Matches(@"│ card\s+│ psp_7Hq2\s+│ 46\.05 EUR │", result.Console);
        Assert.Matches(@"│ gift_card\s+│ -\s+│ 49\.15 EUR │", result.Console);
        Assert.Contains("Refund total: 95.20 EUR", result.Console, StringComparison.Ordinal);
        Assert.Matches(@"│ SNK-RUN-42\s+│\s+1 │ A\s+│ restock_as_new at ST-AMS\s+│ yes", result.Console);
        Assert.Matches(@"│ TEE-BASIC-M\s+│\s+1 │ C\s+│ sell_as_outlet at WH-NL\s+│ no", result.Console);
        Assert.Contains("Kept in store ST-AMS: 1 x SNK-RUN-42 (back in its own stock).", result.Console, StringComparison.Ordinal);
        Assert.Contains("Booked to: web  Handled at: ST-AMS", result.Console, StringComparison.Ordinal);
        Assert.Contains($"Returns database: {Db} (created)", result.Console, StringComparison.Ordinal);
        Assert.Equal(ReturnState.Refunded, stored.State);
        Assert.Equal(("ST-AMS", "demo-associate"), (stored.StoreHandling!.StoreId, stored.StoreHandling.AssociateId));
    }

    [Fact]
    public async Task StoreReturn_SameCommandTwice_ShowsTheSameRmaAndRefundsOnce()
    {
        var first = await Run("--item", "SNK-RUN-42", "--item", "TEE-BASIC-M", "--format", "json");
        var second = await Run("--item", "TEE-BASIC-M", "--item", "SNK-RUN-42", "--format", "json");

        Assert.Equal((ExitCodes.Success, ExitCodes.Success), (first.ExitCode, second.ExitCode));
        using var one = JsonDocument.Parse(first.Stdout);
        using var two = JsonDocument.Parse(second.Stdout);
        Assert.Equal(one.RootElement.GetProperty("rma").GetString(), two.RootElement.GetProperty("rma").GetString());
        Assert.Equal(one.RootElement.GetProperty("idempotencyKey").GetString(), two.RootElement.GetProperty("idempotencyKey").GetString());
        Assert.False(one.RootElement.GetProperty("repeated").GetBoolean());
        Assert.True(two.RootElement.GetProperty("repeated").GetBoolean());
        Assert.False(two.RootElement.GetProperty("database").GetProperty("created").GetBoolean());

        var stored = Assert.Single(await Returns());
        var refund = Assert.Single(stored.Refunds);
        Assert.Equal(1, refund.Calls);
        var history = await Store().GetHistoryAsync(stored.Rma, TestContext.Current.CancellationToken);
        Assert.Single(history, h => h.Action == "refund_succeeded");
    }

    [Fact]
    public async Task StoreReturn_SameCommandTwiceAsTable_SaysItWasAlreadyProcessed()
    {
        await Run("--item", "SNK-RUN-42");

        var second = await Run("--item", "SNK-RUN-42");

        var stored = Assert.Single(await Returns());
        Assert.Contains($"Store return {stored.Rma}  refunded", second.Console, StringComparison.Ordinal);
        Assert.Contains("Already processed with key store-return-", second.Console, StringComparison.Ordinal);
        Assert.Contains("nothing new was recorded or paid", second.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreReturn_Json_HasTheDocumentedShape()
    {
        var result = await Run("--item", "SNK-RUN-42", "--format", "json", "--associate", "assoc-17");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(string.Empty, result.Console);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(
            ["dryRun", "repeated", "rma", "state", "orderNumber", "storeId", "associateId", "resolution", "at", "idempotencyKey", "database", "currency", "items", "refunds", "refundTotal", "amountDue", "bookedTo", "handledAt"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal((await Returns())[0].Rma.Value, root.GetProperty("rma").GetString());
        Assert.Equal("refunded", root.GetProperty("state").GetString());
        Assert.Equal(("WEB-100234", "ST-AMS", "assoc-17", "original_payment"), (root.GetProperty("orderNumber").GetString(), root.GetProperty("storeId").GetString(), root.GetProperty("associateId").GetString(), root.GetProperty("resolution").GetString()));
        Assert.Equal(DateTimeOffset.Parse(At, CultureInfo.InvariantCulture), root.GetProperty("at").GetDateTimeOffset());
        Assert.Equal(Db, root.GetProperty("database").GetProperty("path").GetString());
        Assert.True(root.GetProperty("database").GetProperty("created").GetBoolean());

        var item = Assert.Single(root.GetProperty("items").EnumerateArray().ToList());
        Assert.Equal(("1", "SNK-RUN-42", 1, "A", "restock_as_new", "ST-AMS", true), (item.GetProperty("lineId").GetString(), item.GetProperty("sku").GetString(), item.GetProperty("quantity").GetInt32(), item.GetProperty("grade").GetString(), item.GetProperty("disposition").GetString(), item.GetProperty("siteId").GetString(), item.GetProperty("keptInStore").GetBoolean()));

        var refund = Assert.Single(root.GetProperty("refunds").EnumerateArray().ToList());
        Assert.Equal("succeeded", refund.GetProperty("status").GetString());
        Assert.Equal(79.36m, refund.GetProperty("total").GetDecimal());
        Assert.Equal(
            [("gift_card", null, 49.15m), ("card", "psp_7Hq2", 30.21m)],
            refund.GetProperty("tenders").EnumerateArray().Select(t => (t.GetProperty("kind").GetString(), t.GetProperty("reference").GetString(), t.GetProperty("amount").GetDecimal())));
        Assert.Equal(79.36m, root.GetProperty("refundTotal").GetDecimal());
        Assert.Equal(JsonValueKind.Number, root.GetProperty("amountDue").ValueKind);
        Assert.Equal(("web", "ST-AMS"), (root.GetProperty("bookedTo").GetString(), root.GetProperty("handledAt").GetString()));
        Assert.StartsWith("{\n  \"dryRun\": false,\n", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SNK-RUN-42:two", "--item #1 'SNK-RUN-42:two': the quantity (part 2) 'two' is not a whole number")]
    [InlineData("SNK-RUN-42:1:too_small:sealed", "--item #1 'SNK-RUN-42:1:too_small:sealed': the condition (part 4) 'sealed' is not PACKAGING/USE")]
    [InlineData("SNK-RUN-42:1:too_small:worn/none", "the packaging (part 4) 'worn' is not one of sealed|opened|missing")]
    [InlineData("SNK-RUN-42:1:too_small:opened/lots", "the use (part 4) 'lots' is not one of none|light|heavy")]
    [InlineData(":1", "the SKU (part 1) is empty")]
    [InlineData("A:1:b:sealed/none:extra", "it has 5 parts")]
    public async Task StoreReturn_BadItemSyntax_ExitsTwoNamingTheItemAndThePart(string item, string expected)
    {
        var result = await Run("--item", item);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public async Task StoreReturn_UnknownSku_ReportsThePathAndRecordsNothing()
    {
        var result = await Run("--item", "SNK-RUN-42", "--item", "NOT-SOLD");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal("items[1].sku: 'NOT-SOLD' is not on order 'WEB-100234'.", result.Stderr.Trim());
        Assert.Equal(string.Empty, result.Console);
        Assert.Empty(await Returns());
    }

    [Fact]
    public async Task StoreReturn_UnknownReason_ReportsTheReasonPath()
    {
        var result = await Run("--item", "SNK-RUN-42:1:wore_it_once");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("items[0].reasonCode: 'wore_it_once' is not a known reason code.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreReturn_ExchangeForADearerProduct_PrintsTheAmountDueAndPaysNothingBack()
    {
        var table = await Run("--item", "SNK-RUN-42:1:too_small", "--exchange", "SNK-TRAIL-43:99.95");
        var json = await Run("--item", "SNK-RUN-42:1:too_small", "--exchange", "SNK-TRAIL-43:99.95", "--format", "json");

        Assert.Equal(ExitCodes.Success, table.ExitCode);
        Assert.Contains("Amount due at the till: 20.59 EUR (exchange worth 99.95 EUR)", table.Console, StringComparison.Ordinal); // 99.95 - 79.36
        Assert.Contains("nothing paid back", table.Console, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Stdout);
        var root = document.RootElement;
        Assert.Equal(("exchange", "exchanged"), (root.GetProperty("resolution").GetString(), root.GetProperty("state").GetString()));
        Assert.Equal((20.59m, 0m), (root.GetProperty("amountDue").GetDecimal(), root.GetProperty("refundTotal").GetDecimal()));
        Assert.Equal(99.95m, root.GetProperty("refunds")[0].GetProperty("exchangeValue").GetDecimal());
        var stored = Assert.Single(await Returns());
        Assert.Equal([new StoreSale("SNK-TRAIL-43", 1, Sdk.Money.Of(20.59m, "EUR"), IsExchange: true)], stored.StoreHandling!.Sales);
    }

    [Theory]
    [InlineData(new[] { "--resolution", "exchange" }, "--resolution exchange needs the product handed over")]
    [InlineData(new[] { "--resolution", "store_credit", "--exchange", "X:1" }, "the resolution is exchange, not store_credit")]
    [InlineData(new[] { "--resolution", "cash" }, "'cash' is not a resolution")]
    [InlineData(new[] { "--exchange", "X:1,50" }, "the price '1,50' is not an amount")]
    [InlineData(new[] { "--rma", "RMA-1" }, "'RMA-1' is not an RMA number")]
    [InlineData(new[] { "--key", "has space" }, "--key 'has space' is not an idempotency key")]
    public async Task StoreReturn_BadOption_ExitsTwoSayingWhy(string[] options, string expected)
    {
        var result = await Run(["--item", "SNK-RUN-42", .. options]);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public async Task StoreReturn_NeitherOrderNorFind_ExitsTwo()
    {
        var result = await CliRunner.RunAsync("store-return", "--item", "SNK-RUN-42", "--db", Db);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("Give the order being returned with --order NUMBER", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreReturn_WindowClosedAtTheGivenInstant_RefusesTheItem()
    {
        var result = await CliRunner.RunAsync("store-return", "--order", Order, "--item", "HP-NC-700", "--db", Db, "--at", "2026-11-25T12:00:00Z");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("items[0]: 'HP-NC-700' cannot be returned", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(await Returns());
    }

    [Fact]
    public async Task StoreReturn_BundledOrderWithoutAt_UsesTheDemoInstant()
    {
        var result = await CliRunner.RunAsync("store-return", "--order", Order, "--item", "HP-NC-700", "--db", Db, "--dry-run", "--format", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(StoreReturnCommand.DemoAt, json.RootElement.GetProperty("at").GetDateTimeOffset());
    }

    [Fact]
    public async Task StoreReturn_OwnOrderFileWithoutAt_UsesTheClock()
    {
        var result = await CliRunner.RunAsync("store-return", "--order", Order, "--order-file", DemoFiles.OrderPath, "--item", "SNK-RUN-42", "--db", Db, "--dry-run", "--format", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(CliRunner.Now, json.RootElement.GetProperty("at").GetDateTimeOffset());
    }

    [Fact]
    public async Task StoreReturn_Help_NamesTheDemoInstant()
    {
        var result = await CliRunner.RunAsync("store-return", "--help");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("2026-11-12T15:00+01:00", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreReturn_FindByEmail_PrintsTheOrderAndItsLines()
    {
        var result = await CliRunner.RunAsync("store-return", "--find", "ANNA@example.com", "--db", Db);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("WEB-100234", result.Console, StringComparison.Ordinal);
        Assert.Contains("2: 3 x TEE-BASIC-M", result.Console, StringComparison.Ordinal);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public async Task StoreReturn_FindByRma_NamesTheReturnAndItsOrder()
    {
        await Run("--item", "SNK-RUN-42");
        var rma = (await Returns())[0].Rma.Value;

        var result = await CliRunner.RunAsync("store-return", "--find", rma.ToLowerInvariant(), "--db", Db, "--format", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("WEB-100234", json.RootElement.GetProperty("orders")[0].GetProperty("number").GetString());
        Assert.Equal((rma, "refunded"), (json.RootElement.GetProperty("return").GetProperty("rma").GetString(), json.RootElement.GetProperty("return").GetProperty("state").GetString()));
    }

    [Fact]
    public async Task StoreReturn_FindWithAnItem_ExitsTwo()
    {
        var result = await CliRunner.RunAsync("store-return", "--find", Order, "--item", "SNK-RUN-42", "--db", Db);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("--find only looks orders up; --item", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void DeriveKey_SameItemsInAnotherOrderOrCase_SameKey_OtherStoreOtherKey()
    {
        var condition = new Sdk.DeclaredCondition(Sdk.PackagingState.Sealed, Sdk.UsageLevel.None);
        var a = new StoreReturnRequest("WEB-1", "ST-AMS", "x", [new StoreReturnItem("A", 1, "changed_mind", condition), new StoreReturnItem("B", 2, "too_small", condition)]);
        var b = new StoreReturnRequest("web-1", "ST-AMS", "y", [new StoreReturnItem("b", 2, "too_small", condition), new StoreReturnItem("A", 1, "changed_mind", condition)]);

        var key = StoreReturnCommand.DeriveKey(a, []);

        Assert.Equal(key, StoreReturnCommand.DeriveKey(b, []));
        Assert.NotEqual(key, StoreReturnCommand.DeriveKey(a with { StoreId = "ST-UTR" }, []));
        Assert.NotEqual(key, StoreReturnCommand.DeriveKey(a, [new ExchangeArgument("C", 10m)]));
        Assert.StartsWith("store-return-", key, StringComparison.Ordinal);
        Assert.Equal(45, key.Length);
    }

    private Task<CliResult> Run(params string[] options) =>
        CliRunner.RunAsync(["store-return", "--order", Order, "--db", Db, "--at", At, .. options]);

    private SqliteReturnStore Store() => new(new SqliteReturnStoreOptions { Path = Db });

    private async Task<IReadOnlyList<ReturnRequest>> Returns() =>
        File.Exists(Db) ? await Store().FindByOrderAsync(Order, TestContext.Current.CancellationToken) : [];
}
