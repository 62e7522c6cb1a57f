using Returns.Sdk.Refunds;
using static Returns.Sdk.Tests.Refunds.RefundFixtures;

namespace Returns.Sdk.Tests.Refunds;

public sealed class RefundCalculatorTests
{
    private static RefundCalculation Calculate(Order order, params RefundItem[] items) =>
        RefundCalculator.Calculate(new RefundCalculationRequest(order, items));

    [Fact]
    public void Calculate_OneUnit_ProratesBothDiscountsAndGivesTheFirstUnitTheRemainderCent()
    {
        var refund = Calculate(WebOrder(), new RefundItem("1", 1));

        var line = Assert.Single(refund.Lines);
        Assert.Equal(Eur(16.71m), line.Paid);       // 50.11 / 3 = 16.70 r 1 -> the first unit takes the cent
        Assert.Equal(Eur(3.25m), line.Discount);    // (6.00 + 3.74) / 3 = 3.24 r 2 -> 3.25
        Assert.Equal(Eur(3.12m), line.Tax);         // 9.35 / 3 = 3.11 r 2 -> 3.12
        Assert.Equal(Eur(16.71m), refund.Total);
        Assert.Equal(Eur(0m), refund.Shipping);
        Assert.Equal([new TenderRefund(TenderKind.GiftCard, "gc_1", Eur(16.71m))], refund.Tenders);
    }

    [Fact]
    public void Calculate_RemainingUnitsAfterAnEarlierRefund_AddUpToWhatWasPaidForTheLine()
    {
        var order = WebOrder();
        var first = Calculate(order, new RefundItem("1", 1));
        var rest = RefundCalculator.Calculate(new RefundCalculationRequest(order, [new RefundItem("1", 2)]) { History = RefundHistory.None.Add(first) });

        Assert.Equal(Eur(33.40m), rest.Total);
        Assert.Equal(Eur(50.11m), first.Total + rest.Total);
        // The gift card had 38.75: 16.71 went first, 22.04 remain, then the card.
        Assert.Equal([new TenderRefund(TenderKind.GiftCard, "gc_1", Eur(22.04m)), new TenderRefund(TenderKind.Card, "psp_card", Eur(11.36m))], rest.Tenders);
    }

    [Fact]
    public void Calculate_WholeOrderWithWholeOrderShippingRule_RefundsExactlyWhatWasPaid()
    {
        var refund = RefundCalculator.Calculate(new RefundCalculationRequest(WebOrder(), [new RefundItem("1", 3), new RefundItem("2", 1)])
        {
            OriginalShipping = OriginalShippingRefund.WholeOrder,
        });

        Assert.Equal(Eur(4.95m), refund.Shipping);
        Assert.Equal(Eur(83.69m), refund.Lines[1].Paid);
        Assert.Equal(Eur(138.75m), refund.Total);
        Assert.Equal(Eur(138.75m), refund.Payout);
        Assert.Equal([new TenderRefund(TenderKind.GiftCard, "gc_1", Eur(38.75m)), new TenderRefund(TenderKind.Card, "psp_card", Eur(100.00m))], refund.Tenders);
    }

    [Fact]
    public void Calculate_PartOfTheOrderWithWholeOrderRule_KeepsShipping()
    {
        var refund = RefundCalculator.Calculate(new RefundCalculationRequest(WebOrder(), [new RefundItem("2", 1)]) { OriginalShipping = OriginalShippingRefund.WholeOrder });

        Assert.Equal(Eur(0m), refund.Shipping);
    }

    [Fact]
    public void Calculate_RetailerFaultRule_RefundsShippingOnceOnly()
    {
        var order = WebOrder();
        var request = new RefundCalculationRequest(order, [new RefundItem("2", 1)]) { OriginalShipping = OriginalShippingRefund.RetailerFault, RetailerAtFault = true };
        var first = RefundCalculator.Calculate(request);
        var second = RefundCalculator.Calculate(request with { Items = [new RefundItem("1", 1)], History = RefundHistory.None.Add(first) });

        Assert.Equal(Eur(4.95m), first.Shipping);
        Assert.Equal(Eur(0m), second.Shipping);
    }

