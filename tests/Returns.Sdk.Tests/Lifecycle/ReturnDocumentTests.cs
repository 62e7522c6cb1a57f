using Returns.Sdk.Lifecycle;

namespace Returns.Sdk.Tests.Lifecycle;

public sealed class ReturnDocumentTests
{
    private static ReturnRequest Sample() =>
        new ReturnRequest(
            RmaNumber.FromSymbols("012345678"),
            "customer-9",
            [
                new ReturnRequestLine("WEB-1", "L1", "SKU-1", 2, "too_small") { Category = "shoes", Comment = "half a size", Condition = new DeclaredCondition(PackagingState.Sealed, UsageLevel.None) { TagsAttached = true, PhotoCount = 1 } },
                new ReturnRequestLine("WEB-2", "L9", "SKU-2", 1, "defective") { Condition = new DeclaredCondition(PackagingState.Missing, UsageLevel.Heavy) { DefectDescription = "zip broken" } },
            ],
            new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.FromHours(1)))
        {
            State = ReturnState.InTransit,
            Version = 4,
            UpdatedAt = new DateTimeOffset(2026, 3, 29, 3, 30, 0, TimeSpan.FromHours(2)),
            Method = ReturnMethod.ParcelLocker,
            CarrierId = "table-rate",
            ServiceCode = "locker",
            TrackingNumber = "TR1",
            WarehouseId = "WH-NL",
            ExpectedArrival = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.FromHours(2)),
            AuthorizedUntil = new DateTimeOffset(2026, 4, 28, 0, 0, 0, TimeSpan.Zero),
        };

    [Fact]
    public void ToJson_Sample_WritesDocumentedShape()
    {
        var json = ReturnDocument.ToJson(Sample());

        Assert.Equal(
            """{"schemaVersion":1,"rma":"RMA-01234-56789","customerId":"customer-9","state":"in_transit","version":4,"createdAt":"2026-03-29T01:30:00+01:00","updatedAt":"2026-03-29T03:30:00+02:00","method":"parcel_locker","carrierId":"table-rate","serviceCode":"locker","trackingNumber":"TR1","warehouseId":"WH-NL","expectedArrival":"2026-04-01T00:00:00+02:00","authorizedUntil":"2026-04-28T00:00:00+00:00","lines":[{"orderNumber":"WEB-1","lineId":"L1","sku":"SKU-1","quantity":2,"reasonCode":"too_small","comment":"half a size","category":"shoes","condition":{"packaging":"sealed","signsOfUse":"none","tagsAttached":true,"photoCount":1}},{"orderNumber":"WEB-2","lineId":"L9","sku":"SKU-2","quantity":1,"reasonCode":"defective","condition":{"packaging":"missing","signsOfUse":"heavy","defectDescription":"zip broken","photoCount":0}}]}""",
            json);
    }

    [Fact]
    public void Parse_WrittenDocument_RoundTripsEveryField()
    {
        var original = Sample();

        var parsed = ReturnDocument.Parse(ReturnDocument.ToUtf8Json(original));

        Assert.Equal(ReturnDocument.ToJson(original), ReturnDocument.ToJson(parsed));
        Assert.Equal(original.UpdatedAt.Offset, parsed.UpdatedAt.Offset);
        Assert.Equal(["WEB-1", "WEB-2"], parsed.OrderNumbers);
    }

    [Fact]
    public void Parse_ConfirmationKey_RoundTrips()
    {
        var original = Sample() with { ConfirmationKey = "portal-3f9a" };

        var json = ReturnDocument.ToJson(original);
        var parsed = ReturnDocument.Parse(ReturnDocument.ToUtf8Json(original));

        Assert.Contains("\"confirmationKey\":\"portal-3f9a\"", json, StringComparison.Ordinal);
        Assert.Equal("portal-3f9a", parsed.ConfirmationKey);
    }

    [Theory]
    [InlineData("""{"schemaVersion":1,"rma":"RMA-01234-56789","customerId":"c","state":"flying","version":1,"createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z","lines":[{"orderNumber":"o","lineId":"l","sku":"s","quantity":1,"reasonCode":"r"}]}""", "$.state")]
    [InlineData("""{"schemaVersion":2,"rma":"RMA-01234-56789"}""", "$.schemaVersion")]
    [InlineData("""{"schemaVersion":1,"rma":"RMA-01234-56788","customerId":"c","lines":[]}""", "$.rma")]
    [InlineData("""{"schemaVersion":1,"rma":"RMA-01234-56789","customerId":"c","state":"requested","version":1,"lines":[]}""", "$.lines")]
    [InlineData("""{"schemaVersion":1,"rma":"RMA-01234-56789","customerId":"c","state":"requested","version":1,"lines":[{"orderNumber":"o","lineId":"l","sku":"s","quantity":0,"reasonCode":"r"}]}""", "$.lines[0]")]
    [InlineData("""{"schemaVersion":1,"rma":"RMA-01234-56789","customerId":"c","state":"requested","version":1,"lines":[{"orderNumber":"o","lineId":"l","sku":"s","quantity":1,"reasonCode":"r","condition":{"packaging":"torn","signsOfUse":"none"}}]}""", "$.lines[0].condition.packaging")]
    [InlineData("""{"schemaVersion":1,"rma":"RMA-01234-56789","surprise":true}""", "$.surprise")]
    [InlineData("""{"schemaVersion":1,"version":"4"}""", "$.version")]
    public void Parse_InvalidDocument_ReportsJsonPath(string json, string path)
    {
        var error = Assert.Throws<ReturnsValidationException>(() => ReturnDocument.Parse(json, "row 7"));

        Assert.StartsWith(path, error.Errors[0].Path, StringComparison.Ordinal);
        Assert.Equal("row 7", error.Errors[0].Source);
    }
}
