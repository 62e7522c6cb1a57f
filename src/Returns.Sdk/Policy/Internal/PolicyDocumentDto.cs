using System.Text.Json.Serialization;

namespace Returns.Sdk.Policy.Internal;

// The wire shape of a policy document (docs/policy.md). Every member is optional here so that the validator,
// not the deserializer, reports a missing field with its JSON path and a readable message.
internal sealed class PolicyDocumentDto
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    public string? PolicyId { get; set; }

    public List<PolicyVersionDto?>? Versions { get; set; }
}

internal sealed class PolicyVersionDto
{
    public string? Version { get; set; }

    public string? EffectiveFrom { get; set; }

    public string? TimeZone { get; set; }

    public List<string?>? Currencies { get; set; }

    public List<string?>? Jurisdictions { get; set; }

    public WindowDto? Window { get; set; }

    public List<WindowRuleDto?>? WindowRules { get; set; }

    public List<SeasonalExtensionDto?>? SeasonalExtensions { get; set; }

    public ExclusionsDto? Exclusions { get; set; }

    public FeesDto? Fees { get; set; }

    public RefundsDto? Refunds { get; set; }

    public KeepItDto? KeepIt { get; set; }
}

internal sealed class WindowDto
{
    public int? Days { get; set; }
}

internal sealed class MatchDto
{
    public List<string?>? Categories { get; set; }

    public List<string?>? Skus { get; set; }

    public List<string?>? Channels { get; set; }

    public List<string?>? CustomerTiers { get; set; }

    public List<string?>? Countries { get; set; }
}

internal sealed class WindowRuleDto
{
    public string? Name { get; set; }

    public MatchDto? When { get; set; }

    public int? Days { get; set; }
}

internal sealed class SeasonalExtensionDto
{
    public string? Name { get; set; }

    public DateOnly? PurchasedFrom { get; set; }

    public DateOnly? PurchasedTo { get; set; }

    public DateOnly? ReturnUntil { get; set; }
}

internal sealed class ExclusionsDto
{
    public bool? FinalSale { get; set; }

    public bool? Hygiene { get; set; }

    public bool? Personalised { get; set; }

    public bool? Hazardous { get; set; }

    public bool? GiftCards { get; set; }

    public List<string?>? Categories { get; set; }

    public List<string?>? Skus { get; set; }
}

internal sealed class FeesDto
{
    public Dictionary<string, Dictionary<string, decimal>?>? Methods { get; set; }

    public List<string?>? WaivedForReasons { get; set; }

    public List<string?>? WaivedForFaults { get; set; }

    public List<RestockingRuleDto?>? Restocking { get; set; }

    public Dictionary<string, decimal>? Cap { get; set; }
}

internal sealed class RestockingRuleDto
{
    public string? Name { get; set; }

    public MatchDto? When { get; set; }

    public decimal? Percent { get; set; }
}

internal sealed class RefundsDto
{
    public List<string?>? Allowed { get; set; }

    public decimal? StoreCreditBonusPercent { get; set; }

    public List<RefundRuleDto?>? Rules { get; set; }

    public string? Timing { get; set; }

    public List<string?>? InstantForCustomerTiers { get; set; }

    public List<string?>? OriginalShipping { get; set; }

    public List<string?>? TenderOrder { get; set; }

    public string? Preferred { get; set; }
}

internal sealed class RefundRuleDto
{
    public string? Name { get; set; }

    public MatchDto? When { get; set; }

    public List<string?>? Allowed { get; set; }
}

internal sealed class KeepItDto
{
    public decimal? RecoveryRatePercent { get; set; }

    public Dictionary<string, decimal>? MaxItemValue { get; set; }

    public Dictionary<string, decimal>? AssumedReturnCost { get; set; }
}
