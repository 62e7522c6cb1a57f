namespace Returns.Sdk.Grading;

/// <summary>
/// Routes a graded item to a disposition a warehouse can carry out: the rules' preferences for the grade and category,
/// in order, the first the warehouse can do. Pure and thread-safe; register one as a singleton.
/// </summary>
public sealed class DispositionRouter
{
    /// <summary>Creates a router.</summary>
    /// <param name="rules">The rules whose disposition tables apply.</param>
    public DispositionRouter(GradingRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = rules;
    }

    /// <summary>The rules applied.</summary>
    public GradingRules Rules { get; }

    /// <summary>Routes an item of a grade and category in a warehouse.</summary>
    /// <param name="grade">The grade, usually the inspected one.</param>
    /// <param name="category">The product category, compared case-insensitively; unlisted categories follow the default.</param>
    /// <param name="warehouse">What the warehouse can do.</param>
    /// <returns>The disposition, or a decision with <see cref="DispositionOutcome.NoRoute"/> when the warehouse can do none of the preferences.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The grade is undefined.</exception>
    public DispositionDecision Route(ConditionGrade grade, string category, WarehouseCapabilities warehouse)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        var preferences = Rules.DispositionsFor(grade, category);
        var chosen = -1;
        for (var i = 0; i < preferences.Count; i++)
        {
            if (warehouse.CanPerform(preferences[i]))
            {
                chosen = i;
                break;
            }
        }

        return new DispositionDecision(grade, category, warehouse.WarehouseId, preferences, chosen);
    }

    /// <summary>Routes a graded line.</summary>
    /// <param name="assessment">The line's assessment, usually <see cref="InspectionOutcome.Inspected"/>.</param>
    /// <param name="product">The product, for its category.</param>
    /// <param name="warehouse">What the warehouse can do.</param>
    /// <returns>The decision.</returns>
    public DispositionDecision Route(GradeAssessment assessment, ProductAttributes product, WarehouseCapabilities warehouse)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(product);
        return Route(assessment.Grade, product.Category, warehouse);
    }
}
