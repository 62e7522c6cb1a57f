using Returns.Sdk.Lifecycle;
using Returns.Sdk.Policy;
using Returns.Sdk.Refunds;

namespace Returns.Sdk.SelfService;

/// <summary>An order as the customer sees it in the portal: what may come back, until when, and the returns already made.</summary>
/// <param name="Order">The order.</param>
/// <param name="Policy">The policy's verdict on every line, counting units already on returns.</param>
/// <param name="Lines">Each line with its verdict, in the order's order.</param>
/// <param name="Returns">The returns already made for this order, newest first.</param>
/// <param name="Reasons">The reasons a customer may give.</param>
public sealed record ReturnableOrder(
    Order Order,
    PolicyEvaluation Policy,
    IReadOnlyList<ReturnableLine> Lines,
    IReadOnlyList<ReturnRequest> Returns,
    IReadOnlyList<ReturnReason> Reasons)
{
    /// <summary>When and how refunds are paid under the policy.</summary>
    public RefundTerms RefundTerms => Policy.Refunds;
}

/// <summary>One order line with the policy's verdict.</summary>
/// <param name="Line">The order line.</param>
/// <param name="Decision">The policy's verdict: returnable or why not, units left, deadline, fees, refund types.</param>
/// <param name="UnitsOnReturns">Units of the line already on returns (requested, under way or done).</param>
public sealed record ReturnableLine(OrderLine Line, LineDecision Decision, int UnitsOnReturns);
