using Returns.Sdk.Policy;
using Returns.Sdk.Refunds;
using Returns.Sdk.ReturnOptions;

namespace Returns.Sdk.SelfService;

/// <summary>The ranked ways a customer's chosen items can come back, each with what the customer gets back.</summary>
/// <param name="Request">The request quoted.</param>
/// <param name="Policy">The policy's verdict on the chosen items.</param>
/// <param name="Options">The options, best first.</param>
/// <param name="Result">The option engine's full answer, with the candidates it left out and why.</param>
public sealed record SelfServiceQuote(SelfServiceRequest Request, PolicyEvaluation Policy, IReadOnlyList<QuotedOption> Options, ReturnOptionResult Result)
{
    /// <summary>When the refund is paid under the policy: at the first carrier scan, at receipt or after inspection.</summary>
    public RefundTiming RefundTiming => Policy.Refunds.Instant ? RefundTiming.AtFirstScan : Policy.Refunds.Timing;

    /// <summary>The option with <paramref name="key"/>, if offered.</summary>
    /// <param name="key">An option's <see cref="ReturnOption.Key"/>.</param>
    /// <returns>The option, or <see langword="null"/>.</returns>
    public QuotedOption? Find(string? key) => Options.FirstOrDefault(o => string.Equals(o.Option.Key, key, StringComparison.Ordinal));
}

/// <summary>One ranked option with the refund it leads to.</summary>
/// <param name="Option">The option: method, carrier, cost to the customer, nearest places, label modes, arrival.</param>
/// <param name="Refund">What would be refunded if the items arrive as declared, after this method's fee.</param>
public sealed record QuotedOption(ReturnOption Option, RefundCalculation Refund);
