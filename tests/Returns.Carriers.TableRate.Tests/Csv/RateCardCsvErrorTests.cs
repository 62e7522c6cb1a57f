using Returns.Sdk.Csv;
using Returns.Sdk;
using static Returns.Carriers.TableRate.Tests.TableRateFixtures;

namespace Returns.Carriers.TableRate.Tests.Csv;

/// <summary>Every malformed input is reported with its file, physical line, field number and column name.</summary>
public sealed class RateCardCsvErrorTests
{
    private const string Full = "carrier,service,zone,max_weight_g,price_eur,methods,transit_days,dim_divisor";

    private static async Task<ValidationError> RejectOneAsync(string csv)
    {
        var exception = await RejectCardAsync(csv);
        var error = Assert.Single(exception.Errors);
        Assert.Equal("card.csv", error.Source);
        return error;
    }

    private static void AssertAt(ValidationError error, int line, int column, string path, string message)
    {
        Assert.Equal((line, column, path), (error.Line, error.Column, error.Path));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task LoadAsync_NegativePrice_RowError()
    {
        var error = await RejectOneAsync($"{Header}\nc,s,Z,1000,1.00\nc,s,Z,2000,-2.50\n");

        AssertAt(error, 3, 5, "price_eur", "negative price -2.50; a price is 0 or more.");
        Assert.Equal("card.csv(3,5): price_eur: negative price -2.50; a price is 0 or more.", error.ToString());
    }

    [Theory]
    [InlineData("6,95", "'6,95' is not a price")]
    [InlineData("€6.95", "'€6.95' is not a price")]
    [InlineData("1e3", "'1e3' is not a price")]
    [InlineData("6.955", "the price 6.955 has more decimals than EUR allows (2).")]
    [InlineData("", "price_eur is empty; expected a price such as 6.95.")]
    public async Task LoadAsync_BadPrice_RowError(string price, string message)
    {
        var error = await RejectOneAsync($"{Header}\nc,s,Z,1000,\"{price}\"\n");

        Assert.Equal((2, 5, "price_eur"), (error.Line, error.Column, error.Path));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_UnknownCurrencyInCurrencyColumn_RowError()
    {
        var error = await RejectOneAsync("carrier,service,zone,max_weight_g,price,currency\nc,s,Z,1000,1.00,EUR\nc,s,Z,2000,2.00,EUX\n");

        AssertAt(error, 3, 6, "currency", "unknown currency 'EUX'; expected an ISO 4217 code, e.g. EUR.");
    }

    [Fact]
    public async Task LoadAsync_UnknownCurrencyInPriceColumnName_HeaderError()
    {
        var error = await RejectOneAsync("carrier,service,zone,max_weight_g,price_eur0\nc,s,Z,1000,1.00\n");

        AssertAt(error, 1, 5, "price_eur0", "unknown currency 'EUR0' in the column price_eur0; name the price column price_ and an ISO 4217 code, e.g. price_eur.");
    }

    [Fact]
    public async Task LoadAsync_TwoCurrenciesInOneZone_RowError()
    {
        var error = await RejectOneAsync("carrier,service,zone,max_weight_g,price,currency\nc,s,Z,1000,1.00,EUR\nc,s,Z,2000,2.00,GBP\n");

        AssertAt(error, 3, 6, "currency", "the price is in GBP but zone Z of c/s is priced in EUR on line 2; a zone of a service is priced in one currency.");
    }

    [Theory]
    [InlineData("2kg", "'2kg' is not a number; expected the band's upper bound in grams, e.g. 2000.")]
    [InlineData("2.000,5", "'2.000,5' is not a number; expected the band's upper bound in grams, e.g. 2000.")]
    [InlineData("", "max_weight_g is empty; expected the band's upper bound in grams, e.g. 2000.")]
    [InlineData("0", "the weight band's upper bound is 0 g; it must be above 0 g.")]
    [InlineData("-5", "the weight band's upper bound is -5 g; it must be above 0 g.")]
    [InlineData("1000001", "the weight band's upper bound is 1000001 g; the heaviest parcel is 1000000 g (1 tonne).")]
    public async Task LoadAsync_BadWeight_RowError(string weight, string message)
    {
        var error = await RejectOneAsync($"{Header}\nc,s,Z,\"{weight}\",1.00\n");

        AssertAt(error, 2, 4, "max_weight_g", message);
    }

    [Fact]
    public async Task LoadAsync_DuplicatedWeightBand_RowErrorNamesFirstLine()
    {
        var csv = """
            carrier,service,zone,max_weight_g,price_eur,max_length_mm,max_width_mm,max_height_mm
            postnl,Pakket,ZONE_NL,2000,6.95,1000,500,500
            postnl,Pakket,ZONE_NL,5000,6.95,1000,500,500
            postnl,Pakket,ZONE_NL,2000,7.95,500,1000,500
            """;

        var error = await RejectOneAsync(csv);

        AssertAt(error, 4, 4, "max_weight_g", "the weight band up to 2000 g of postnl/Pakket in zone ZONE_NL with size limits 1000x500x500 mm is already defined on line 2; the bands of one service, zone and size limits must not overlap.");
    }

    [Fact]
    public async Task LoadAsync_DuplicatedWeightBandWrittenDifferently_RowError()
    {
        var error = await RejectOneAsync($"{Header}\nc,s,Z,2000,1.00\nc,s,Z,2000.0,1.00\n");

        Assert.Equal((3, "max_weight_g"), (error.Line, error.Path));
    }

    [Theory]
    [InlineData("drop_box", "unknown return method 'drop_box'; expected one or more of in_store, post_office, pickup_point, parcel_locker, mailbox, home_pickup, separated by semicolons.")]
    [InlineData("PostOffice", "unknown return method 'PostOffice'; expected one or more of in_store, post_office, pickup_point, parcel_locker, mailbox, home_pickup, separated by semicolons.")]
    [InlineData("post_office;;mailbox", "an empty return method in 'post_office;;mailbox'; separate methods with single semicolons.")]
    [InlineData("mailbox;mailbox", "the return method mailbox is listed twice.")]
    public async Task LoadAsync_BadReturnMethod_RowError(string methods, string message)
    {
        var error = await RejectOneAsync($"{Full}\nc,s,Z,1000,1.00,{methods},,\n");

        AssertAt(error, 2, 6, "methods", message);
    }

    [Fact]
    public async Task LoadAsync_MethodsDifferWithinService_RowError()
    {
        var error = await RejectOneAsync($"{Full}\nc,s,Z,1000,1.00,mailbox;post_office,,\nc,s,Z,2000,2.00,post_office;mailbox,,\nc,s,Z,3000,3.00,post_office,,\n");

        AssertAt(error, 4, 6, "methods", "c/s is offered by mailbox;post_office on line 2 but by post_office here; every row of a service lists the same methods.");
    }

    [Fact]
    public async Task LoadAsync_DivisorDiffersWithinService_RowError()
    {
        var error = await RejectOneAsync($"{Full}\nc,s,Z,1000,1.00,,,5000\nc,s,Z,2000,2.00,,,4000\n");

        AssertAt(error, 3, 8, "dim_divisor", "c/s has the dimensional-weight divisor 5000 on line 2 but 4000 here; every row of a service uses the same divisor.");
    }

    [Theory]
    [InlineData(",,,-1", 8, "dim_divisor", "dimensional-weight divisor -1; expected cm³ per kg above 0 (e.g. 5000), or 0 or nothing for none.")]
    [InlineData(",,two,", 7, "transit_days", "'two' is not a whole number of days.")]
    [InlineData(",,400,", 7, "transit_days", "transit time 400 days; expected 0 to 365 days.")]
    public async Task LoadAsync_BadOptionalValue_RowError(string tail, int column, string path, string message)
    {
        var error = await RejectOneAsync($"{Full}\nc,s,Z,1000,1.00{tail}\n");

        AssertAt(error, 2, column, path, message);
    }

    [Theory]
    [InlineData("10.5,100,100", 6, "max_length_mm", "'10.5' is not a whole number of millimetres.")]
    [InlineData("0,100,100", 6, "max_length_mm", "max_length_mm is 0 mm; expected 1 to 100000 mm.")]
    [InlineData("100,,100", 7, "max_width_mm", "max_width_mm is empty; give all three of max_length_mm, max_width_mm and max_height_mm, or leave all three empty.")]
    public async Task LoadAsync_BadSizeLimit_RowError(string sizes, int column, string path, string message)
    {
        var error = await RejectOneAsync($"carrier,service,zone,max_weight_g,price_eur,max_length_mm,max_width_mm,max_height_mm\nc,s,Z,1000,1.00,{sizes}\n");

        AssertAt(error, 2, column, path, message);
    }

    [Theory]
    [InlineData("carrier,service,zone,price_eur", "max_weight_g", null, "missing required column max_weight_g.")]
    [InlineData("carrier,service,max_weight_g,price_eur", "zone", null, "missing required column zone.")]
    [InlineData("carrier,service,zone,max_weight_g", "price", null, "missing required column price_<currency> (e.g. price_eur), or price with a currency column.")]
    [InlineData("carrier,service,zone,max_weight_g,price", "currency", null, "missing required column currency: a price column without a currency in its name needs one (or name it price_<currency>, e.g. price_eur).")]
    [InlineData("carrier,service,zone,max_weight_g,price_eur,weight_class", "weight_class", 6, "unknown column 'weight_class'; expected carrier, service, zone, max_weight_g, price, currency, max_length_mm, max_width_mm, max_height_mm, max_girth_mm, max_length_plus_girth_mm, methods, transit_days, dim_divisor, price_<currency>, or an informational column (box_key, source_price_guide, description, note, notes or any x_ column).")]
    [InlineData("carrier,service,zone,max_weight_g,price_eur,zone", "zone", 6, "the column zone appears twice (fields 3 and 6).")]
    [InlineData("carrier,service,zone,max_weight_g,price_eur,price_gbp", "price_gbp", 6, "a second price column price_gbp after price_eur; a rate card row has one price (use one file per currency, or price with a currency column).")]
    [InlineData("carrier,service,zone,max_weight_g,price_eur,currency", "currency", 6, "a currency column with price_eur, which already names the currency; use one or the other.")]
    [InlineData("carrier,service,zone,max_weight_g,price,price_eur", "price_eur", 6, "both price and price_eur; use price_<currency>, or price with a currency column.")]
    [InlineData("carrier,service,zone,max_weight_g,price_eur,", "header", 6, "a column without a name.")]
    [InlineData("carrier,service,zone,max_weight_g,price_eur,max_length_mm,max_width_mm", "max_height_mm", null, "missing column max_height_mm: give all three of max_length_mm, max_width_mm and max_height_mm, or none of them.")]
    public async Task LoadAsync_BadHeader_HeaderError(string header, string path, int? column, string message)
    {
        var error = await RejectOneAsync(header + "\n");

        Assert.Equal((1, column, path, message), (error.Line, error.Column, error.Path, error.Message));
    }

    [Fact]
    public async Task LoadAsync_SeveralHeaderProblems_AllReportedEvenWhenSkipping()
    {
        var exception = await Assert.ThrowsAsync<ReturnsValidationException>(() => ReadCardAsync("carier,service,zone,price_eur,extra\nc,s,Z,1.00\n", CsvErrorHandling.SkipAndReport));

        Assert.Equal(["carier", "extra", "carrier", "max_weight_g"], exception.Errors.Select(e => e.Path));
    }

    [Fact]
    public async Task LoadAsync_SemicolonSeparated_SaysSo()
    {
        var error = await RejectOneAsync("carrier;service;zone;max_weight_g;price_eur\nc;s;Z;1000;1,00\n");

        Assert.Equal((1, 1, "header"), (error.Line, error.Column, error.Path));
        Assert.StartsWith("the header has no commas but semicolons or tabs; save the file as comma-separated values.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_TooFewFields_WrongFieldCount()
    {
        var error = await RejectOneAsync($"{Header}\nc,s,Z,1000,1.00\nc,s,Z,2000\n");

        AssertAt(error, 3, 5, "row", "wrong field count: the header has 5 fields, this row has 4; a value with a comma must be in double quotes.");
    }

    [Fact]
    public async Task LoadAsync_UnquotedDecimalComma_WrongFieldCount()
    {
        var error = await RejectOneAsync($"{Header}\nc,s,Z,1000,6,95\n");

        AssertAt(error, 2, 6, "row", "wrong field count: the header has 5 fields, this row has 6; a value with a comma must be in double quotes.");
    }

    [Fact]
    public async Task LoadAsync_UnterminatedQuote_ErrorAtLineWhereQuoteOpens()
    {
        var error = await RejectOneAsync($"{Header}\nc,s,Z,1000,1.00\nc,\"s,Z,2000,2.00\nc,s,Z,3000,3.00\n");

        AssertAt(error, 3, 2, "service", "unterminated quote: the quoted field that opens on line 3 is never closed (a quote inside a quoted field is written as two quotes \"\").");
    }

    [Fact]
    public async Task LoadAsync_QuoteInsideUnquotedField_RowError()
    {
        var error = await RejectOneAsync($"{Header}\nc,Pakket 30\"x20,Z,1000,1.00\n");

        AssertAt(error, 2, 2, "service", "a quote inside an unquoted field; put the whole field in quotes and write the quote as two quotes \"\".");
    }

    [Fact]
    public async Task LoadAsync_TextAfterClosingQuote_RowError()
    {
        var error = await RejectOneAsync($"{Header}\nc,\"Pakket\" groot,Z,1000,1.00\n");

        AssertAt(error, 2, 2, "service", "' ' after the closing quote; a quoted field ends at its closing quote, and a quote inside it is written as two quotes \"\".");
    }

    [Fact]
    public async Task LoadAsync_QuotedNewlinesBeforeBadRow_LineCountsPhysicalLines()
    {
        var csv = "carrier,service,zone,max_weight_g,price_eur,note\r\n"
            + "c,s,Z,1000,1.00,\"first\r\nsecond\r\nthird\"\r\n"
            + "c,s,Z,2000,2.00,\"one\ntwo\"\r\n"
            + "c,s,Z,3000,-3.00,plain\r\n";

        var error = await RejectOneAsync(csv);

        AssertAt(error, 7, 5, "price_eur", "negative price -3.00; a price is 0 or more.");
    }

    [Fact]
    public async Task LoadAsync_BadFieldAfterQuotedNewlineInSameRow_LineOfThatField()
    {
        var csv = "carrier,service,note,zone,max_weight_g,price_eur\nc,s,\"a\nb\nc\",Z,heavy,1.00\n";

        var error = await RejectOneAsync(csv);

        AssertAt(error, 4, 5, "max_weight_g", "'heavy' is not a number; expected the band's upper bound in grams, e.g. 2000.");
    }

    [Fact]
    public async Task LoadAsync_NotUtf8_Error()
    {
        using var stream = new MemoryStream([.. "carrier,service,zone,max_weight_g,price_eur\nc,s,Z,1000,1.00\nc,Stra"u8, 0xDF, .. "e,Z,2000,2.00\n"u8]);

        var exception = await Assert.ThrowsAsync<ReturnsValidationException>(() => RateCard.LoadAsync(stream, cancellationToken: Cancel));

        Assert.Contains("not UTF-8", Assert.Single(exception.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_FailFast_ThrowsFirstErrorOnly()
    {
        var exception = await RejectCardAsync($"{Header}\nc,s,Z,abc,1.00\nc,s,Z,2000,-1\n");

        Assert.Equal(2, Assert.Single(exception.Errors).Line);
    }

    [Fact]
    public async Task LoadAsync_SkipAndReport_KeepsGoodRowsAndListsEveryError()
    {
        var csv = "carrier,service,zone,max_weight_g,price_eur,methods,note\n"
            + "c,s,Z,1000,1.00,post_office,\"a\nb\"\n"
            + "c,s,Z,abc,-1,post_office,two errors in one row\n"
            + "c,s,Z,2000,2.00,drop_box,\n"
            + "c,s,Z,3000,3.00,post_office\n"
            + "c,s,Z,1000,9.00,post_office,duplicate\n"
            + "c,s,Z,4000,4.00,post_office,\"never closed\n"
            + "c,s,Z,5000,5.00,post_office,swallowed by the open quote\n";

        var result = await ReadCardAsync(csv, CsvErrorHandling.SkipAndReport);

        Assert.Equal([1000m], result.Value.Services[0].Bands.Select(b => b.MaxWeight.Grams));
        Assert.Equal(
            [(4, 4, "max_weight_g"), (4, 5, "price_eur"), (5, 6, "methods"), (6, 7, "row"), (7, 4, "max_weight_g"), (8, 7, "note")],
            result.Errors.Select(e => (e.Line!.Value, e.Column!.Value, e.Path)));
        Assert.All(result.Errors, e => Assert.Equal("card.csv", e.Source));
        Assert.True(result.HasErrors);
    }

    [Fact]
    public async Task LoadAsync_SkipAndReportBeyondMaxErrors_Throws()
    {
        using var stream = Utf8(Header + "\n" + string.Concat(Enumerable.Repeat("c,s,Z,x,1.00\n", 5)));

        var exception = await Assert.ThrowsAsync<ReturnsValidationException>(() =>
            RateCard.LoadAsync(stream, new TableRateReadOptions { ErrorHandling = CsvErrorHandling.SkipAndReport, MaxErrors = 3 }, Cancel));

        Assert.Equal(5, exception.Errors.Count);
        Assert.Equal("more than 3 errors; reading stopped.", exception.Errors[^1].Message);
    }
}
