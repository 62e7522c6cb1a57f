namespace Returns.Sdk.ReturnOptions.Internal;

internal enum Criterion
{
    RetailerCost,
    CustomerFee,
    Distance,
    Arrival,
}

internal static class Criteria
{
    public static int Compare(Criterion criterion, ReturnOption x, ReturnOption y) => criterion switch
    {
        Criterion.RetailerCost => x.RetailerCost.Amount.CompareTo(y.RetailerCost.Amount),
        Criterion.CustomerFee => x.CustomerFee.Amount.CompareTo(y.CustomerFee.Amount),
        Criterion.Distance => x.DistanceKm.CompareTo(y.DistanceKm),
        Criterion.Arrival => x.ExpectedArrival.CompareTo(y.ExpectedArrival),
        _ => throw new ArgumentOutOfRangeException(nameof(criterion)),
    };

    // The last word in every ranking, so that equal scores still order the same way on every run.
    public static int TieBreak(ReturnOption x, ReturnOption y)
    {
        var order = x.Method.CompareTo(y.Method);
        if (order == 0)
        {
            order = string.CompareOrdinal(x.CarrierId, y.CarrierId);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(x.ServiceCode, y.ServiceCode);
        }

        return order != 0 ? order : string.CompareOrdinal(x.NearestLocation?.Point.Id, y.NearestLocation?.Point.Id);
    }
}
