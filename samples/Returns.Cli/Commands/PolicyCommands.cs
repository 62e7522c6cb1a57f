using System.CommandLine;
using Returns.Cli.Output;
using Returns.Sdk.Policy;
using Returns.Sdk.Serialization;

namespace Returns.Cli.Commands;

/// <summary>The <c>policy</c> command group: what may come back, and on what terms.</summary>
internal static class PolicyCommands
{
    private const string DemoPolicy = "policy.json";
    private const string DemoOrder = "order-web.json";

    /// <summary>Builds <c>returns policy</c> and its subcommands.</summary>
    /// <param name="context">Where the commands write and which clock they read.</param>
    /// <returns>The command group.</returns>
    public static Command Create(CliContext context)
    {
        var policy = new Command("policy", "Check orders against a return policy.");
        policy.Add(Evaluate(context));
        return policy;
    }

    private static Command Evaluate(CliContext context)
    {
        var policyOption = CommonOptions.InputFile(
            "--policy",
            $"The return policy document (JSON, see docs/policy.md). Default: the bundled demo policy, data/{DemoPolicy}.");
        var orderOption = CommonOptions.InputFile(
            "--order",
            $"The order document (JSON, see docs/order.md), with what has already been returned. Default: the bundled demo order, data/{DemoOrder}.");
        var atOption = CommonOptions.Instant(
            "The instant to judge at, ISO 8601 with an offset (2026-11-20T12:00:00Z). Default: now.");
        var formatOption = CommonOptions.Format();

        var evaluate = new Command(
            "evaluate",
            "Judge every line of an order against a return policy: whether it may come back, until when, " +
            "the restocking fee and refund types, and what each return method costs.")
        {
            policyOption,
            orderOption,
            atOption,
            formatOption,
        };

        evaluate.SetAction(async (parseResult, cancellationToken) =>
        {
            var policyPath = parseResult.GetValue(policyOption) ?? CommonOptions.BundledFile(DemoPolicy);
            var orderPath = parseResult.GetValue(orderOption) ?? CommonOptions.BundledFile(DemoOrder);

            var policy = await ReturnPolicy.LoadFileAsync(policyPath, cancellationToken: cancellationToken).ConfigureAwait(false);
            var document = await OrderDocument.LoadFileAsync(orderPath, cancellationToken).ConfigureAwait(false);
            var evaluation = new ReturnPolicyEngine(policy, context.Time).Evaluate(
                new PolicyEvaluationRequest(document.Order)
                {
                    AlreadyReturned = document.AlreadyReturned,
                    At = parseResult.GetValue(atOption),
                });

            if (parseResult.GetValue(formatOption) == OutputFormat.Json)
            {
                JsonOutput.Write(context.Out, PolicyEvaluationJson.From(document.Order, evaluation), CliJsonContext.Default.PolicyEvaluationJson);
            }
            else
            {
                PolicyEvaluationTable.Write(context.Console, policy, document.Order, evaluation);
            }

            return ExitCodes.Success;
        });

        return evaluate;
    }
}
