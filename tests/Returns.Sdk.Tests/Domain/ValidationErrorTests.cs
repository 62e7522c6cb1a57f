namespace Returns.Sdk.Tests.Domain;

public sealed class ValidationErrorTests
{
    [Fact]
    public void ToString_SourceLineAndColumn_FormatsLikeACompiler()
    {
        var error = new ValidationError("$.a", "msg") { Source = "file", Line = 3, Column = 5 };

        Assert.Equal("file(3,5): $.a: msg", error.ToString());
    }

    [Fact]
    public void ToString_SourceAndLineOnly_OmitsColumn()
    {
        var error = new ValidationError("$.a", "msg") { Source = "order.json", Line = 3 };

        Assert.Equal("order.json(3): $.a: msg", error.ToString());
    }

    [Fact]
    public void ToString_NoSourceNoPosition_IsPathAndMessage()
    {
        Assert.Equal("$.a: msg", new ValidationError("$.a", "msg").ToString());
    }

    [Fact]
    public void ToString_SourceWithoutPosition_IsSourcePathAndMessage()
    {
        var error = new ValidationError("$.lines[0].quantity", "must be at least 1; got 0.") { Source = "order.json" };

        Assert.Equal("order.json: $.lines[0].quantity: must be at least 1; got 0.", error.ToString());
    }

    [Fact]
    public void Message_SeveralErrors_ListsEveryOneInOrder()
    {
        ValidationError[] errors =
        [
            new("$.currency", "'EUX' is not an active ISO 4217 currency code.") { Source = "o.json", Line = 4, Column = 3 },
            new("$.lines[0].quantity", "must be at least 1; got -1.") { Source = "o.json", Line = 12, Column = 7 },
            new("$.customer.id", "is required and must not be blank."),
        ];

        var exception = new ReturnsValidationException(errors);

        Assert.Equal(errors, exception.Errors);
        Assert.StartsWith("3 validation errors:", exception.Message, StringComparison.Ordinal);
        var positions = errors.Select(e => exception.Message.IndexOf(e.ToString(), StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);
        Assert.IsAssignableFrom<ReturnsException>(exception);
    }

    [Fact]
    public void Message_SingleError_IsThatError()
    {
        var exception = new ReturnsValidationException("$.lines", "is required and must hold at least one line.");

        Assert.Equal("$.lines: is required and must hold at least one line.", exception.Message);
        Assert.Single(exception.Errors);
    }

    [Fact]
    public void Constructor_NoErrors_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new ReturnsValidationException([]));
    }
}
