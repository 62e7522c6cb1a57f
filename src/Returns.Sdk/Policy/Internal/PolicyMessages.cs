using System.Globalization;

namespace Returns.Sdk.Policy.Internal;

// Explanations are composed on demand from a decision's facts, so that evaluating a policy allocates no strings.
internal static class PolicyMessages
{
    public static string Describe(LineDecision decision)
    {
        // The deadline is the first instant after the window; people count in days, so name the last whole day.
        var deadline = decision.LastDay is { } day ? "the end of " + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        var basis = decision.WindowBasis == WindowBasis.Delivery ? "delivery" : "the order date (not yet delivered)";
        return decision.Code switch
        {
            PolicyDecisionCode.WithinWindow when decision.WindowSource == WindowSource.Rule =>
                Invariant($"Returnable: {decision.WindowDays} days from {basis} under rule '{decision.RuleName}', until {deadline}."),
            PolicyDecisionCode.WithinWindow =>
                Invariant($"Returnable: {decision.WindowDays} days from {basis}, until {deadline}."),
            PolicyDecisionCode.WithinSeasonalExtension =>
                Invariant($"Returnable under the seasonal extension '{decision.RuleName}', until {deadline}."),
            PolicyDecisionCode.WithinEuWithdrawalPeriod when deadline is null =>
                "Returnable under the EU right of withdrawal: the 14 days start at delivery.",
            PolicyDecisionCode.WithinEuWithdrawalPeriod =>
                Invariant($"Returnable under the EU right of withdrawal (14 days from delivery), until {deadline}."),
            PolicyDecisionCode.SealMustBeUnbroken =>
                Invariant($"Returnable under the EU right of withdrawal only with its hygiene seal unbroken, until {deadline ?? "14 days after delivery"}."),
            PolicyDecisionCode.NothingLeftToReturn => "Not returnable: every unit bought has already been returned.",
            PolicyDecisionCode.GiftCard => "Not returnable: gift cards cannot be returned.",
            PolicyDecisionCode.Personalised => "Not returnable: personalised products cannot be returned.",
            PolicyDecisionCode.Hygiene => "Not returnable: hygiene products cannot be returned once unsealed.",
            PolicyDecisionCode.Hazardous => "Not returnable: hazardous goods cannot be returned by post.",
            PolicyDecisionCode.FinalSale => "Not returnable: sold as final sale.",
            PolicyDecisionCode.ExcludedCategory => "Not returnable: this product category is excluded from returns.",
            PolicyDecisionCode.ExcludedSku => "Not returnable: this product is excluded from returns.",
            PolicyDecisionCode.WindowExpired =>
                Invariant($"Not returnable: the return window ({decision.WindowDays} days from {basis}) closed at {deadline}."),
            PolicyDecisionCode.QuantityExceedsReturnable =>
                Invariant($"Only {decision.ReturnableQuantity} of the {decision.RequestedQuantity} units requested can still be returned."),
            _ => decision.Code.ToString(),
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
