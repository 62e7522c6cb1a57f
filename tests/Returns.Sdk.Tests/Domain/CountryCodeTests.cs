namespace Returns.Sdk.Tests.Domain;

public sealed class CountryCodeTests
{
    [Theory]
    [InlineData("NL", "NL")]
    [InlineData("nl", "NL")]
    [InlineData("De", "DE")]
    [InlineData("gb", "GB")]
    [InlineData("ax", "AX")]
    public void Parse_AssignedCodeAnyCase_ReturnsUpperCase(string input, string expected)
    {
        var country = CountryCode.Parse(input);

        Assert.Equal(expected, country.Value);
        Assert.Equal(expected, country.ToString());
        Assert.Equal(CountryCode.Parse(expected), country);
    }

    [Theory]
    [InlineData("ZZ")]  // unassigned
    [InlineData("XK")]  // Kosovo: user-assigned, not officially assigned
    [InlineData("EL")]  // the EU's code for Greece, not ISO 3166-1
    [InlineData("UK")]  // exceptionally reserved; the ISO code is GB
    [InlineData("N")]
    [InlineData("NLD")]
    [InlineData("")]
    [InlineData("1A")]
    [InlineData(" N")]
    public void Parse_NotAnAssignedAlpha2Code_ThrowsArgumentExceptionNamingIt(string code)
    {
        var exception = Assert.Throws<ArgumentException>(() => CountryCode.Parse(code));

        Assert.Equal("code", exception.ParamName);
        Assert.Contains($"'{code}'", exception.Message, StringComparison.Ordinal);
        Assert.False(CountryCode.TryParse(code, out var country));
        Assert.Equal(default, country);
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse()
    {
        Assert.False(CountryCode.TryParse(null, out _));
    }

    [Theory]
    [InlineData("NL", true, true)]
    [InlineData("DE", true, true)]
    [InlineData("GR", true, true)]
    [InlineData("HR", true, true)]
    [InlineData("CY", true, true)]
    [InlineData("NO", false, true)]
    [InlineData("IS", false, true)]
    [InlineData("LI", false, true)]
    [InlineData("CH", false, false)]
    [InlineData("GB", false, false)]
    [InlineData("US", false, false)]
    [InlineData("TR", false, false)]
    [InlineData("GL", false, false)] // Greenland left the EEC in 1985
    public void Membership_Country_IsEuAndEeaAsInTreaties(string code, bool eu, bool eea)
    {
        var country = CountryCode.Parse(code);

        Assert.Equal(eu, country.IsEuMember);
        Assert.Equal(eea, country.IsEea);
    }

    [Fact]
    public void Membership_AllCodes_27EuMembersAnd30EeaMembers()
    {
        var assigned = new List<CountryCode>();
        for (var first = 'A'; first <= 'Z'; first++)
        {
            for (var second = 'A'; second <= 'Z'; second++)
            {
                if (CountryCode.TryParse($"{first}{second}", out var country))
                {
                    assigned.Add(country);
                }
            }
        }

        Assert.Equal(249, assigned.Count);
        Assert.Equal(27, assigned.Count(c => c.IsEuMember));
        Assert.Equal(30, assigned.Count(c => c.IsEea));
        Assert.All(assigned.Where(c => c.IsEuMember), c => Assert.True(c.IsEea, $"{c} is EU but not EEA"));
    }

    [Fact]
    public void Default_IsNoCountryAndNoMember()
    {
        var none = default(CountryCode);

        Assert.Equal(string.Empty, none.Value);
        Assert.False(none.IsEuMember);
        Assert.False(none.IsEea);
    }
}
