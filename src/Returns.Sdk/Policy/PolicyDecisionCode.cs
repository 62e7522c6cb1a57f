namespace Returns.Sdk.Policy;

/// <summary>
/// Why a line is or is not returnable. Codes are stable; their snake_case spelling is part of the JSON output.
/// </summary>
public enum PolicyDecisionCode
{
    /// <summary>Returnable within the retailer's return window.</summary>
    WithinWindow,

    /// <summary>Returnable because a seasonal extension (e.g. holiday purchases) runs longer than the window.</summary>
    WithinSeasonalExtension,

    /// <summary>Returnable under the EU 14-day right of withdrawal, whatever the retailer's own terms say.</summary>
    WithinEuWithdrawalPeriod,

    /// <summary>A hygiene product returnable under the EU right of withdrawal only while its seal is unbroken.</summary>
    SealMustBeUnbroken,

    /// <summary>Every unit bought has already been returned.</summary>
    NothingLeftToReturn,

    /// <summary>Gift cards are not returnable.</summary>
    GiftCard,

    /// <summary>Personalised products are not returnable.</summary>
    Personalised,

    /// <summary>Hygiene products are not returnable (or not once unsealed).</summary>
    Hygiene,

    /// <summary>Hazardous goods are not returnable.</summary>
    Hazardous,

    /// <summary>Sold as final sale.</summary>
    FinalSale,

    /// <summary>The product's category is excluded by the policy.</summary>
    ExcludedCategory,

    /// <summary>The SKU is excluded by the policy.</summary>
    ExcludedSku,

    /// <summary>The return window has closed.</summary>
    WindowExpired,

    /// <summary>More units were requested than remain returnable.</summary>
    QuantityExceedsReturnable,
}
