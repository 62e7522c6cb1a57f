using Returns.Sdk.Policy.Internal;

namespace Returns.Sdk.Policy;

/// <summary>
/// Judges orders against a <see cref="ReturnPolicy"/>: a pure function of the policy, the request and the instant.
/// Thread-safe; register one per policy as a singleton.
/// </summary>
public sealed class ReturnPolicyEngine
{
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates an engine.</summary>
    /// <param name="policy">The policy to apply.</param>
    /// <param name="timeProvider">The clock used when a request names no instant.</param>
    public ReturnPolicyEngine(ReturnPolicy policy, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Policy = policy;
        _timeProvider = timeProvider;
    }

    /// <summary>The policy applied.</summary>
    public ReturnPolicy Policy { get; }

    /// <summary>Judges every line of an order, now.</summary>
    /// <param name="order">The order.</param>
    /// <returns>The decisions.</returns>
    /// <exception cref="CurrencyMismatchException">The policy states no fees in the order's currency.</exception>
    /// <exception cref="ReturnsValidationException">The order predates the policy.</exception>
    public PolicyEvaluation Evaluate(Order order) => Evaluate(new PolicyEvaluationRequest(order));

    /// <summary>Judges a return request.</summary>
    /// <param name="request">The order, what was already returned, and what the customer asks to return.</param>
    /// <returns>The decisions.</returns>
    /// <exception cref="CurrencyMismatchException">The policy states no fees in the order's currency, or the estimated cost is in another currency.</exception>
    /// <exception cref="ReturnsValidationException">The request names unknown lines, impossible quantities or lacks a required comment.</exception>
    public PolicyEvaluation Evaluate(PolicyEvaluationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Order, nameof(request));
        var at = request.At ?? _timeProvider.GetUtcNow();
        return PolicyEvaluator.Evaluate(Policy.CompiledFor(request.Order.PlacedAt), request, at);
    }
}
