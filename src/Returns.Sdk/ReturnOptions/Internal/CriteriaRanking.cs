namespace Returns.Sdk.ReturnOptions.Internal;

internal sealed class CriteriaRanking(string name, params Criterion[] criteria) : IReturnOptionRanking
{
    private readonly Comparison<ReturnOption> _comparison = (x, y) =>
    {
        foreach (var criterion in criteria)
        {
            var order = Criteria.Compare(criterion, x, y);
            if (order != 0)
            {
                return order;
            }
        }

        return Criteria.TieBreak(x, y);
    };

    public string Name { get; } = name;

    public Comparison<ReturnOption> CreateComparison(IReadOnlyList<ReturnOption> candidates) => _comparison;
}
