using System.Globalization;
using System.Text;
using Returns.Sdk.Policy;
using Returns.Sdk.Serialization;

namespace Returns.Benchmarks.Baseline;

// Checks that the naive baseline and the compiled engine agree, line by line (explanations included), before anything
// is measured.
internal static class Equivalence
{
    public static void Check(ReturnPolicyEngine engine, NaivePolicyEvaluator naive, PolicyEvaluationRequest request, string scenario)
    {
        var expected = engine.Evaluate(request);
        var actual = naive.Evaluate(request);
        var differences = new StringBuilder();
        if (expected.Lines.Count != actual.Lines.Count)
        {
            throw new InvalidOperationException($"{scenario}: the engine judged {expected.Lines.Count} lines, the naive baseline {actual.Lines.Count}.");
        }

        for (var i = 0; i < expected.Lines.Count; i++)
        {
            var e = expected.Lines[i];
            var a = actual.Lines[i];
            Compare(differences, e.LineId, "line id", e.LineId, a.LineId);
            Compare(differences, e.LineId, "code", e.Code, a.Code);
            Compare(differences, e.LineId, "returnable", e.IsReturnable, a.IsReturnable);
            Compare(differences, e.LineId, "returnable quantity", e.ReturnableQuantity, a.ReturnableQuantity);
            Compare(differences, e.LineId, "requested quantity", e.RequestedQuantity, a.RequestedQuantity);
            Compare(differences, e.LineId, "deadline", e.Deadline?.ToString("O", CultureInfo.InvariantCulture), a.Deadline?.ToString("O", CultureInfo.InvariantCulture));
            Compare(differences, e.LineId, "rule", e.RuleName, a.RuleName);
            Compare(differences, e.LineId, "restocking fee", e.RestockingFee.Amount, a.RestockingFee);
            Compare(differences, e.LineId, "message", e.Message, a.Message);
            Compare(differences, e.LineId, "refund types", string.Join(",", e.RefundTypes.ToNames()), string.Join(",", a.RefundTypes.OrderBy(OrderOf)));
        }

        Compare(differences, "(order)", "restocking fees", expected.RestockingFees.Amount, actual.RestockingFees);
        Compare(differences, "(order)", "fees waived", expected.FeesWaived, actual.FeesWaived);
        Compare(differences, "(order)", "keep it", expected.KeepIt, actual.KeepIt);
        if (differences.Length > 0)
        {
            throw new InvalidOperationException($"The naive baseline disagrees with the compiled engine ({scenario}):{Environment.NewLine}{differences}");
        }
    }

    // RefundTypes.ToNames lists original_payment, store_credit, exchange in that order.
    private static int OrderOf(string name) => name switch
    {
        "original_payment" => 0,
        "store_credit" => 1,
        _ => 2,
    };

    private static void Compare<T>(StringBuilder differences, string lineId, string what, T expected, T actual)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            differences.AppendLine(CultureInfo.InvariantCulture, $"  line {lineId}: {what} is {expected} in the engine but {actual} in the naive baseline");
        }
    }
}
