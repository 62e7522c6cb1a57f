using Returns.Sdk.Grading.Internal;

namespace Returns.Sdk.Grading;

/// <summary>The grade of one returned line, with how sure the grader is and why.</summary>
public sealed record GradeAssessment
{
    private readonly GradingOutcome _outcome;

    internal GradeAssessment(GradingOutcome outcome, string? lineId)
    {
        _outcome = outcome;
        LineId = lineId;
    }

    /// <summary>The line's id, from <see cref="GradingInput.LineId"/>.</summary>
    public string? LineId { get; }

    /// <summary>The grade.</summary>
    public ConditionGrade Grade => _outcome.Rule.Grade;

    /// <summary>
    /// How sure the grade is, from 0 to 1: the rule's confidence, multiplied by the document's factor for each thin-declaration
    /// reason in <see cref="Reasons"/>, rounded to three decimals.
    /// </summary>
    public double Confidence => _outcome.Confidence;

    /// <summary>The rule that matched.</summary>
    public GradingRule Rule => _outcome.Rule;

    /// <summary>Reason codes beyond the rule: what lowered the confidence, whether the default rules applied.</summary>
    public GradingReasons Reasons => _outcome.Reasons;

    /// <summary>The explanation in English: the rule's explanation, the rule's name and what lowered the confidence.</summary>
    public string Explanation => _outcome.Explanation;
}
