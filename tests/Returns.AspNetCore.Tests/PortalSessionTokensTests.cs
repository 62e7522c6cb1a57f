using System.Buffers.Text;
using static Returns.AspNetCore.Tests.PortalSecurityFixtures;

namespace Returns.AspNetCore.Tests;

public sealed class PortalSessionTokensTests
{
    [Fact]
    public void Validate_IssuedToken_ReturnsSessionForThatOrder()
    {
        var clock = Clock();
        var tokens = new PortalSessionTokens(Options(), clock);

        var result = tokens.Validate(tokens.Issue("ORD-1", "C-1"), "ORD-1");

        Assert.True(result.IsValid);
        Assert.Equal(new PortalSession("ORD-1", "C-1", Start.AddMinutes(30), "k1"), result.Session);
    }

    [Fact]
    public void Validate_OrderNumberDiffersInCaseAndSpaces_IsValid()
    {
        var tokens = new PortalSessionTokens(Options(), Clock());

        Assert.True(tokens.Validate(tokens.Issue("ord-1", "C-1"), " ORD-1 ").IsValid);
    }

    [Fact]
    public void Validate_TokenForOrderA_IsOtherOrderForOrderB()
    {
        var tokens = new PortalSessionTokens(Options(), Clock());
        var token = tokens.Issue("ORD-A", "C-1");

        Assert.Equal(PortalSessionStatus.OtherOrder, tokens.Validate(token, "ORD-B").Status);
        Assert.Equal(PortalSessionStatus.OtherOrder, tokens.Validate(token, null).Status);
        Assert.Null(tokens.Validate(token, "ORD-B").Session);
    }

    [Fact]
    public void Validate_PayloadReSignedForOrderBWithoutKey_IsTampered()
    {
        var tokens = new PortalSessionTokens(Options(), Clock());
        var tokenA = tokens.Issue("ORD-A", "C-1").Split('.');
        var tokenB = tokens.Issue("ORD-B", "C-1").Split('.');

        // Order B's genuine payload under order A's signature.
        var forged = string.Join('.', tokenA[0], tokenB[1], tokenA[2]);

        Assert.Equal(PortalSessionStatus.Tampered, tokens.Validate(forged, "ORD-B").Status);
    }

    [Fact]
    public void Validate_EveryCharacterChanged_IsNeverValid()
    {
        var tokens = new PortalSessionTokens(Options(), Clock());
        var token = tokens.Issue("ORD-1", "C-1");
        var keyIdLength = token.IndexOf('.', StringComparison.Ordinal);

        for (var i = 0; i < token.Length; i++)
        {
            if (token[i] == '.')
            {
                continue;
            }

            var status = tokens.Validate(ChangeAt(token, i), "ORD-1").Status;
            if (i < keyIdLength)
            {
                Assert.Equal(PortalSessionStatus.UnknownKey, status);
            }
            else
            {
                // A change in the unused low bits of the last character is caught as a non-canonical (malformed) spelling.
                Assert.Contains(status, new[] { PortalSessionStatus.Tampered, PortalSessionStatus.Malformed });
            }
        }
    }

    [Fact]
    public void Validate_SignatureOfAnotherKeyUnderConfiguredKeyId_IsTampered()
    {
        var clock = Clock();
        var ours = new PortalSessionTokens(Options("k1"), clock);
        var theirs = new PortalSessionTokens(Microsoft.Extensions.Options.Options.Create(new ReturnsPortalOptions { SigningKeys = { ["k1"] = Key(7) } }), clock);

        Assert.Equal(PortalSessionStatus.Tampered, ours.Validate(theirs.Issue("ORD-1", "C-1"), "ORD-1").Status);
    }

