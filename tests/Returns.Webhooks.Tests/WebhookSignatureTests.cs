using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Returns.Webhooks.Tests;

public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_3b1f0c5e9a7d42c68e1f9b0a7c3d5e2f";
    private const string NewSecret = "whsec_new_0f9e8d7c6b5a4938271605f4e3d2c1b0";
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"id":"1","type":"return.created","data":{"rma":"RMA-00000-00000"}}""");

    // Computed here from the published scheme, not with the code under test.
    private static string Hmac(string secret, long t, byte[] body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), (byte[])[.. Encoding.ASCII.GetBytes(t.ToString(CultureInfo.InvariantCulture) + "."), .. body]));

    [Fact]
    public void Compute_OneSecret_IsTimestampAndHmacOfTimestampDotBody()
    {
        var header = WebhookSignature.Compute([Secret], Now, Body);

        var t = Now.ToUnixTimeSeconds();
        Assert.Equal($"t={t},v1={Hmac(Secret, t, Body)}", header);
    }

    [Fact]
    public void Compute_TwoSecrets_OneV1PerSecretInOrder()
    {
        var header = WebhookSignature.Compute([Secret, NewSecret], Now.AddMilliseconds(999), Body);

        var t = Now.ToUnixTimeSeconds();
        Assert.Equal($"t={t},v1={Hmac(Secret, t, Body)},v1={Hmac(NewSecret, t, Body)}", header);
    }

    [Fact]
    public void Verify_FreshSignature_Valid()
    {
        var header = WebhookSignature.Compute([Secret], Now, Body);

        Assert.Equal(WebhookSignatureResult.Valid, WebhookSignature.Verify([Secret], header, Body, Now.AddMinutes(4), WebhookSignature.DefaultTolerance));
    }

    [Theory]
    [InlineData(Secret)]
    [InlineData(NewSecret)]
    [InlineData("whsec_some_other_secret_that_is_long_enough", NewSecret)]
    public void Verify_DuringRotation_ReceiverKnowingEitherSecretAccepts(params string[] receiverSecrets)
    {
        var header = WebhookSignature.Compute([Secret, NewSecret], Now, Body);

        Assert.Equal(WebhookSignatureResult.Valid, WebhookSignature.Verify(receiverSecrets, header, Body, Now, WebhookSignature.DefaultTolerance));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Verify_NoHeader_Missing(string? header)
    {
        Assert.Equal(WebhookSignatureResult.Missing, WebhookSignature.Verify([Secret], header, Body, Now, WebhookSignature.DefaultTolerance));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("t=1740823200")]
    [InlineData("v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=abc,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=-5,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1740823200,t=1740823200,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1740823200,v1=zz00000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1740823200,v1=00")]
    [InlineData("t=1740823200,=x,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    public void Verify_UnparsableHeader_Malformed(string header)
    {
        Assert.Equal(WebhookSignatureResult.Malformed, WebhookSignature.Verify([Secret], header, Body, Now, WebhookSignature.DefaultTolerance));
    }

    [Fact]
    public void Verify_UnknownSchemeAlongsideV1_IgnoresIt()
    {
        var header = WebhookSignature.Compute([Secret], Now, Body) + ",v2=future";

        Assert.Equal(WebhookSignatureResult.Valid, WebhookSignature.Verify([Secret], header, Body, Now, WebhookSignature.DefaultTolerance));
    }

    [Fact]
    public void Verify_TamperedBody_Mismatch()
    {
        var header = WebhookSignature.Compute([Secret], Now, Body);
        var tampered = Body.ToArray();
        tampered[^3] ^= 1;

        Assert.Equal(WebhookSignatureResult.Mismatch, WebhookSignature.Verify([Secret], header, tampered, Now, WebhookSignature.DefaultTolerance));
    }

    [Fact]
    public void Verify_TimestampChangedToLookFresh_Mismatch()
    {
        var old = WebhookSignature.Compute([Secret], Now.AddHours(-1), Body);
        var refreshed = "t=" + Now.ToUnixTimeSeconds() + old[old.IndexOf(',', StringComparison.Ordinal)..];

        Assert.Equal(WebhookSignatureResult.Mismatch, WebhookSignature.Verify([Secret], refreshed, Body, Now, WebhookSignature.DefaultTolerance));
    }

    [Fact]
    public void Verify_WrongSecret_Mismatch()
    {
        var header = WebhookSignature.Compute([Secret], Now, Body);

        Assert.Equal(WebhookSignatureResult.Mismatch, WebhookSignature.Verify([NewSecret], header, Body, Now, WebhookSignature.DefaultTolerance));
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void Verify_SignedOutsideTheTolerance_TooOld(int secondsFromNow)
    {
        var header = WebhookSignature.Compute([Secret], Now.AddSeconds(secondsFromNow), Body);

        Assert.Equal(WebhookSignatureResult.TooOld, WebhookSignature.Verify([Secret], header, Body, Now, TimeSpan.FromMinutes(5)));
        Assert.Equal(WebhookSignatureResult.Valid, WebhookSignature.Verify([Secret], header, Body, Now, TimeSpan.FromSeconds(301)));
    }

    [Fact]
    public void Verify_OldAndTampered_MismatchRatherThanTooOld()
    {
        var header = WebhookSignature.Compute([Secret], Now.AddHours(-2), Body);

        Assert.Equal(WebhookSignatureResult.Mismatch, WebhookSignature.Verify([Secret], header, [.. Body, (byte)' '], Now, WebhookSignature.DefaultTolerance));
    }

    [Fact]
    public void Verify_NoSecrets_Throws()
    {
        Assert.Throws<ArgumentException>(() => WebhookSignature.Verify([], "t=1,v1=00", Body, Now, WebhookSignature.DefaultTolerance));
    }
}
