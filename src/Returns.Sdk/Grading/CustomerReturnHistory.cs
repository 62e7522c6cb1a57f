namespace Returns.Sdk.Grading;

/// <summary>What <see cref="AbuseSignalDetector"/> looks at: one customer's orders and returned lines.</summary>
public sealed record CustomerReturnHistory
{
    /// <summary>Creates a history.</summary>
    /// <param name="orders">The customer's orders; those outside the detector's window are ignored.</param>
    /// <param name="returnedLines">The customer's returned lines; those outside the window are ignored.</param>
    /// <exception cref="ArgumentException">An entry is null.</exception>
    public CustomerReturnHistory(IEnumerable<PastOrder> orders, IEnumerable<PastReturnLine> returnedLines)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(returnedLines);
        Orders = [.. orders];
        ReturnedLines = [.. returnedLines];
        if (Orders.Any(o => o is null))
        {
            throw new ArgumentException("An order is null.", nameof(orders));
        }

        if (ReturnedLines.Any(l => l is null))
        {
            throw new ArgumentException("A returned line is null.", nameof(returnedLines));
        }
    }

    /// <summary>The orders.</summary>
    public IReadOnlyList<PastOrder> Orders { get; }

    /// <summary>The returned lines.</summary>
    public IReadOnlyList<PastReturnLine> ReturnedLines { get; }
}

/// <summary>An order a customer placed.</summary>
/// <param name="OrderId">The order's id.</param>
/// <param name="PlacedAt">When it was placed; the detector's window counts orders by this instant.</param>
public sealed record PastOrder(string OrderId, DateTimeOffset PlacedAt)
{
    /// <summary>What the order was worth; when every order and returned line in the window states a value in one currency, the serial-returning signal also reports the returned share of value.</summary>
    public Money? Value { get; init; }
}

/// <summary>One line of a past return, with what its inspection found when it has been inspected.</summary>
public sealed record PastReturnLine
{
    /// <summary>Creates a returned line.</summary>
    /// <param name="returnId">The return's id (an RMA number); lines of one return share it.</param>
    /// <param name="returnedAt">When the customer sent or handed in the return; the detector's window counts returns by this instant.</param>
    /// <param name="category">The product category.</param>
    /// <param name="reason">The reason given.</param>
    /// <exception cref="ArgumentException">The id or category is blank.</exception>
    public PastReturnLine(string returnId, DateTimeOffset returnedAt, string category, ReturnReason reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(returnId);
        ArgumentException.ThrowIfNullOrWhiteSpace(category);
        ArgumentNullException.ThrowIfNull(reason);
        ReturnId = returnId;
        ReturnedAt = returnedAt;
        Category = category.Trim();
        Reason = reason;
    }

    /// <summary>The return's id.</summary>
    public string ReturnId { get; }

    /// <summary>When the return was sent or handed in.</summary>
    public DateTimeOffset ReturnedAt { get; }

    /// <summary>The product category.</summary>
    public string Category { get; }

    /// <summary>The reason given.</summary>
    public ReturnReason Reason { get; }

    /// <summary>When the order reached the customer, when known.</summary>
    public DateTimeOffset? DeliveredAt { get; init; }

    /// <summary>What the line was worth, when known.</summary>
    public Money? Value { get; init; }

    /// <summary>The grade of the customer's declaration, when graded.</summary>
    public ConditionGrade? DeclaredGrade { get; init; }

    /// <summary>The inspected grade; <see langword="null"/> until inspected.</summary>
    public ConditionGrade? InspectedGrade { get; init; }

    /// <summary>The discrepancy the inspection found; <see langword="null"/> until inspected.</summary>
    public DiscrepancySeverity? Discrepancy { get; init; }

    /// <summary>The signs of use the inspector found; <see langword="null"/> until inspected.</summary>
    public UsageLevel? InspectedSignsOfUse { get; init; }

    /// <summary>Whether the inspector found the tags attached; <see langword="null"/> when not inspected or the product has none.</summary>
    public bool? InspectedTagsAttached { get; init; }

    /// <summary>Builds the history entry of an inspected line.</summary>
    /// <param name="returnId">The return's id.</param>
    /// <param name="returnedAt">When the return was sent or handed in.</param>
    /// <param name="line">The line as declared.</param>
    /// <param name="inspection">What the inspector found.</param>
    /// <param name="outcome">The result of <see cref="ConditionGrader.Inspect"/> for the two.</param>
    /// <returns>The entry, with grades, discrepancy and the inspected use and tags filled in.</returns>
    public static PastReturnLine FromInspection(string returnId, DateTimeOffset returnedAt, GradingInput line, InspectionRecord inspection, InspectionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(inspection);
        ArgumentNullException.ThrowIfNull(outcome);
        return new PastReturnLine(returnId, returnedAt, line.Product.Category, line.Reason)
        {
            DeclaredGrade = outcome.Declared.Grade,
            InspectedGrade = outcome.Inspected.Grade,
            Discrepancy = outcome.Discrepancy,
            InspectedSignsOfUse = inspection.Condition.SignsOfUse,
            InspectedTagsAttached = inspection.Condition.TagsAttached,
        };
    }
}