    [Fact]
    public void Calculate_PricesExcludingTax_AddsTheLinesTaxShare()
    {
        var refund = Calculate(WebOrder(pricesIncludeTax: false, tenders: [new Tender(TenderKind.Card, Eur(163.71m))]), new RefundItem("2", 1));

        Assert.Equal(Eur(15.61m), refund.Lines[0].Tax);
        Assert.Equal(Eur(99.30m), refund.Total); // 83.69 + 15.61
    }

    [Fact]
    public void Calculate_FeesAboveTheCap_ReduceTheReturnFeeFirstThenRestocking()
    {
        var refund = RefundCalculator.Calculate(new RefundCalculationRequest(WebOrder(), [new RefundItem("1", 1) { RestockingFee = Eur(2.00m) }, new RefundItem("2", 1) { RestockingFee = Eur(6.00m) }])
        {
            ReturnFee = Eur(3.95m),
            FeeCap = Eur(4.00m),
        });

        Assert.Equal(Eur(0m), refund.ReturnFee);
        Assert.Equal(Eur(1.00m), refund.Lines[0].RestockingFee);
        Assert.Equal(Eur(3.00m), refund.Lines[1].RestockingFee);
        Assert.Equal(Eur(16.71m + 83.69m - 4.00m), refund.Total);
    }

    [Fact]
    public void Calculate_FeesLargerThanTheRefund_NeverChargeTheCustomer()
    {
        var order = new Order("CHEAP", SalesChannel.Web, Currency.EUR, Placed, new Customer("C"), [new OrderLine("1", "PEN", 1, Eur(1.50m), new ProductAttributes("office"))]);
        var refund = RefundCalculator.Calculate(new RefundCalculationRequest(order, [new RefundItem("1", 1) { RestockingFee = Eur(2.00m) }]) { ReturnFee = Eur(3.95m) });

        Assert.Equal(Eur(1.50m), refund.Lines[0].RestockingFee);
        Assert.Equal(Eur(0m), refund.ReturnFee);
        Assert.Equal(Eur(0m), refund.Total);
        Assert.Empty(refund.Tenders);
    }

    [Fact]
    public void Calculate_InspectionDeduction_WithholdsItsShareAfterFees()
    {
        var refund = Calculate(WebOrder(), new RefundItem("2", 1) { RestockingFee = Eur(3.69m), DeductionPercent = 25m });

        Assert.Equal(Eur(20.00m), refund.Lines[0].Deduction); // 25 % of 80.00
        Assert.Equal(Eur(60.00m), refund.Total);
    }

    [Fact]
    public void Calculate_StoreCredit_AddsTheBonusAndLeavesOriginalTendersUntouched()
    {
        var refund = RefundCalculator.Calculate(new RefundCalculationRequest(WebOrder(), [new RefundItem("1", 1)]) { Resolution = RefundTypes.StoreCredit, StoreCreditBonusPercent = 10m });

        Assert.Equal(Eur(1.67m), refund.StoreCreditBonus);
        Assert.Equal([new TenderRefund(TenderKind.StoreCredit, null, Eur(18.38m))], refund.Tenders);
        Assert.Empty(RefundHistory.None.Add(refund).TenderRefunds);
    }

    [Fact]
    public void Calculate_SameProductExchange_IsEven()
    {
        var refund = RefundCalculator.Calculate(new RefundCalculationRequest(WebOrder(), [new RefundItem("1", 2)])
        {
            Resolution = RefundTypes.Exchange,
            ExchangeItems = [ExchangeItem.SameProduct("1", "TEE-L", 2)],
        });

        Assert.Equal(refund.Total, refund.ExchangeValue);
        Assert.Equal(Eur(0m), refund.AmountDue);
        Assert.Empty(refund.Tenders);
    }

