using static Returns.AspNetCore.Tests.PortalSecurityFixtures;

namespace Returns.AspNetCore.Tests;

public sealed class SignedLinksTests
{
    [Fact]
    public void Validate_CreatedLink_ReturnsSignedValues()
    {
        var links = new SignedLinks(Options(), Clock());

        var result = links.Validate(links.Create("/returns/labels", "RMA 1/2&x", "label.pdf"));

        Assert.True(result.IsValid);
        Assert.Equal(new SignedLink("/returns/labels", "RMA 1/2&x", "label.pdf", Start.AddMinutes(15)), result.Link);
    }

    [Fact]
    public void Validate_AtAndAfterExpiry_IsExpired()
    {
        var clock = Clock();
        var links = new SignedLinks(Options(), clock);
        var link = links.Create("/returns/labels", "RMA-1", "label.pdf");

        clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        Assert.True(links.Validate(link).IsValid);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(SignedLinkStatus.Expired, links.Validate(link).Status);
    }

    [Theory]
    [InlineData("/returns/labels", "/returns/other")]
    [InlineData("rma=RMA-1", "rma=RMA-2")]
    [InlineData("file=label.pdf", "file=slip.pdf")]
    [InlineData("exp=", "exp=9")]
    public void Validate_ChangedPart_IsTampered(string part, string replacement)
    {
        var links = new SignedLinks(Options(), Clock());
        var link = links.Create("/returns/labels", "RMA-1", "label.pdf");

        var result = links.Validate(link.Replace(part, replacement, StringComparison.Ordinal));

        Assert.Equal(SignedLinkStatus.Tampered, result.Status);
        Assert.Null(result.Link);
    }

    [Fact]
    public void Validate_EverySignatureCharacterChanged_IsNeverValid()
    {
        var links = new SignedLinks(Options(), Clock());
        var link = links.Create("/returns/labels", "RMA-1", "label.pdf");
        var signatureStart = link.IndexOf("&sig=", StringComparison.Ordinal) + 5;

        for (var i = signatureStart; i < link.Length; i++)
        {
            Assert.Contains(links.Validate(ChangeAt(link, i)).Status, new[] { SignedLinkStatus.Tampered, SignedLinkStatus.Malformed });
        }
    }

    [Fact]
    public void Validate_AfterRotation_OldLinksValidUntilOldKeyRemoved()
    {
        var clock = Clock();
        var before = new SignedLinks(Options("k1", "k1"), clock);
        var during = new SignedLinks(Options("k2", "k1", "k2"), clock);
        var after = new SignedLinks(Options("k2", "k2"), clock);
        var oldLink = before.Create("/l", "RMA-1", "label.pdf");

        Assert.True(during.Validate(oldLink).IsValid);
        Assert.Contains("&kid=k2&", during.Create("/l", "RMA-1", "label.pdf"), StringComparison.Ordinal);
        Assert.Equal(SignedLinkStatus.UnknownKey, after.Validate(oldLink).Status);
        Assert.Equal(SignedLinkStatus.UnknownKey, after.Validate(oldLink.Replace("kid=k1", "kid=nope", StringComparison.Ordinal)).Status);
    }

    [Fact]
    public void Validate_SessionKeyUsedForLinks_SessionTokenSignatureDoesNotPassAsLink()
    {
        var options = Options();
        var clock = Clock();
        var links = new SignedLinks(options, clock);
        var sessionSignature = new PortalSessionTokens(options, clock).Issue("ORD-1", "C-1").Split('.')[2];
        var link = links.Create("/l", "RMA-1", "label.pdf");
        var forged = link[..(link.IndexOf("&sig=", StringComparison.Ordinal) + 5)] + sessionSignature;

        Assert.Equal(SignedLinkStatus.Tampered, links.Validate(forged).Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/returns/labels")]
    [InlineData("?rma=1&file=a&exp=1&kid=k1&sig=AAAA")]
    [InlineData("/l?rma=1&file=a&exp=1&kid=k1")]
    [InlineData("/l?rma=1&file=a&exp=-1&kid=k1&sig=AAAA")]
    [InlineData("/l?rma=1&file=a&exp=x&kid=k1&sig=AAAA")]
    [InlineData("/l?rma=1&file=a&exp=1&kid=k1&sig=!!!")]
    [InlineData("/l?rma=1&file=a&exp=1&kid=k1&sig=AAAA")]
    [InlineData("/l?rma=1&rma=2&file=a&exp=1&kid=k1&sig=AAAA")]
    [InlineData("/l?rma=&file=a&exp=1&kid=k1&sig=AAAA")]
    [InlineData("/a b?rma=1&file=a&exp=1&kid=k1&sig=AAAA")]
    [InlineData("%%%?&&&==")]
    public void Validate_Garbage_IsMalformed(string? pathAndQuery)
    {
        var links = new SignedLinks(Options(), Clock());

        Assert.Equal(SignedLinkStatus.Malformed, links.Validate(pathAndQuery).Status);
    }

    [Fact]
    public void Validate_HugeInputOrRepeatedSignature_IsMalformed()
    {
        var links = new SignedLinks(Options(), Clock());
        var link = links.Create("/l", "RMA-1", "label.pdf");

        Assert.Equal(SignedLinkStatus.Malformed, links.Validate("/l?" + new string('a', 1_000_000)).Status);
        Assert.Equal(SignedLinkStatus.Malformed, links.Validate(link + link[link.IndexOf("&sig=", StringComparison.Ordinal)..]).Status);
    }

    [Theory]
    [InlineData("relative/path")]
    [InlineData("/with space")]
    [InlineData("/with?query")]
    [InlineData("https://elsewhere.example/x")]
    public void Create_PathOfAnotherShape_Throws(string path)
    {
        var links = new SignedLinks(Options(), Clock());

        Assert.Throws<ArgumentException>(() => links.Create(path, "RMA-1", "label.pdf"));
    }
}
