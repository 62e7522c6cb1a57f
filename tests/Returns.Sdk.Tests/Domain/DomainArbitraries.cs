using FsCheck;
using FsCheck.Fluent;

namespace Returns.Sdk.Tests.Domain;

/// <summary>FsCheck generators for the domain's value types, kept inside their valid ranges.</summary>
public static class DomainArbitraries
{
    /// <summary>Currencies with 0, 2, 3 and 4 minor units.</summary>
    public static readonly Currency[] Currencies =
        [Currency.EUR, Currency.USD, Currency.FromCode("JPY"), Currency.FromCode("KWD"), Currency.FromCode("CLF")];

    /// <summary>Any position on earth, including the poles and both sides of the antimeridian, to 1e-6 degree.</summary>
    public static Arbitrary<GeoPoint> GeoPoints() =>
        (from latitude in Gen.OneOf(Gen.Choose(-90_000_000, 90_000_000), Gen.Elements(-90_000_000, 90_000_000, 0))
         from longitude in Gen.OneOf(Gen.Choose(-180_000_000, 180_000_000), Gen.Elements(-180_000_000, 180_000_000, 179_999_999, -179_999_999))
         select new GeoPoint(latitude / 1e6, longitude / 1e6)).ToArbitrary();

    /// <summary>Boxes with sides from 0.1 cm to 1000 cm, often with equal sides.</summary>
    public static Arbitrary<Dimensions> Dimensions() =>
        (from sides in Gen.ArrayOf(Gen.OneOf(Gen.Choose(1, 10_000), Gen.Elements(100, 200, 300)), 3)
         select new Dimensions(sides[0] / 10m, sides[1] / 10m, sides[2] / 10m)).ToArbitrary();

    /// <summary>Amounts with up to eight decimals (more than any currency allows), positive and negative.</summary>
    public static Arbitrary<Money> Money() =>
        (from units in Gen.Choose(int.MinValue, int.MaxValue)
         from fraction in Gen.Choose(0, 99_999_999)
         from scale in Gen.Choose(0, 8)
         from currency in Gen.Elements(Currencies)
         select new Money(Compose(units, fraction, scale), currency)).ToArbitrary();

    private static decimal Compose(int units, int fraction, int scale)
    {
        // fraction / 10^8 truncated to `scale` decimals, then signed like `units`.
        var frac = decimal.Round(fraction / 100_000_000m, scale, MidpointRounding.ToZero);
        return units < 0 ? units - frac : units + frac;
    }
}
