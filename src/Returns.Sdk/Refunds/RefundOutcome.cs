using Returns.Sdk.Lifecycle;

namespace Returns.Sdk.Refunds;

/// <summary>The result of asking for a return's refunds.</summary>
/// <param name="Return">The return as stored afterwards.</param>
/// <param name="Due">False when the policy's timing is not reached yet; nothing was recorded or paid.</param>
public sealed record RefundOutcome(ReturnRequest Return, bool Due)
{
    /// <summary>The return's refunds.</summary>
    public IReadOnlyList<RefundRecord> Refunds => Return.Refunds;

    /// <summary>True when every order's refund is confirmed.</summary>
    public bool Completed => Due && Return.Refunds.Count == Return.OrderNumbers.Count && Return.Refunds.All(r => r.Status == RefundStatus.Succeeded);
}

/// <summary>A refund cannot be made for a return in its current state.</summary>
public sealed class RefundNotAllowedException : ReturnsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="rma">The return.</param>
    /// <param name="state">Its state.</param>
    /// <param name="message">Why.</param>
    public RefundNotAllowedException(RmaNumber rma, ReturnState state, string message)
        : base(message)
    {
        Rma = rma;
        State = state;
    }

    /// <summary>The return.</summary>
    public RmaNumber Rma { get; }

    /// <summary>Its state.</summary>
    public ReturnState State { get; }
}
