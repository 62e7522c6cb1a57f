using Returns.Sdk.Serialization;
using static Returns.Sdk.Tests.Serialization.OrderJson;

namespace Returns.Sdk.Tests.Serialization;

/// <summary>
/// Each test breaks <see cref="OrderJson.Valid"/> in one place and checks that the error names that place:
/// its JSON path, and the line and column of the field in the text.
/// </summary>
public sealed class OrderDocumentErrorTests
{
    [Fact]
    public void Parse_TrailingGarbage_ReportsSyntaxErrorWithLineAndColumn()
    {
        var json = Valid + " x";

        var error = Assert.Single(Reject(json).Errors);

        Assert.StartsWith("malformed JSON", error.Message, StringComparison.Ordinal);
        Assert.Equal(At(json, " x").Line, error.Line);
        Assert.Equal(At(json, " x").Column + 1, error.Column);
    }

    [Fact]
    public void Parse_MissingClosingBrace_ReportsSyntaxErrorAtTheEnd()
    {
        var json = Valid[..Valid.LastIndexOf('}')].TrimEnd();

        var error = Assert.Single(Reject(json).Errors);

        Assert.StartsWith("malformed JSON", error.Message, StringComparison.Ordinal);
        Assert.Equal(15, error.Line);
        Assert.NotNull(error.Column);
    }

    [Fact]
    public void Parse_MissingCommaBetweenFields_ReportsTheLineOfTheNextField()
    {
        var json = Valid.With("\"channel\": \"web\",", "\"channel\": \"web\"");

        var error = Assert.Single(Reject(json).Errors);

        Assert.StartsWith("malformed JSON", error.Message, StringComparison.Ordinal);
        Assert.Equal(At(json, "\"currency\"").Line, error.Line);
        Assert.Equal(At(json, "\"currency\"").Column, error.Column);
    }

    [Fact]
    public void Parse_UnknownFieldInLine_NamesTheFieldAndTheLine()
    {
        var json = Valid.With("\"sku\": \"A\",", "\"sku\": \"A\", \"colour\": \"red\",");

        var error = Assert.Single(Reject(json).Errors);

        Assert.StartsWith("$.lines[0]", error.Path, StringComparison.Ordinal);
        Assert.Contains("'colour'", error.Message, StringComparison.Ordinal);
        Assert.Equal(At(json, "\"colour\"").Line, error.Line);
        Assert.InRange(error.Column!.Value, At(json, "\"colour\"").Column, At(json, "\"red\"").Column);
    }

