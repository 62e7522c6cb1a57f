namespace Returns.Sdk.ReturnOptions.Internal;

internal sealed class BalancedRanking(string name, BalancedWeights weights) : IReturnOptionRanking
{
    public string Name { get; } = name;

    public Comparison<ReturnOption> CreateComparison(IReadOnlyList<ReturnOption> candidates)
    {
        var cost = Span.Of(candidates, static o => (double)o.RetailerCost.Amount);
        var fee = Span.Of(candidates, static o => (double)o.CustomerFee.Amount);
        var distance = Span.Of(candidates, static o => o.DistanceKm);
        var days = Span.Of(candidates, static o => o.ExpectedArrival.DayNumber);
        return (x, y) =>
        {
            var order = Score(x).CompareTo(Score(y));
            return order != 0 ? order : Criteria.TieBreak(x, y);
        };

        double Score(ReturnOption o) =>
            (weights.RetailerCost * cost.Scale((double)o.RetailerCost.Amount))
            + (weights.CustomerFee * fee.Scale((double)o.CustomerFee.Amount))
            + (weights.Distance * distance.Scale(o.DistanceKm))
            + (weights.Days * days.Scale(o.ExpectedArrival.DayNumber));
    }

    // The range of one criterion across the candidates; the best maps to 0 and the worst to 1.
    private readonly record struct Span(double Min, double Max)
    {
        public static Span Of(IReadOnlyList<ReturnOption> candidates, Func<ReturnOption, double> value)
        {
            var min = double.PositiveInfinity;
            var max = double.NegativeInfinity;
            for (var i = 0; i < candidates.Count; i++)
            {
                var v = value(candidates[i]);
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }

            return new Span(min, max);
        }

        public double Scale(double value) => Max > Min ? (value - Min) / (Max - Min) : 0d;
    }
}
