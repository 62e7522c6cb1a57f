using System.Text.Json.Serialization;

namespace Returns.Sdk.Grading.Internal;

// The wire shape of a grading-rules document (docs/formats/grading-rules.md). Every member is optional here so that
// the compiler, not the deserializer, reports a missing field with its JSON path and a readable message.
internal sealed class GradingDocumentDto
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    public string? Name { get; set; }

    public List<string?>? ExemptFaults { get; set; }

    public ConfidenceDto? Confidence { get; set; }

    public CategoryRulesDto? Default { get; set; }

    public List<CategoryRulesDto?>? Categories { get; set; }
}

internal sealed class ConfidenceDto
{
    public decimal? DefectWithoutPhotos { get; set; }

    public decimal? TagsUnknown { get; set; }

    public decimal? UsageWithoutPhotos { get; set; }
}

// One category's rules; the same shape serves the default, which has no "category" name.
internal sealed class CategoryRulesDto
{
    public string? Category { get; set; }

    public bool? Tagged { get; set; }

    public List<GradingRuleDto?>? Rules { get; set; }

    public Dictionary<string, List<string?>?>? Dispositions { get; set; }

    public Dictionary<string, RefundConsequenceDto?>? DiscrepancyRefunds { get; set; }
}

internal sealed class GradingRuleDto
{
    public string? Name { get; set; }

    public ConditionsDto? When { get; set; }

    public OutcomeDto? Then { get; set; }
}

internal sealed class ConditionsDto
{
    public List<string?>? Packaging { get; set; }

    public List<string?>? SignsOfUse { get; set; }

    public List<string?>? Tags { get; set; }

    public bool? DefectDescribed { get; set; }

    public int? MinPhotos { get; set; }

    public int? MaxPhotos { get; set; }

    public bool? Hygiene { get; set; }

    public List<string?>? ReasonFaults { get; set; }
}

internal sealed class OutcomeDto
{
    public string? Grade { get; set; }

    public decimal? Confidence { get; set; }

    public string? Explanation { get; set; }
}

internal sealed class RefundConsequenceDto
{
    public string? Action { get; set; }

    public decimal? Percent { get; set; }
}