    [Fact]
    public void Parse_UnknownTopLevelField_IsRejected()
    {
        var json = Valid.With("\"number\": \"T-1\",", "\"number\": \"T-1\", \"numbr\": \"T-2\",");

        var error = Assert.Single(Reject(json).Errors);

        Assert.Contains("'numbr'", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Parse_QuantityAsText_ReportsExpectedWholeNumberAtQuantity()
    {
        var json = Valid.With("\"quantity\": 2", "\"quantity\": \"two\"");

        var error = Assert.Single(Reject(json).Errors);

        Assert.Equal("$.lines[0].quantity", error.Path);
        Assert.Equal("expected a whole number.", error.Message);
        Assert.Equal(11, error.Line);
        Assert.InRange(error.Column!.Value, At(json, "\"quantity\"").Column, At(json, "\"unitPrice\"").Column);
    }

    [Fact]
    public void Parse_FractionalQuantity_ReportsExpectedWholeNumber()
    {
        var json = Valid.With("\"quantity\": 2", "\"quantity\": 1.5");

        var error = Assert.Single(Reject(json).Errors);

        Assert.Equal("$.lines[0].quantity", error.Path);
        Assert.Contains("whole number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PriceAsString_ReportsExpectedNumber()
    {
        var json = Valid.With("\"unitPrice\": 5.00", "\"unitPrice\": \"5.00\"");

        var error = Assert.Single(Reject(json).Errors);

        Assert.Equal("$.lines[1].unitPrice", error.Path);
        Assert.Equal("expected a number.", error.Message);
        Assert.Equal(13, error.Line);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("0")]
    public void Parse_QuantityBelowOne_ReportsQuantityWithPosition(string quantity)
    {
        var json = Valid.With("\"quantity\": 2", $"\"quantity\": {quantity}");

        var error = Reject(json, "o.json").ErrorAt("$.lines[0].quantity");

        Assert.Contains(quantity, error.Message, StringComparison.Ordinal);
        Assert.Equal(At(json, "\"quantity\""), (error.Line!.Value, error.Column!.Value));
        Assert.Equal("o.json", error.Source);
        Assert.StartsWith($"o.json(11,{At(json, "\"quantity\"").Column}): $.lines[0].quantity: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownCurrency_ReportsCurrency()
    {
        var json = Valid.With("\"EUR\"", "\"EUX\"");

        var error = Assert.Single(Reject(json).Errors);

        Assert.Equal("$.currency", error.Path);
        Assert.Contains("'EUX'", error.Message, StringComparison.Ordinal);
        Assert.Equal(At(json, "\"currency\""), (error.Line!.Value, error.Column!.Value));
    }

    [Theory]
    [InlineData("19.95", "19.999", "$.lines[0].unitPrice")]
    [InlineData("5.00", "5.005", "$.lines[1].unitPrice")]
    [InlineData("4.95", "4.951", "$.shippingPaid")]
    [InlineData("44.85", "44.851", "$.tenders[0].amount")]
    [InlineData("\"unitPrice\": 19.95,", "\"unitPrice\": 19.95, \"discount\": 0.125,", "$.lines[0].discount")]
    [InlineData("\"unitPrice\": 19.95,", "\"unitPrice\": 19.95, \"tax\": 3.1234,", "$.lines[0].tax")]
    public void Parse_MoreDecimalsThanEuroAllows_ReportsThatAmount(string original, string replacement, string path)
    {
        var json = Valid.With(original, replacement);

        var error = Assert.Single(Reject(json).Errors);

        Assert.Equal(path, error.Path);
        Assert.Contains("EUR", error.Message, StringComparison.Ordinal);
        var field = "\"" + path[(path.LastIndexOf('.') + 1)..] + "\"";
        Assert.Equal(At(json, field, path == "$.lines[1].unitPrice" ? 1 : 0), (error.Line!.Value, error.Column!.Value));
    }

    [Fact]
    public void Parse_FractionalYen_ReportsTheAmount()
    {
        var json = Valid.With("\"EUR\"", "\"JPY\"").With("4.95", "500").With("44.85", "4000").With("5.00", "500");

        var error = Assert.Single(Reject(json).Errors);

        Assert.Equal("$.lines[0].unitPrice", error.Path);
        Assert.Contains("JPY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NegativeAmount_ReportsTheAmount()
    {
        var error = Assert.Single(Reject(Valid.With("4.95", "-4.95")).Errors);

        Assert.Equal("$.shippingPaid", error.Path);
        Assert.Contains("negative", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownChannel_ReportsChannelAndTheKnownOnes()
    {
        var json = Valid.With("\"web\"", "\"mail_order\"");

        var error = Assert.Single(Reject(json).Errors);

        Assert.Equal("$.channel", error.Path);
        Assert.Contains("'mail_order'", error.Message, StringComparison.Ordinal);
        Assert.Contains("web, store, marketplace", error.Message, StringComparison.Ordinal);
        Assert.Equal(At(json, "\"channel\""), (error.Line!.Value, error.Column!.Value));
    }

    [Fact]
    public void Parse_ChannelInWrongCase_IsRejected()
    {
        var error = Assert.Single(Reject(Valid.With("\"web\"", "\"Web\"")).Errors);

        Assert.Equal("$.channel", error.Path);
    }

    [Fact]
    public void Parse_MissingCustomerId_ReportsCustomerIdAtTheCustomerObject()
    {
        var json = Valid.With("\"id\": \"C-1\", ", string.Empty);

        var error = Assert.Single(Reject(json).Errors);

        Assert.Equal("$.customer.id", error.Path);
        Assert.Equal(At(json, "\"customer\""), (error.Line!.Value, error.Column!.Value));
    }

    [Fact]
    public void Parse_BlankCustomerId_ReportsCustomerIdAtTheId()
    {
        var json = Valid.With("\"C-1\"", "\"  \"");

        var error = Assert.Single(Reject(json).Errors);

        Assert.Equal("$.customer.id", error.Path);
        Assert.Equal(At(json, "\"id\""), (error.Line!.Value, error.Column!.Value));
    }

    [Theory]
    [InlineData("\"number\": \"T-1\",", "$.number")]
    [InlineData("\"placedAt\": \"2026-11-02T10:15:00+01:00\",", "$.placedAt")]
    [InlineData("\"customer\": { \"id\": \"C-1\", \"email\": \"c@example.com\" },", "$.customer")]
    [InlineData("\"channel\": \"web\",", "$.channel")]
    public void Parse_MissingRequiredField_ReportsItsPathAtTheDocument(string field, string path)
    {
        var json = Valid.With(field, string.Empty);

        var error = Assert.Single(Reject(json).Errors);

        Assert.Equal(path, error.Path);
        Assert.Equal((1, 1), (error.Line!.Value, error.Column!.Value));
    }

    [Fact]
    public void Parse_DuplicateLineIds_ReportsTheSecondLineId()
    {
        var json = Valid.With("\"lineId\": \"2\"", "\"lineId\": \"1\"");

        var error = Assert.Single(Reject(json).Errors);

        Assert.Equal("$.lines[1].lineId", error.Path);
        Assert.Contains("'1'", error.Message, StringComparison.Ordinal);
        Assert.Equal(At(json, "\"lineId\"", 1), (error.Line!.Value, error.Column!.Value));
    }

    [Theory]
    [InlineData("3")]
    [InlineData("-1")]
    public void Parse_ReturnedQuantityOutsideQuantity_ReportsReturnedQuantity(string returned)
    {
        var json = Valid.With("\"returnedQuantity\": 1", $"\"returnedQuantity\": {returned}");

        var error = Assert.Single(Reject(json).Errors);

        Assert.Equal("$.lines[0].returnedQuantity", error.Path);
        Assert.Contains("(2)", error.Message, StringComparison.Ordinal);
        Assert.Equal(At(json, "\"returnedQuantity\""), (error.Line!.Value, error.Column!.Value));
    }

    [Fact]
    public void Parse_DeliveredBeforePlaced_ReportsDeliveredAt()
    {
        var json = Valid.With("2026-11-05T14:02:00+01:00", "2026-11-02T10:14:59+01:00");

        var error = Assert.Single(Reject(json).Errors);

        Assert.Equal("$.deliveredAt", error.Path);
        Assert.Equal(At(json, "\"deliveredAt\""), (error.Line!.Value, error.Column!.Value));
    }

    [Fact]
    public void Parse_DeliveredSameInstantInOtherOffset_IsAccepted()
    {
        var json = Valid.With("2026-11-05T14:02:00+01:00", "2026-11-02T09:15:00Z");

        Assert.Equal(TimeSpan.Zero, OrderDocument.Parse(json).Order.DeliveredAt!.Value.Offset);
    }

    [Fact]
    public void Parse_DiscountAboveGross_ReportsDiscount()
    {
        var json = Valid.With("\"unitPrice\": 19.95,", "\"unitPrice\": 19.95, \"discount\": 39.91,");

        var error = Assert.Single(Reject(json).Errors);

        Assert.Equal("$.lines[0].discount", error.Path);
    }

    [Theory]
    [InlineData("\"kind\": \"card\"", "\"kind\": \"cheque\"", "$.tenders[0].kind")]
    [InlineData("\"amount\": 44.85", "\"amount\": 0", "$.tenders[0].amount")]
    [InlineData("\"country\": \"NL\"", "\"country\": \"NLD\"", "$.shippingAddress.country")]
    [InlineData("\"dimensionsCm\": [30, 20, 10]", "\"dimensionsCm\": [30, 0, 10]", "$.lines[0].product.dimensionsCm[1]")]
    [InlineData("\"dimensionsCm\": [30, 20, 10]", "\"dimensionsCm\": [30, 20]", "$.lines[0].product.dimensionsCm")]
    [InlineData("\"dimensionsCm\": [30, 20, 10]", "\"weightKg\": 1000.5", "$.lines[0].product.weightKg")]
    [InlineData("\"category\": \"shoes\"", "\"category\": \"\"", "$.lines[0].product.category")]
    public void Parse_InvalidNestedValue_ReportsItsPath(string original, string replacement, string path)
    {
        var json = Valid
            .With("\"shippingPaid\"", "\"shippingAddress\": { \"country\": \"NL\", \"postcode\": \"1012 AB\" },\n  \"shippingPaid\"")
            .With("\"category\": \"shoes\"", "\"category\": \"shoes\", \"dimensionsCm\": [30, 20, 10]")
            .With(original, replacement);

        var error = Assert.Single(Reject(json).Errors);

        Assert.Equal(path, error.Path);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void Parse_NullLine_ReportsTheLine()
    {
        var json = Valid.With("\"lines\": [", "\"lines\": [ null,");

        var error = Assert.Single(Reject(json).Errors);

        Assert.Equal("$.lines[0]", error.Path);
        Assert.Equal(At(json, "null"), (error.Line!.Value, error.Column!.Value));
    }

    [Fact]
    public void Parse_NoLines_ReportsLines()
    {
        var start = Valid.IndexOf("\"lines\": [", StringComparison.Ordinal) + "\"lines\": [".Length;
        var end = Valid.LastIndexOf(']');
        var json = string.Concat(Valid.AsSpan(0, start), Valid.AsSpan(end));

        var error = Assert.Single(Reject(json).Errors);

        Assert.Equal("$.lines", error.Path);
        Assert.Equal(At(json, "\"lines\""), (error.Line!.Value, error.Column!.Value));
    }

    [Fact]
    public void Parse_NullDocument_ReportsTheRoot()
    {
        var error = Assert.Single(Reject("null").Errors);

        Assert.Equal("$", error.Path);
        Assert.Contains("null", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Line);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_EmptyText_ReportsMalformedJsonAtTheStart(string json)
    {
        var error = Assert.Single(Reject(json, "empty.json").Errors);

        Assert.StartsWith("malformed JSON", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Line);
        Assert.Equal("empty.json", error.Source);
    }

    [Fact]
    public void Parse_ArrayInsteadOfObject_ReportsExpectedObject()
    {
        var error = Assert.Single(Reject("[]").Errors);

        Assert.Equal("$", error.Path);
        Assert.Equal("expected an object.", error.Message);
    }

    [Fact]
    public void Parse_NullText_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => OrderDocument.Parse((string)null!));
    }

    [Fact]
    public void Parse_DuplicatedProperty_ReportsTheSecondOccurrence()
    {
        var json = Valid.With("\"currency\": \"EUR\",", "\"currency\": \"EUR\",\n  \"currency\": \"USD\",");

        var error = Assert.Single(Reject(json).Errors);

        Assert.Equal("$.currency", error.Path);
        Assert.Equal("the field 'currency' appears twice in the same object.", error.Message);
        Assert.Equal(At(json, "\"currency\"", 1).Line, error.Line);
    }

    [Fact]
    public void Parse_DuplicatedPropertyInLine_IsRejected()
    {
        var json = Valid.With("\"quantity\": 2,", "\"quantity\": 2, \"quantity\": 1,");

        var error = Assert.Single(Reject(json).Errors);

        Assert.StartsWith("$.lines[0]", error.Path, StringComparison.Ordinal);
        Assert.Equal(11, error.Line);
    }

    [Fact]
    public void Parse_TooLarge_IsRejectedBeforeParsing()
    {
        var json = new string(' ', OrderDocument.MaxDocumentBytes) + "{}";

        var error = Assert.Single(Reject(json).Errors);

        Assert.Equal("$", error.Path);
        Assert.Contains(OrderDocument.MaxDocumentBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralMistakes_ReportsAllTogetherEachWithItsLine()
    {
        var json = Valid
            .With("\"web\"", "\"mail\"")                                                   // line 3
            .With("2026-11-05T14:02:00+01:00", "2026-11-01T00:00:00+01:00")                  // line 6
            .With("\"id\": \"C-1\", ", string.Empty)                                         // line 7
            .With("\"quantity\": 2", "\"quantity\": -1")                                     // line 11
            .With("5.00", "5.001");                                                          // line 13

        var exception = Reject(json, "order.json");

        Assert.True(exception.Errors.Count > 1);
        Assert.Equal(
            new[] { ("$.channel", 3), ("$.customer.id", 7), ("$.deliveredAt", 6), ("$.lines[0].quantity", 11), ("$.lines[1].unitPrice", 13) },
            exception.Errors.Select(e => (e.Path, e.Line!.Value)).OrderBy(e => e.Path, StringComparer.Ordinal));
        Assert.All(exception.Errors, e => Assert.Equal("order.json", e.Source));
        Assert.All(exception.Errors, e => Assert.Contains(e.ToString(), exception.Message, StringComparison.Ordinal));
        Assert.StartsWith("5 validation errors:", exception.Message, StringComparison.Ordinal);
    }

    /// <summary><see cref="ReturnsValidationException.Errors"/> promises "every mistake found, in document order".</summary>
    [Fact]
    public void Parse_SeveralMistakes_ListsThemInDocumentOrder()
    {
        var json = Valid
            .With("\"web\"", "\"mail\"")                                                   // line 3
            .With("2026-11-05T14:02:00+01:00", "2026-11-01T00:00:00+01:00")                  // line 6
            .With("\"quantity\": 2", "\"quantity\": -1");                                    // line 11

        var lines = Reject(json).Errors.Select(e => e.Line!.Value).ToList();

        Assert.Equal([3, 6, 11], lines);
    }

    /// <summary>"Every mistake is reported at once": an unknown currency must not hide a broken line.</summary>
    [Fact]
    public void Parse_UnknownCurrencyAndBadQuantity_ReportsBoth()
    {
        var json = Valid.With("\"EUR\"", "\"EUX\"").With("\"quantity\": 2", "\"quantity\": -1");

        var paths = Reject(json).Errors.Select(e => e.Path).ToList();

        Assert.Contains("$.currency", paths);
        Assert.Contains("$.lines[0].quantity", paths);
    }

    /// <summary>A hostile or corrupt document must come back as a validation error, never an arithmetic exception.</summary>
    [Fact]
    public void Parse_LineTotalBeyondDecimalRange_ReportsTheLineInsteadOfOverflowing()
    {
        var json = Valid.With("\"unitPrice\": 19.95", "\"unitPrice\": 10000000000000000000000000000").With("\"quantity\": 2", "\"quantity\": 10");

        var exception = Record.Exception(() => OrderDocument.Parse(json));

        var validation = Assert.IsType<ReturnsValidationException>(exception);
        Assert.All(validation.Errors, e => Assert.StartsWith("$.lines[0]", e.Path, StringComparison.Ordinal));
    }

    /// <summary>
    /// placedAt must be "an ISO 8601 instant with an offset"; without one the instant would depend on the
    /// time zone of the machine that parses it.
    /// </summary>
    [Fact]
    public void Parse_PlacedAtWithoutOffset_ReportsPlacedAt()
    {
        var json = Valid.With("2026-11-02T10:15:00+01:00", "2026-11-02T10:15:00");

        var error = Assert.Single(Reject(json).Errors);

        Assert.Equal("$.placedAt", error.Path);
    }
}
