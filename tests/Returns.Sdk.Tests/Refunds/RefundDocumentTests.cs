using System.Text.Json.Nodes;
using Returns.Sdk.Lifecycle;
using Returns.Sdk.Refunds;
using static Returns.Sdk.Tests.Refunds.RefundFixtures;

namespace Returns.Sdk.Tests.Refunds;

public sealed class RefundDocumentTests
{
    private static string DocumentWithRefund()
    {
        var refund = RefundCalculator.Calculate(new RefundCalculationRequest(WebOrder(), [new RefundItem("1", 1)]));
        var r = new ReturnRequest(RmaNumber.NewRandom(), "C-1", [new ReturnRequestLine("WEB-1", "1", "TEE-M", 1, "too_small")], Placed)
        {
            Refunds = [new RefundRecord("X-R1", "WEB-1", refund, RefundTrigger.Inspected, Placed)],
        };
        return ReturnDocument.ToJson(r);
    }

    [Theory]
    [InlineData("status", "\"paid\"", "$.refunds[0].status")]
    [InlineData("attempt", "0", "$.refunds[0].attempt")]
    [InlineData("currency", "\"XXY\"", "$.refunds[0].currency")]
    [InlineData("bookedTo", "\"phone\"", "$.refunds[0].bookedTo")]
    [InlineData("trigger", "null", "$.refunds[0].trigger")]
    public void Parse_DamagedRefund_NamesTheField(string field, string value, string path)
    {
        var document = JsonNode.Parse(DocumentWithRefund())!;
        document["refunds"]![0]![field] = JsonNode.Parse(value);

        var ex = Assert.Throws<ReturnsValidationException>(() => ReturnDocument.Parse(document.ToJsonString()));

        Assert.Equal(path, Assert.Single(ex.Errors).Path);
    }

    [Fact]
    public void Parse_UnknownFieldInATender_IsRejected()
    {
        var document = JsonNode.Parse(DocumentWithRefund())!;
        document["refunds"]![0]!["tenders"]![0]!["cvv"] = "123";

        Assert.Throws<ReturnsValidationException>(() => ReturnDocument.Parse(document.ToJsonString()));
    }

    [Fact]
    public void StoreSale_BadValues_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => new StoreSale(" ", 1, Eur(1m), false));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StoreSale("X", 0, Eur(1m), false));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StoreSale("X", 1, Eur(-1m), false));
        Assert.Throws<ArgumentException>(() => new StoreHandling("", "a", Placed));
    }
}
