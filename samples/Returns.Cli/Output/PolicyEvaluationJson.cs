using Returns.Sdk;
using Returns.Sdk.Policy;
using Returns.Sdk.Serialization;

namespace Returns.Cli.Output;

/// <summary>The JSON shape of <c>returns policy evaluate --format json</c>. Amounts are numbers in <see cref="Currency"/>.</summary>
internal sealed record PolicyEvaluationJson(
    string OrderNumber,
    string PolicyVersion,
    DateTimeOffset EvaluatedAt,
    string Currency,
    bool KeepIt,
    IReadOnlyList<LineDecisionJson> Lines,
    IReadOnlyList<MethodFeeJson> MethodFees)
{
    /// <summary>Maps an evaluation to its JSON shape.</summary>
    /// <param name="order">The order that was judged.</param>
    /// <param name="evaluation">The policy's answer.</param>
    /// <returns>The DTO.</returns>
    public static PolicyEvaluationJson From(Order order, PolicyEvaluation evaluation) => new(
        order.Number,
        evaluation.PolicyVersion,
        evaluation.EvaluatedAt,
        evaluation.Currency.Code,
        evaluation.KeepIt,
        [.. evaluation.Lines.Select(LineDecisionJson.From)],
        [.. evaluation.MethodFees.Select(MethodFeeJson.From)]);
}

/// <summary>One line's decision in JSON.</summary>
internal sealed record LineDecisionJson(
    string LineId,
    string Sku,
    bool Returnable,
    string Code,
    string Message,
    int ReturnableQuantity,
    int RequestedQuantity,
    DateTimeOffset? Deadline,
    string WindowSource,
    decimal RestockingFee,
    IReadOnlyList<string> RefundTypes)
{
    /// <summary>Maps a line decision.</summary>
    /// <param name="line">The decision.</param>
    /// <returns>The DTO.</returns>
    public static LineDecisionJson From(LineDecision line) => new(
        line.LineId,
        line.Sku,
        line.IsReturnable,
        line.Code.ToName(),
        line.Message,
        line.ReturnableQuantity,
        line.RequestedQuantity,
        line.Deadline,
        line.WindowSource.ToName(),
        line.RestockingFee.Amount,
        line.RefundTypes.ToNames());
}

/// <summary>One return method's cost in JSON.</summary>
internal sealed record MethodFeeJson(string Method, decimal Fee, decimal RestockingFees, decimal Total, bool Waived, bool Capped)
{
    /// <summary>Maps a method fee.</summary>
    /// <param name="fee">The fee.</param>
    /// <returns>The DTO.</returns>
    public static MethodFeeJson From(MethodFee fee) => new(
        fee.Method.ToName(), fee.Fee.Amount, fee.RestockingFees.Amount, fee.Total.Amount, fee.Waived, fee.Capped);
}
