using FsCheck;
using FsCheck.Fluent;
using Returns.Sdk.Lifecycle;

namespace Returns.Sdk.Tests.Lifecycle;

public sealed class RmaNumberTests
{
    private static readonly Gen<RmaNumber> Numbers =
        Gen.ArrayOf(Gen.Elements(RmaNumber.Alphabet.ToCharArray()), 9).Select(symbols => RmaNumber.FromSymbols(symbols));

    [Fact]
    public void FromSymbols_KnownSymbols_AddsCheckSymbol()
    {
        // Computed separately (a few lines of Python over GF(32) with x⁵ + x² + 1): the check symbol of 012345678 is 9.
        var rma = RmaNumber.FromSymbols("012345678");

        Assert.Equal("RMA-01234-56789", rma.Value);
    }

    [Theory]
    [InlineData("rma-01234-56789")]
    [InlineData("0123456 789")]
    [InlineData("RMA-0I234-56789")]
    [InlineData("RMA-0l234-56789")]
    [InlineData(" RMA-O1234-56789 ")]
    [InlineData("rmaO1234-56789")]
    public void Parse_TypedForms_ReadsCanonicalNumber(string typed)
    {
        Assert.Equal("RMA-01234-56789", RmaNumber.Parse(typed).Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("RMA-01234-56788")]
    [InlineData("RMA-01234-5678")]
    [InlineData("RMA-01234-5678U")]
    [InlineData("RMA-01234-567898")]
    [InlineData("RMA-0123U-56789")]
    public void TryParse_Invalid_ReturnsFalse(string text) =>
        Assert.False(RmaNumber.TryParse(text, out _));

    [Fact]
    public void Parse_Invalid_ThrowsFormatExceptionQuotingInput()
    {
        var error = Assert.Throws<FormatException>(() => RmaNumber.Parse("RMA-01234-56788"));

        Assert.Contains("RMA-01234-56788", error.Message, StringComparison.Ordinal);
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Parse_CanonicalForm_RoundTrips() =>
        Prop.ForAll(Numbers.ToArbitrary(), rma => RmaNumber.Parse(rma.Value) == rma && RmaNumber.Parse(rma.Value.ToLowerInvariant()) == rma);

    [FsCheck.Xunit.Property(MaxTest = 100)]
    public Property TryParse_AnySingleSymbolChanged_IsRejected() =>
        Prop.ForAll(Numbers.ToArbitrary(), rma =>
        {
            var symbols = rma.Value.Replace("RMA-", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).ToCharArray();
            for (var i = 0; i < symbols.Length; i++)
            {
                foreach (var other in RmaNumber.Alphabet.Where(c => c != symbols[i]))
                {
                    var typo = (char[])symbols.Clone();
                    typo[i] = other;
                    if (RmaNumber.TryParse(new string(typo), out _))
                    {
                        return false;
                    }
                }
            }

            return true;
        });

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property TryParse_NeighboursSwapped_IsRejected() =>
        Prop.ForAll(Numbers.ToArbitrary(), rma =>
        {
            var symbols = rma.Value.Replace("RMA-", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).ToCharArray();
            for (var i = 0; i + 1 < symbols.Length; i++)
            {
                if (symbols[i] == symbols[i + 1])
                {
                    continue;
                }

                var swapped = (char[])symbols.Clone();
                (swapped[i], swapped[i + 1]) = (swapped[i + 1], swapped[i]);
                if (RmaNumber.TryParse(new string(swapped), out _))
                {
                    return false;
                }
            }

            return true;
        });

    [Fact]
    public void NewRandom_ManyNumbers_AreValidAndDistinct()
    {
        var numbers = Enumerable.Range(0, 10_000).Select(_ => RmaNumber.NewRandom()).ToArray();

        Assert.All(numbers, n => Assert.True(RmaNumber.TryParse(n.Value, out _)));
        Assert.Equal(numbers.Length, numbers.Distinct().Count());
    }

    [Fact]
    public void Value_Default_Throws() =>
        Assert.Throws<InvalidOperationException>(() => default(RmaNumber).Value);
}
