using Returns.Sdk.Grading;

namespace Returns.Sdk.Forecast;

/// <summary>What one warehouse expects on one local day.</summary>
public sealed record InboundDay
{
    internal InboundDay(string warehouseId, DateOnly date, int parcels, int units, int[] unitsByGrade, int[] parcelsByGrade, int[] unitsByDisposition)
    {
        WarehouseId = warehouseId;
        Date = date;
        Parcels = parcels;
        Units = units;
        UnitsByGrade = unitsByGrade;
        ParcelsByGrade = parcelsByGrade;
        UnitsByDisposition = unitsByDisposition;
    }

    /// <summary>The warehouse.</summary>
    public string WarehouseId { get; }

    /// <summary>The local date at the warehouse.</summary>
    public DateOnly Date { get; }

    /// <summary>Parcels expected.</summary>
    public int Parcels { get; }

    /// <summary>Units expected.</summary>
    public int Units { get; }

    /// <summary>Units per declared grade, indexed by <see cref="ConditionGrade"/>.</summary>
    public IReadOnlyList<int> UnitsByGrade { get; }

    /// <summary>Parcels holding at least one unit of each declared grade, indexed by <see cref="ConditionGrade"/>; a mixed parcel counts under each of its grades.</summary>
    public IReadOnlyList<int> ParcelsByGrade { get; }

    /// <summary>Units per expected disposition, indexed by <see cref="Disposition"/>.</summary>
    public IReadOnlyList<int> UnitsByDisposition { get; }

    /// <summary>Units of one grade.</summary>
    /// <param name="grade">The grade.</param>
    /// <returns>The units.</returns>
    public int UnitsOf(ConditionGrade grade) => UnitsByGrade[(int)grade];

    /// <summary>Units of one disposition.</summary>
    /// <param name="disposition">The disposition.</param>
    /// <returns>The units.</returns>
    public int UnitsOf(Disposition disposition) => UnitsByDisposition[(int)disposition];
}
