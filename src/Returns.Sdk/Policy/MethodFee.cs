namespace Returns.Sdk.Policy;

/// <summary>What a return by one method costs the customer under the policy.</summary>
/// <param name="Method">The return method.</param>
/// <param name="Fee">The method's fee after any waiver.</param>
/// <param name="RestockingFees">The sum of the lines' restocking fees.</param>
/// <param name="Total">What the customer pays: method fee plus restocking fees, at most the cap.</param>
/// <param name="Waived">True when the method fee was waived because of the reason given.</param>
/// <param name="Capped">True when the cap lowered the total.</param>
public readonly record struct MethodFee(ReturnMethod Method, Money Fee, Money RestockingFees, Money Total, bool Waived, bool Capped);
