namespace Returns.Sdk.Grading;

/// <summary>How resellable a returned item is, from best to worst.</summary>
public enum ConditionGrade
{
    /// <summary>New and resellable as is.</summary>
    A,

    /// <summary>Like new; needs repackaging before resale.</summary>
    B,

    /// <summary>Used; sell as outlet or second hand, or refurbish.</summary>
    C,

    /// <summary>Damaged or defective.</summary>
    D,

    /// <summary>Not resellable in any form.</summary>
    X,
}
