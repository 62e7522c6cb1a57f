using Returns.Sdk.Policy;
using Returns.Sdk.Serialization;

namespace Returns.Sdk.Tests.Policy;

public sealed class PolicySmokeTests
{
    [Fact]
    public async Task Evaluate_DemoOrder_ProducesDecisions()
    {
        var policy = await ReturnPolicy.LoadFileAsync(Path.Combine(AppContext.BaseDirectory, "data", "policy.json"), cancellationToken: TestContext.Current.CancellationToken);
        var order = await OrderDocument.LoadFileAsync(Path.Combine(AppContext.BaseDirectory, "data", "order-web.json"), TestContext.Current.CancellationToken);
        var engine = new ReturnPolicyEngine(policy, TimeProvider.System);
        var result = engine.Evaluate(new PolicyEvaluationRequest(order.Order) { AlreadyReturned = order.AlreadyReturned, At = DateTimeOffset.Parse("2026-11-20T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture) });
        foreach (var line in result.Lines)
        {
            TestContext.Current.TestOutputHelper!.WriteLine($"{line.LineId} {line.Code} {line.ReturnableQuantity} {line.RestockingFee} {line.RefundTypes} :: {line.Message}");
        }

        foreach (var fee in result.MethodFees)
        {
            TestContext.Current.TestOutputHelper!.WriteLine(fee.ToString());
        }

        Assert.Equal(5, result.Lines.Count);
    }
}
