using Returns.Sdk.Policy;
using Returns.Sdk.Serialization;
using Snapshooter.Xunit3;
using static Returns.Sdk.Tests.Policy.PolicyFixtures;

namespace Returns.Sdk.Tests.Policy;

// The explanations customers and associates read, pinned as reviewed snapshots.
public sealed class PolicyDecisionSnapshotTests
{
    private static async Task<object> ExplainDemoAsync(DateTimeOffset at, IReadOnlyList<RequestedReturnLine>? items = null)
    {
        var data = Path.Combine(AppContext.BaseDirectory, "data");
        var policy = await ReturnPolicy.LoadFileAsync(Path.Combine(data, "policy.json"), cancellationToken: TestContext.Current.CancellationToken);
        var document = await OrderDocument.LoadFileAsync(Path.Combine(data, "order-web.json"), TestContext.Current.CancellationToken);
        var result = new ReturnPolicyEngine(policy, TimeProvider.System).Evaluate(new PolicyEvaluationRequest(document.Order)
        {
            At = at,
            AlreadyReturned = document.AlreadyReturned,
            Items = items,
        });
        return new
        {
            result.PolicyVersion,
            result.KeepIt,
            result.FeesWaived,
            RestockingFees = result.RestockingFees.ToString(),
            Lines = result.Lines.Select(l => new
            {
                l.LineId,
                l.IsReturnable,
                Code = l.Code.ToString(),
                l.ReturnableQuantity,
                l.RequestedQuantity,
                RestockingFee = l.RestockingFee.ToString(),
                RefundTypes = SnakeCaseNames.ToNames(l.RefundTypes),
                l.Message,
            }),
            Fees = result.MethodFees.Select(f => $"{f.Method.ToName()}: {f.Total}{(f.Waived ? " (waived)" : string.Empty)}{(f.Capped ? " (capped)" : string.Empty)}"),
        };
    }

    [Fact]
    public async Task Evaluate_DemoOrderInsideEuPeriod_Explained() =>
        Snapshot.Match(await ExplainDemoAsync(At("2026-11-12T09:00:00+01:00")));

    [Fact]
    public async Task Evaluate_DemoOrderAfterEuPeriod_Explained() =>
        Snapshot.Match(await ExplainDemoAsync(At("2026-11-26T09:00:00+01:00")));

    [Fact]
    public async Task Evaluate_DemoRequestWithDefectiveHeadphones_Explained() =>
        Snapshot.Match(await ExplainDemoAsync(
            At("2026-11-12T09:00:00+01:00"),
            [
                new RequestedReturnLine("2", 2) { Reason = ReturnReason.TooLarge },
                new RequestedReturnLine("3", 1) { Reason = ReturnReason.Defective, Condition = new DeclaredCondition(PackagingState.Opened, UsageLevel.Light) { DefectDescription = "Left ear cup crackles" } },
            ]));
}