    [Theory]
    [InlineData(25.00, 8.29, 0.00)]
    [InlineData(10.00, 0.00, 6.71)]
    public void Calculate_OtherProductExchange_ChargesOrRefundsTheDifference(decimal price, decimal due, decimal refunded)
    {
        var refund = RefundCalculator.Calculate(new RefundCalculationRequest(WebOrder(), [new RefundItem("1", 1)])
        {
            Resolution = RefundTypes.Exchange,
            ExchangeItems = [ExchangeItem.OtherProduct("CAP-1", 1, Eur(price))],
        });

        Assert.Equal(Eur(due), refund.AmountDue);
        Assert.Equal(Eur(refunded), refund.Payout);
    }

    [Fact]
    public void Calculate_ConfiguredTenderOrder_RefundsTheCardFirst()
    {
        var refund = RefundCalculator.Calculate(new RefundCalculationRequest(WebOrder(), [new RefundItem("1", 1)]) { TenderOrder = [TenderKind.Card, TenderKind.GiftCard] });

        Assert.Equal(TenderKind.Card, Assert.Single(refund.Tenders).Kind);
    }

    [Fact]
    public void Calculate_OrderWithoutRecordedTenders_RefundsTheOriginalPaymentAsOne()
    {
        var refund = Calculate(WebOrder(tenders: []), new RefundItem("2", 1));

        Assert.Equal([new TenderRefund(TenderKind.Other, null, Eur(83.69m))], refund.Tenders);
    }

    [Fact]
    public void Calculate_TendersThatCannotCoverTheRefund_NameTheTenders()
    {
        var ex = Assert.Throws<ReturnsValidationException>(() => Calculate(WebOrder(tenders: [new Tender(TenderKind.Card, Eur(50m))]), new RefundItem("2", 1)));

        Assert.Equal("order.tenders", Assert.Single(ex.Errors).Path);
        Assert.Contains("33.69 EUR", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_BadItems_ReportsEveryMistakeWithItsPath()
    {
        var order = WebOrder();
        var ex = Assert.Throws<ReturnsValidationException>(() => RefundCalculator.Calculate(new RefundCalculationRequest(order,
        [
            new RefundItem("9", 1),
            new RefundItem("1", 2),
            new RefundItem("1", 1),
            new RefundItem("2", 1) { DeductionPercent = 120m },
        ])
        {
            History = new RefundHistory { RefundedQuantities = new Dictionary<string, int> { ["1"] = 2 } },
        }));

        Assert.Equal(["items[0].lineId", "items[1].quantity", "items[2].lineId", "items[3].deductionPercent"], ex.Errors.Select(e => e.Path));
        Assert.Contains("1 of 3 units left", ex.Errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_FeeInAnotherCurrency_IsACurrencyMismatch()
    {
        Assert.Throws<CurrencyMismatchException>(() => RefundCalculator.Calculate(new RefundCalculationRequest(WebOrder(), [new RefundItem("1", 1)]) { ReturnFee = new Money(3m, Currency.GBP) }));
    }

    [Fact]
    public void Calculate_NegativeFeeOrBonusOutOfRange_IsRejected()
    {
        var ex = Assert.Throws<ReturnsValidationException>(() => RefundCalculator.Calculate(new RefundCalculationRequest(WebOrder(), [new RefundItem("1", 1)])
        {
            ReturnFee = Eur(-1m),
            StoreCreditBonusPercent = 101m,
        }));

        Assert.Equal(["storeCreditBonusPercent", "returnFee"], ex.Errors.Select(e => e.Path));
    }

    [Fact]
    public void RefundItem_ZeroOrNegativeQuantity_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RefundItem("1", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RefundItem("1", -2));
    }
}
