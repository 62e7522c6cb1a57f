using Returns.Sdk.Forecast;
using Returns.Sdk.Grading;
using Returns.Sdk.Lifecycle;

namespace Returns.Sdk.Tests.Forecast;

public sealed class AdvanceShippingNoticeFromReturnTests
{
    [Fact]
    public void FromReturn_LabelledReturn_CarriesWarehouseTrackingAndRoutedLines()
    {
        var request = new ReturnRequest(RmaNumber.NewRandom(), "c", [new ReturnRequestLine("W1", "L1", "SKU-A", 2, "too_small") { Category = "apparel" }, new ReturnRequestLine("W1", "L2", "SKU-B", 1, "defective")], DateTimeOffset.UnixEpoch)
        {
            WarehouseId = "WH-1",
            Method = ReturnMethod.ParcelLocker,
            CarrierId = "dhl",
            TrackingNumber = "JV1",
        };

        var notice = AdvanceShippingNotice.FromReturn(request, new DateOnly(2026, 12, 1), l => l.ReasonCode == "defective" ? (ConditionGrade.D, Disposition.ReturnToVendor) : (ConditionGrade.A, Disposition.RestockAsNew));

        Assert.Equal((request.Rma, "WH-1", "dhl", "JV1", 3), (notice.Rma, notice.WarehouseId, notice.CarrierId, notice.TrackingNumber, notice.Units));
        Assert.Equal([(ConditionGrade.A, Disposition.RestockAsNew, "apparel"), (ConditionGrade.D, Disposition.ReturnToVendor, null)], notice.Lines.Select(l => (l.DeclaredGrade, l.ExpectedDisposition, l.Category)));
    }

    [Fact]
    public void FromReturn_NoWarehouse_ThrowsNamingReturn()
    {
        var request = new ReturnRequest(RmaNumber.NewRandom(), "c", [new ReturnRequestLine("W1", "L1", "SKU-A", 1, "too_small")], DateTimeOffset.UnixEpoch) { Method = ReturnMethod.PostOffice };

        var error = Assert.Throws<ArgumentException>(() => AdvanceShippingNotice.FromReturn(request, new DateOnly(2026, 12, 1), _ => (ConditionGrade.A, Disposition.RestockAsNew)));

        Assert.Contains(request.Rma.Value, error.Message, StringComparison.Ordinal);
    }
}
