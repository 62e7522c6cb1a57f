namespace Returns.Sdk.ReturnOptions;

/// <summary>
/// Orders return options. A ranking sees all candidates of one request before ordering them, so it can normalise
/// (e.g. the balanced score). The engine breaks remaining ties itself, so the same inputs always rank the same.
/// </summary>
public interface IReturnOptionRanking
{
    /// <summary>The name used in configuration, the API and the CLI, e.g. <c>cheapest</c>.</summary>
    string Name { get; }

    /// <summary>Creates the comparison for one request's candidates: negative when the first option is better.</summary>
    /// <param name="candidates">Every option that will be ranked.</param>
    /// <returns>The comparison.</returns>
    Comparison<ReturnOption> CreateComparison(IReadOnlyList<ReturnOption> candidates);
}
