namespace Returns.Sdk.Grading;

/// <summary>What the grader needs to know about one returned line: the product, the customer's declaration and the reason.</summary>
public sealed record GradingInput
{
    /// <summary>Creates the input for one line.</summary>
    /// <param name="product">The product; its category picks the rules and its hygiene flag is a rule condition.</param>
    /// <param name="condition">The condition the customer declared (or, for an inspection, what the inspector found).</param>
    /// <param name="reason">The return reason; its fault is a rule condition and decides whether a discrepancy is penalised.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public GradingInput(ProductAttributes product, DeclaredCondition condition, ReturnReason reason)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(reason);
        Product = product;
        Condition = condition;
        Reason = reason;
    }

    /// <summary>The product.</summary>
    public ProductAttributes Product { get; }

    /// <summary>The declared condition.</summary>
    public DeclaredCondition Condition { get; }

    /// <summary>The return reason.</summary>
    public ReturnReason Reason { get; }

    /// <summary>The return line's id, copied to the assessment so that results of a whole return can be matched up.</summary>
    public string? LineId { get; init; }
}
