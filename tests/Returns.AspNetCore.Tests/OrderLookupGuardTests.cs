using Returns.Sdk.Orders;
using static Returns.AspNetCore.Tests.PortalSecurityFixtures;

namespace Returns.AspNetCore.Tests;

public sealed class OrderLookupGuardTests
{
    private readonly PortalSessionTokens _tokens = new(Options(), Clock());

    private OrderLookupGuard Guard() => new(
        new InMemoryOrderSource(
            Order("ORD-1", "C-1", "Ann.Buyer@Example.com", "1012 AB"),
            Order("ORD-2", "C-2", null, "75001")),
        _tokens);

    [Theory]
    [InlineData("ORD-1", "ann.buyer@example.com")]
    [InlineData(" ord-1 ", "  ANN.BUYER@EXAMPLE.COM ")]
    [InlineData("ORD-1", "1012AB")]
    [InlineData("ORD-1", "1012 ab")]
    [InlineData("ORD-1", " 10 12\tAB ")]
    public async Task LookupAsync_RightPair_ReturnsSessionBoundToOrder(string orderNumber, string proof)
    {
        var result = await Guard().LookupAsync(orderNumber, proof, TestContext.Current.CancellationToken);

        Assert.True(result.Found);
        Assert.Equal("ORD-1", result.OrderNumber);
        var session = _tokens.Validate(result.SessionToken, "ORD-1");
        Assert.True(session.IsValid);
        Assert.Equal("C-1", session.Session.CustomerId);
        Assert.Equal(PortalSessionStatus.OtherOrder, _tokens.Validate(result.SessionToken, "ORD-2").Status);
    }

    [Theory]
    [InlineData("ORD-9", "ann.buyer@example.com")]
    [InlineData("ORD-1", "someone.else@example.com")]
    [InlineData("ORD-1", "1012AC")]
    [InlineData("ORD-9", "1012AB")]
    [InlineData("ORD-2", "ann.buyer@example.com")]
    [InlineData("ORD-2", "@")]
    [InlineData("ORD-1", "ann.buyer@example")]
    [InlineData("", "1012AB")]
    [InlineData("ORD-1", "")]
    [InlineData(null, null)]
    public async Task LookupAsync_WrongNumberEmailOrPostcode_ReturnsTheOneNotFound(string? orderNumber, string? proof)
    {
        var result = await Guard().LookupAsync(orderNumber, proof, TestContext.Current.CancellationToken);

        Assert.Same(OrderLookupResult.NotFound, result);
        Assert.False(result.Found);
        Assert.Null(result.SessionToken);
        Assert.Null(result.OrderNumber);
    }

    [Fact]
    public async Task LookupAsync_WrongNumberAndWrongEmail_AreIndistinguishable()
    {
        var guard = Guard();
        var cancellationToken = TestContext.Current.CancellationToken;

        var wrongNumber = await guard.LookupAsync("ORD-9", "ann.buyer@example.com", cancellationToken);
        var wrongEmail = await guard.LookupAsync("ORD-1", "eve@example.com", cancellationToken);
        var wrongPostcode = await guard.LookupAsync("ORD-1", "9999ZZ", cancellationToken);

        Assert.Same(wrongNumber, wrongEmail);
        Assert.Same(wrongNumber, wrongPostcode);
        Assert.Equal(wrongNumber.ToString(), wrongEmail.ToString());
    }

    [Fact]
    public async Task LookupAsync_HugeInput_ReturnsNotFound()
    {
        var result = await Guard().LookupAsync(new string('1', 100_000), "1012AB", TestContext.Current.CancellationToken);

        Assert.Same(OrderLookupResult.NotFound, result);
    }
}
