using Returns.Labels.Internal;

namespace Returns.Labels.Tests.Internal;

public sealed class ZplLabelWriterTests
{
    [Theory]
    [InlineData("ABC", ">:ABC", 5)]
    [InlineData("1234", ">;1234", 4)]
    [InlineData("12", ">;12", 3)]
    [InlineData("1", ">:1", 3)]
    [InlineData("12345", ">;1234>65", 6)]
    [InlineData("AB123456CD", ">:AB>5123456>6CD", 11)]
    [InlineData("AB1234", ">:AB>51234", 7)]
    [InlineData("AB12345", ">:AB1>52345", 8)]
    [InlineData("AB1234CD", ">:AB1234CD", 10)]
    [InlineData("a>b^c~d", ">:a>0b><c>=d", 9)]
    public void Code128Data_Value_UsesSubsetsAndInvocationCodes(string value, string expected, int symbols)
    {
        var (data, modules) = ZplLabelWriter.Code128Data(value);

        Assert.Equal(expected, data);
        Assert.Equal((symbols * 11) + 13, modules);
    }

    [Theory]
    [InlineData("plain text", false, "plain text")]
    [InlineData("a^b~c_d", false, "a_5Eb_7Ec_5Fd")]
    [InlineData("Müller €", false, "M_C3_BCller _E2_82_AC")]
    [InlineData("back\\slash", false, "back\\slash")]
    [InlineData("back\\slash\\&", true, "back\\\\slash\\\\&")]
    public void HexEscape_Text_EscapesCommandPrefixesAndNonAscii(string text, bool fieldBlock, string expected)
    {
        Assert.Equal(expected, ZplLabelWriter.HexEscape(text, fieldBlock));
    }
}
