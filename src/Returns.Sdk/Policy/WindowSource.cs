namespace Returns.Sdk.Policy;

/// <summary>Which rule set a line's return deadline.</summary>
public enum WindowSource
{
    /// <summary>The policy's standard window.</summary>
    Standard,

    /// <summary>A window rule for the line's category, SKU, channel, customer tier or country.</summary>
    Rule,

    /// <summary>A seasonal extension.</summary>
    SeasonalExtension,

    /// <summary>The EU 14-day right of withdrawal, which no rule may undercut.</summary>
    EuWithdrawal,
}

/// <summary>What a return window counts from.</summary>
public enum WindowBasis
{
    /// <summary>The delivery date.</summary>
    Delivery,

    /// <summary>The order date, while the order is not delivered.</summary>
    OrderDate,
}
