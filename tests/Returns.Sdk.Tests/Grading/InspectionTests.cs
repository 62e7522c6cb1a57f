using Returns.Sdk.Grading;
using static Returns.Sdk.Tests.Grading.GradingFixtures;

namespace Returns.Sdk.Tests.Grading;

public sealed class InspectionTests
{
    private static readonly ConditionGrader Grader = ShippedGrader;

    private static InspectionRecord Found(DeclaredCondition condition, bool missingParts = false, bool swapped = false) =>
        new(condition, InspectionSite.Warehouse, "wh-ams") { MissingParts = missingParts, ItemSwapped = swapped, Notes = "Checked on the bench." };

    [Fact]
    public void Inspect_AsDeclared_NoDiscrepancyAndFullRefund()
    {
        var line = Line("apparel", Declared(PackagingState.Opened, tags: true));

        var outcome = Grader.Inspect(line, Found(Declared(PackagingState.Opened, tags: true)));

        Assert.Equal((ConditionGrade.A, ConditionGrade.A, 0), (outcome.Declared.Grade, outcome.Inspected.Grade, outcome.GradeDistance));
        Assert.Equal((DiscrepancySeverity.None, DiscrepancyFacts.None), (outcome.Discrepancy, outcome.Facts));
        Assert.Equal((RefundConsequence.FullRefund, RefundBasis.NoDiscrepancy), (outcome.Refund, outcome.Basis));
        Assert.Equal("Inspected at warehouse 'wh-ams': grade A, declared A; no discrepancy. Full refund.", outcome.Explanation);
    }

    [Fact]
    public void Inspect_BetterThanDeclared_NoDiscrepancy()
    {
        var line = Line("electronics", Declared(PackagingState.Opened, UsageLevel.Light));

        var outcome = Grader.Inspect(line, Found(Declared(PackagingState.Sealed)));

        Assert.Equal((-2, DiscrepancySeverity.None, RefundAction.FullRefund), (outcome.GradeDistance, outcome.Discrepancy, outcome.Refund.Action));
    }

    // Electronics, declared factory-sealed (A), customer's fault; the consequence is the category's for the inspected grade.
    [Theory]
    [InlineData(PackagingState.Opened, UsageLevel.None, null, ConditionGrade.B, DiscrepancySeverity.Minor, RefundAction.Deduction, 10)]
    [InlineData(PackagingState.Opened, UsageLevel.Heavy, null, ConditionGrade.C, DiscrepancySeverity.Major, RefundAction.Deduction, 25)]
    [InlineData(PackagingState.Opened, UsageLevel.None, "Cracked screen", ConditionGrade.D, DiscrepancySeverity.Severe, RefundAction.Deduction, 50)]
    public void Inspect_WorseThanDeclared_SeverityByGradeDistanceAndConsequenceByInspectedGrade(
        PackagingState packaging, UsageLevel use, string? defect, ConditionGrade inspected, DiscrepancySeverity severity, RefundAction action, int percent)
    {
        var line = Line("electronics", Declared(PackagingState.Sealed), ReturnReason.ChangedMind);

        var outcome = Grader.Inspect(line, Found(Declared(packaging, use, defect: defect)));

        Assert.Equal((inspected, severity, DiscrepancyFacts.WorseGrade), (outcome.Inspected.Grade, outcome.Discrepancy, outcome.Facts));
        Assert.Equal((action, (decimal)percent, RefundBasis.InspectedGrade), (outcome.Refund.Action, outcome.Refund.DeductionPercent, outcome.Basis));
    }

    [Fact]
    public void Inspect_HygieneItemFoundUnsealed_SevereAndRejected()
    {
        var line = Line("apparel", Declared(PackagingState.Sealed, tags: true), hygiene: true);

        var outcome = Grader.Inspect(line, Found(Declared(PackagingState.Opened, tags: true)));

        Assert.Equal((4, DiscrepancySeverity.Severe, RefundConsequence.Rejection), (outcome.GradeDistance, outcome.Discrepancy, outcome.Refund));
        Assert.Equal("Inspected at warehouse 'wh-ams': grade X, declared A; a severe discrepancy (worse than declared). Refund for an inspected grade X: reject.", outcome.Explanation);
    }

