namespace Returns.Sdk.Grading;

/// <summary>One rule of a <see cref="GradingRules"/> document, as an assessment names it.</summary>
public sealed record GradingRule
{
    internal GradingRule(string name, string path, string? category, ConditionGrade grade, double confidence, string explanation)
    {
        Name = name;
        Path = path;
        Category = category;
        Grade = grade;
        Confidence = confidence;
        Explanation = explanation;
    }

    /// <summary>The rule's name, or its JSON path without <c>$.</c> when the document gives none.</summary>
    public string Name { get; }

    /// <summary>Where the rule is written, e.g. <c>$.categories[0].rules[2]</c>.</summary>
    public string Path { get; }

    /// <summary>The category whose rules hold it, as written in the document; <see langword="null"/> for the default rules.</summary>
    public string? Category { get; }

    /// <summary>The grade the rule gives.</summary>
    public ConditionGrade Grade { get; }

    /// <summary>The confidence the rule states, before any lowering for a thin declaration.</summary>
    public double Confidence { get; }

    /// <summary>The rule's explanation, as written.</summary>
    public string Explanation { get; }
}