    [Fact]
    public void Validate_AtAndAfterExpiry_IsExpired()
    {
        var clock = Clock();
        var tokens = new PortalSessionTokens(Options(), clock);
        var token = tokens.Issue("ORD-1", "C-1");

        clock.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromSeconds(1));
        Assert.True(tokens.Validate(token, "ORD-1").IsValid);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(PortalSessionStatus.Expired, tokens.Validate(token, "ORD-1").Status);
    }

    [Fact]
    public void Validate_ConfiguredSessionLifetime_IsUsed()
    {
        var clock = Clock();
        var options = Options();
        options.Value.SessionLifetime = TimeSpan.FromMinutes(5);
        var tokens = new PortalSessionTokens(options, clock);
        var token = tokens.Issue("ORD-1", "C-1");

        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(PortalSessionStatus.Expired, tokens.Validate(token, "ORD-1").Status);
    }

    [Fact]
    public void Validate_AfterRotation_OldTokensStillValidAndNewOnesUseNewKey()
    {
        var clock = Clock();
        var before = new PortalSessionTokens(Options("k1", "k1"), clock);
        var during = new PortalSessionTokens(Options("k2", "k1", "k2"), clock);
        var after = new PortalSessionTokens(Options("k2", "k2"), clock);
        var oldToken = before.Issue("ORD-1", "C-1");
        var newToken = during.Issue("ORD-1", "C-1");

        Assert.True(during.Validate(oldToken, "ORD-1").IsValid);
        Assert.Equal("k2", during.Validate(newToken, "ORD-1").Session?.KeyId);
        Assert.StartsWith("k2.", newToken, StringComparison.Ordinal);
        Assert.Equal(PortalSessionStatus.UnknownKey, after.Validate(oldToken, "ORD-1").Status);
        Assert.True(after.Validate(newToken, "ORD-1").IsValid);
        Assert.Equal(PortalSessionStatus.UnknownKey, before.Validate(newToken, "ORD-1").Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-dots-at-all")]
    [InlineData("k1.onlyone")]
    [InlineData("k1..")]
    [InlineData("k1.a.b.c")]
    [InlineData("k1.!!!.???")]
    [InlineData("k 1.AAAA.AAAA")]
    [InlineData("k1.AAAA.AAAA")]
    [InlineData("k1.AAAA=.AAAA")]
    [InlineData("....")]
    public void Validate_Garbage_IsMalformed(string? token)
    {
        var tokens = new PortalSessionTokens(Options(), Clock());

        var result = tokens.Validate(token, "ORD-1");

        Assert.Equal(PortalSessionStatus.Malformed, result.Status);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Validate_HugeOrWhitespacePaddedToken_IsMalformed()
    {
        var tokens = new PortalSessionTokens(Options(), Clock());
        var token = tokens.Issue("ORD-1", "C-1");

        Assert.Equal(PortalSessionStatus.Malformed, tokens.Validate(new string('A', 1_000_000), "ORD-1").Status);
        Assert.Equal(PortalSessionStatus.Malformed, tokens.Validate(token + new string('A', PortalSessionTokens.MaximumTokenLength), "ORD-1").Status);
        Assert.Equal(PortalSessionStatus.Malformed, tokens.Validate(token.Insert(token.Length - 5, " "), "ORD-1").Status);
    }

    [Fact]
    public void Validate_SignedPayloadOfWrongShape_IsMalformed()
    {
        var options = Options();
        var tokens = new PortalSessionTokens(options, Clock());
        var payload = Base64Url.EncodeToString("not our payload"u8);
        var key = Convert.FromBase64String(options.Value.SigningKeys["k1"]);
        var signature = System.Security.Cryptography.HMACSHA256.HashData(key, System.Text.Encoding.ASCII.GetBytes("returns-portal-session.k1." + payload));

        Assert.Equal(PortalSessionStatus.Malformed, tokens.Validate("k1." + payload + "." + Base64Url.EncodeToString(signature), "ORD-1").Status);
    }

    [Fact]
    public void Issue_BlankOrderNumber_Throws()
    {
        var tokens = new PortalSessionTokens(Options(), Clock());

        Assert.Throws<ArgumentException>(() => tokens.Issue(" ", "C-1"));
        Assert.Throws<ArgumentOutOfRangeException>(() => tokens.Issue(new string('1', 513), "C-1"));
    }
}