    [Fact]
    public void Inspect_TagsRemovedOneGradeWorse_MajorBecauseOfTheTags()
    {
        var line = Line("apparel", Declared(PackagingState.Opened, UsageLevel.Light, tags: true, photos: 1));

        var outcome = Grader.Inspect(line, Found(Declared(PackagingState.Opened, UsageLevel.Light, tags: false)));

        Assert.Equal((ConditionGrade.B, ConditionGrade.C), (outcome.Declared.Grade, outcome.Inspected.Grade));
        Assert.Equal((DiscrepancySeverity.Major, DiscrepancyFacts.WorseGrade | DiscrepancyFacts.TagsRemoved), (outcome.Discrepancy, outcome.Facts));
        Assert.Equal(RefundConsequence.Deduction(30), outcome.Refund);
        Assert.Contains("tags removed that were declared attached", outcome.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_TagsOnAnUntaggedCategory_NotAFact()
    {
        var line = Line("shoes", Declared(PackagingState.Opened, tags: true));

        var outcome = Grader.Inspect(line, Found(Declared(PackagingState.Opened, tags: false)));

        Assert.Equal(DiscrepancySeverity.None, outcome.Discrepancy);
    }

    [Fact]
    public void Inspect_UndeclaredMissingParts_GradedAsDefectAndMajorAtLeast()
    {
        var line = Line("electronics", Declared(PackagingState.Opened));

        var outcome = Grader.Inspect(line, Found(Declared(PackagingState.Opened), missingParts: true));

        Assert.Equal((ConditionGrade.B, ConditionGrade.D), (outcome.Declared.Grade, outcome.Inspected.Grade));
        Assert.Equal((DiscrepancySeverity.Major, DiscrepancyFacts.WorseGrade | DiscrepancyFacts.MissingParts), (outcome.Discrepancy, outcome.Facts));
    }

    [Fact]
    public void Inspect_MissingPartsTheCustomerDescribed_NoDiscrepancy()
    {
        var line = Line("electronics", Declared(PackagingState.Opened, defect: "The charger is missing.", photos: 1));

        var outcome = Grader.Inspect(line, Found(Declared(PackagingState.Opened), missingParts: true));

        Assert.Equal((ConditionGrade.D, DiscrepancySeverity.None, RefundBasis.NoDiscrepancy), (outcome.Inspected.Grade, outcome.Discrepancy, outcome.Basis));
    }

    [Fact]
    public void Inspect_ItemSwapped_SevereAndRejectedEvenForARetailerFault()
    {
        var line = Line("electronics", Declared(PackagingState.Opened, defect: "Does not start", photos: 2), ReturnReason.Defective);

        var outcome = Grader.Inspect(line, Found(Declared(PackagingState.Opened), swapped: true));

        Assert.Equal((ConditionGrade.X, DiscrepancySeverity.Severe), (outcome.Inspected.Grade, outcome.Discrepancy));
        Assert.Equal(DiscrepancyFacts.ItemSwapped | DiscrepancyFacts.WorseGrade, outcome.Facts);
        Assert.Equal((RefundConsequence.Rejection, RefundBasis.ItemSwapped), (outcome.Refund, outcome.Basis));
        Assert.Equal(GradingReasons.Inspected | GradingReasons.ItemSwapped, outcome.Inspected.Reasons);
    }

    [Theory]
    [InlineData("defective", ReturnFault.Retailer)]
    [InlineData("not_as_described", ReturnFault.Retailer)]
    [InlineData("wrong_item_sent", ReturnFault.Retailer)]
    [InlineData("damaged_in_transit", ReturnFault.Carrier)]
    public void Inspect_ExemptFault_NeverPenalised(string reason, ReturnFault fault)
    {
        var line = Line("electronics", Declared(PackagingState.Sealed), ReturnReason.Standard.Single(r => r.Code == reason));

        var outcome = Grader.Inspect(line, Found(Declared(PackagingState.Missing, UsageLevel.Heavy, defect: "Smashed")));

        Assert.Equal((DiscrepancySeverity.Severe, fault), (outcome.Discrepancy, outcome.ReasonFault));
        Assert.Equal((RefundConsequence.FullRefund, RefundBasis.FaultExempt), (outcome.Refund, outcome.Basis));
        Assert.EndsWith($"Full refund: the reason is the {(fault == ReturnFault.Retailer ? "retailer" : "carrier")}'s fault, which is never penalised.", outcome.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_CarrierFaultNotListedAsExempt_Penalised()
    {
        var grader = new ConditionGrader(Rules());
        var line = Line("toys", Declared(PackagingState.Sealed), ReturnReason.DamagedInTransit);

        var outcome = grader.Inspect(line, Found(Declared(PackagingState.Opened, UsageLevel.Heavy)));

        Assert.Equal([ReturnFault.Retailer], grader.Rules.ExemptFaults);
        Assert.Equal((RefundConsequence.Deduction(20), RefundBasis.InspectedGrade), (outcome.Refund, outcome.Basis));
    }

    [Fact]
    public void Inspect_InspectedGrade_KeepsTheRulesConfidenceWithoutDeclarationPenalties()
    {
        var line = Line("apparel", Declared(PackagingState.Opened, UsageLevel.Light, tags: null), lineId: "L9");

        var outcome = Grader.Inspect(line, new InspectionRecord(Declared(PackagingState.Opened, UsageLevel.Light), InspectionSite.Store, "store-7"));

        Assert.Equal((0.8, GradingReasons.Inspected, "L9"), (outcome.Inspected.Confidence, outcome.Inspected.Reasons, outcome.Inspected.LineId));
        Assert.True(outcome.Declared.Confidence < outcome.Inspected.Confidence);
        Assert.Equal((InspectionSite.Store, "store-7"), (outcome.Site, outcome.SiteId));
        Assert.StartsWith("Inspected at store 'store-7'", outcome.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(49.99, "EUR", 30, 34.99)]
    [InlineData(100, "EUR", 12.5, 87.5)]
    [InlineData(1001, "JPY", 30, 701)]
    [InlineData(0, "EUR", 30, 0)]
    public void RefundConsequence_Deduction_RoundsTheDeductionToMinorUnits(decimal paid, string currency, decimal percent, decimal refund) =>
        Assert.Equal(Money.Of(refund, currency), RefundConsequence.Deduction(percent).RefundOf(Money.Of(paid, currency)));

    [Fact]
    public void RefundConsequence_FullAndRejection_RefundAllOrNothing()
    {
        var paid = Money.Of(59.95m, "EUR");

        Assert.Equal(paid, RefundConsequence.FullRefund.RefundOf(paid));
        Assert.Equal(Money.Zero(Currency.EUR), RefundConsequence.Rejection.RefundOf(paid));
        Assert.Equal(("full refund", "reject", "deduct 12.5 %"), (RefundConsequence.FullRefund.ToString(), RefundConsequence.Rejection.ToString(), RefundConsequence.Deduction(12.5m).ToString()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(-5)]
    public void RefundConsequence_DeductionOutOfRange_Throws(decimal percent) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RefundConsequence.Deduction(percent));

    [Fact]
    public void RefundConsequence_NegativePaid_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RefundConsequence.FullRefund.RefundOf(Money.Of(-1m, "EUR")));

    [Fact]
    public void InspectionRecord_BadInput_Rejected()
    {
        Assert.Throws<ArgumentException>(() => new InspectionRecord(Declared(), InspectionSite.Warehouse, " "));
        Assert.Throws<ArgumentOutOfRangeException>(() => new InspectionRecord(Declared(), (InspectionSite)5, "wh-1"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new InspectionRecord(Declared(), InspectionSite.Warehouse, "wh-1") { Notes = new string('n', InspectionRecord.MaxNotesLength + 1) });
        Assert.Null(new InspectionRecord(Declared(), InspectionSite.Warehouse, "wh-1") { Notes = "   " }.Notes);
    }
}
