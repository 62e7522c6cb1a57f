using Returns.Sdk.Csv.Internal;
using System.Globalization;
using Returns.Sdk;
using Returns.Sdk.Serialization;

namespace Returns.Carriers.TableRate.Internal;

/// <summary>Reads a rate card from CSV; the format is in <c>docs/formats/rate-card.md</c>.</summary>
internal sealed class RateCardCsvReader : CsvFileReader<RateCard>
{
    internal const string Carrier = "carrier";
    internal const string Service = "service";
    internal const string Zone = "zone";
    internal const string MaxWeight = "max_weight_g";
    internal const string Price = "price";
    internal const string CurrencyColumn = "currency";
    internal const string MaxLength = "max_length_mm";
    internal const string MaxWidth = "max_width_mm";
    internal const string MaxHeight = "max_height_mm";
    internal const string MaxGirth = "max_girth_mm";
    internal const string MaxLengthPlusGirth = "max_length_plus_girth_mm";
    internal const string Methods = "methods";
    internal const string TransitDays = "transit_days";
    internal const string DimDivisor = "dim_divisor";
    internal const string PricePrefix = "price_";

    /// <summary>Columns a published tariff carries for people, ignored when reading (besides any <c>x_</c> column).</summary>
    private static readonly string[] Informational = ["box_key", "source_price_guide", "description", "note", "notes"];

    private static readonly string[] Known =
        [Carrier, Service, Zone, MaxWeight, Price, CurrencyColumn, MaxLength, MaxWidth, MaxHeight, MaxGirth, MaxLengthPlusGirth, Methods, TransitDays, DimDivisor];

    private readonly RateCardBuilder _builder = new();
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<ReturnMethod>> _methodLists = new(StringComparer.Ordinal);
    private readonly Dictionary<(int?, int?, int?, int?, int?), SizeLimits> _sizes = [];
    private readonly IReadOnlyList<ReturnMethod> _defaultMethods;

    // Field index of each column, -1 when absent.
    private int _carrier = -1, _service = -1, _zone = -1, _maxWeight = -1, _price = -1, _currency = -1;
    private int _maxLength = -1, _maxWidth = -1, _maxHeight = -1, _maxGirth = -1, _maxLengthPlusGirth = -1;
    private int _methods = -1, _transitDays = -1, _dimDivisor = -1;
    private Currency _headerCurrency;

    internal RateCardCsvReader(TableRateReadOptions options, string? source)
        : base(options, source)
    {
        if (RateCardRules.CheckMethods(options.DefaultMethods) is { } problem)
        {
            throw new ArgumentException($"{nameof(TableRateReadOptions.DefaultMethods)}: {problem}", nameof(options));
        }

        _defaultMethods = [.. options.DefaultMethods];
    }

    protected override string ExpectedHeader =>
        "carrier,service,zone,max_weight_g,price_<currency> (or price,currency) and optionally max_length_mm,max_width_mm,max_height_mm,max_girth_mm,max_length_plus_girth_mm,methods,transit_days,dim_divisor.";

    protected override void ReadHeader(CsvTokenizer csv, List<ValidationError> errors)
    {
        CheckDuplicateColumns(csv, errors);
        int plainPrice = -1, namedPrice = -1;
        var pricePrefixed = false;
        for (var i = 0; i < ColumnNames.Length; i++)
        {
            var name = ColumnNames[i];
            switch (name)
            {
                case Carrier: _carrier = i; break;
                case Service: _service = i; break;
                case Zone: _zone = i; break;
                case MaxWeight: _maxWeight = i; break;
                case Price: plainPrice = i; break;
                case CurrencyColumn: _currency = i; break;
                case MaxLength: _maxLength = i; break;
                case MaxWidth: _maxWidth = i; break;
                case MaxHeight: _maxHeight = i; break;
                case MaxGirth: _maxGirth = i; break;
                case MaxLengthPlusGirth: _maxLengthPlusGirth = i; break;
                case Methods: _methods = i; break;
                case TransitDays: _transitDays = i; break;
                case DimDivisor: _dimDivisor = i; break;
                default:
                    if (name.StartsWith(PricePrefix, StringComparison.Ordinal))
                    {
                        pricePrefixed = true;
                        var code = name[PricePrefix.Length..];
                        if (!Currency.TryFromCode(code, out var currency))
                        {
                            errors.Add(AtHeader(csv, i, name, $"unknown currency '{code.ToUpperInvariant()}' in the column {name}; name the price column price_ and an ISO 4217 code, e.g. price_eur."));
                        }
                        else if (namedPrice >= 0)
                        {
                            errors.Add(AtHeader(csv, i, name, $"a second price column {name} after {ColumnNames[namedPrice]}; a rate card row has one price (use one file per currency, or price with a currency column)."));
                        }
                        else
                        {
                            namedPrice = i;
                            _headerCurrency = currency;
                        }
                    }
                    else if (!IsInformational(name, Informational))
                    {
                        errors.Add(AtHeader(csv, i, name.Length == 0 ? "header" : name, name.Length == 0
                            ? "a column without a name."
                            : $"unknown column '{name}'; expected {string.Join(", ", Known)}, price_<currency>, or an informational column ({string.Join(", ", Informational)} or any x_ column)."));
                    }

                    break;
            }
        }

        if (plainPrice >= 0 && namedPrice >= 0)
        {
            var later = Math.Max(plainPrice, namedPrice);
            errors.Add(AtHeader(csv, later, ColumnNames[later], $"both {Price} and {ColumnNames[namedPrice]}; use price_<currency>, or price with a currency column."));
        }
        else if (namedPrice >= 0 && _currency >= 0)
        {
            errors.Add(AtHeader(csv, _currency, CurrencyColumn, $"a {CurrencyColumn} column with {ColumnNames[namedPrice]}, which already names the currency; use one or the other."));
        }

        _price = namedPrice >= 0 ? namedPrice : plainPrice;

        Require(csv, errors, _carrier, Carrier);
        Require(csv, errors, _service, Service);
        Require(csv, errors, _zone, Zone);
        Require(csv, errors, _maxWeight, MaxWeight);
        if (_price < 0 && !pricePrefixed)
        {
            errors.Add(AtHeader(csv, null, Price, "missing required column price_<currency> (e.g. price_eur), or price with a currency column."));
        }
        else if (_price >= 0 && _headerCurrency.IsDefault && _currency < 0)
        {
            errors.Add(AtHeader(csv, null, CurrencyColumn, "missing required column currency: a price column without a currency in its name needs one (or name it price_<currency>, e.g. price_eur)."));
        }

        var box = (_maxLength >= 0 ? 1 : 0) + (_maxWidth >= 0 ? 1 : 0) + (_maxHeight >= 0 ? 1 : 0);
        if (box is 1 or 2)
        {
            var missing = _maxLength < 0 ? MaxLength : _maxWidth < 0 ? MaxWidth : MaxHeight;
            errors.Add(AtHeader(csv, null, missing, $"missing column {missing}: give all three of max_length_mm, max_width_mm and max_height_mm, or none of them."));
        }

        // Field errors in field order, then missing columns.
        ValidationError[] ordered = [.. errors.OrderBy(e => e.Column ?? int.MaxValue)];
        errors.Clear();
        errors.AddRange(ordered);
    }

    protected override void ReadRow(CsvTokenizer csv, List<ValidationError> errors)
    {
        var carrier = Name(csv, _carrier, errors);
        var service = Name(csv, _service, errors);
        var zone = Name(csv, _zone, errors);
        var maxGrams = MaxGrams(csv, errors);
        var price = ReadPrice(csv, errors);
        var size = ReadSize(csv, errors);
        var methods = ReadMethods(csv, errors);
        var transitDays = ReadTransitDays(csv, errors);
        var divisor = ReadDivisor(csv, errors);
        if (errors.Count > 0)
        {
            return;
        }

        var band = new RateBand(zone!, Weight.FromGrams(maxGrams), price)
        {
            Size = size!,
            TransitDays = transitDays,
            SourceLine = csv.RecordLine,
        };
        var (conflict, message) = _builder.TryAdd(carrier!, service!, methods!, divisor, band);
        if (message is not null)
        {
            var index = conflict switch
            {
                BandConflict.Methods => _methods,
                BandConflict.DimensionalDivisor => _dimDivisor,
                BandConflict.Currency => _currency >= 0 ? _currency : _price,
                _ => _maxWeight,
            };
            errors.Add(AtField(csv, index >= 0 ? index : _service, message));
        }
    }

    protected override RateCard Build() => _builder.Build();

    private void Require(CsvTokenizer csv, List<ValidationError> errors, int index, string column)
    {
        if (index < 0)
        {
            errors.Add(AtHeader(csv, null, column, $"missing required column {column}."));
        }
    }

    private string? Name(CsvTokenizer csv, int index, List<ValidationError> errors)
    {
        var text = csv[index];
        if (text.IsEmpty)
        {
            errors.Add(AtField(csv, index, $"{ColumnNames[index]} is empty; every row needs one."));
            return null;
        }

        // Names repeat on every row: keep one string per distinct name.
        var lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(text, out var name))
        {
            name = text.ToString();
            _names.Add(name, name);
        }

        return name;
    }

    private decimal MaxGrams(CsvTokenizer csv, List<ValidationError> errors)
    {
        var text = csv[_maxWeight];
        string? problem;
        if (text.IsEmpty)
        {
            problem = $"{MaxWeight} is empty; expected the band's upper bound in grams, e.g. 2000.";
        }
        else if (!TryParseDecimal(text, out var grams))
        {
            problem = $"'{text}' is not a number; expected the band's upper bound in grams, e.g. 2000.";
        }
        else
        {
            problem = RateCardRules.CheckMaxWeight(grams);
            if (problem is null)
            {
                return grams;
            }
        }

        errors.Add(AtField(csv, _maxWeight, problem));
        return 0m;
    }

    private Money ReadPrice(CsvTokenizer csv, List<ValidationError> errors)
    {
        var currency = _headerCurrency;
        if (currency.IsDefault)
        {
            var code = csv[_currency];
            if (code.IsEmpty)
            {
                errors.Add(AtField(csv, _currency, "currency is empty; expected an ISO 4217 code, e.g. EUR."));
            }
            else if (!Currency.TryFromCode(code.ToString(), out currency))
            {
                errors.Add(AtField(csv, _currency, $"unknown currency '{code}'; expected an ISO 4217 code, e.g. EUR."));
            }
        }

        var text = csv[_price];
        if (text.IsEmpty)
        {
            errors.Add(AtField(csv, _price, $"{ColumnNames[_price]} is empty; expected a price such as 6.95."));
            return default;
        }

        if (!TryParseDecimal(text, out var amount))
        {
            errors.Add(AtField(csv, _price, $"'{text}' is not a price; expected a number with a decimal point and no thousands separator, such as 6.95."));
            return default;
        }

        if (amount < 0m)
        {
            errors.Add(AtField(csv, _price, string.Create(CultureInfo.InvariantCulture, $"negative price {text}; a price is 0 or more.")));
            return default;
        }

        if (currency.IsDefault)
        {
            return default;
        }

        var price = new Money(amount, currency);
        if (RateCardRules.CheckPrice(price) is { } problem)
        {
            errors.Add(AtField(csv, _price, problem));
        }

        return price;
    }

    private SizeLimits? ReadSize(CsvTokenizer csv, List<ValidationError> errors)
    {
        var before = errors.Count;
        var length = Millimetres(csv, _maxLength, errors);
        var width = Millimetres(csv, _maxWidth, errors);
        var height = Millimetres(csv, _maxHeight, errors);
        var girth = Millimetres(csv, _maxGirth, errors);
        var lengthPlusGirth = Millimetres(csv, _maxLengthPlusGirth, errors);
        if (errors.Count > before)
        {
            return null;
        }

        var given = (length is null ? 0 : 1) + (width is null ? 0 : 1) + (height is null ? 0 : 1);
        if (given is 1 or 2)
        {
            var empty = length is null ? _maxLength : width is null ? _maxWidth : _maxHeight;
            errors.Add(AtField(csv, empty, $"{ColumnNames[empty]} is empty; give all three of max_length_mm, max_width_mm and max_height_mm, or leave all three empty."));
            return null;
        }

        if (length is { } l && width is { } w && height is { } h)
        {
            // Stored longest first, so that 1000x500x500 and 500x1000x500 are one size class.
            SizeLimits.Sort3(ref l, ref w, ref h);
            (length, width, height) = (l, w, h);
        }

        var key = (length, width, height, girth, lengthPlusGirth);
        if (!_sizes.TryGetValue(key, out var size))
        {
            size = key == default
                ? SizeLimits.None
                : new SizeLimits { MaxLengthMm = length, MaxWidthMm = width, MaxHeightMm = height, MaxGirthMm = girth, MaxLengthPlusGirthMm = lengthPlusGirth };
            _sizes.Add(key, size);
        }

        return size;
    }

    private int? Millimetres(CsvTokenizer csv, int index, List<ValidationError> errors)
    {
        if (index < 0 || csv[index].IsEmpty)
        {
            return null;
        }

        var text = csv[index];
        if (!TryParseInt(text, out var value))
        {
            errors.Add(AtField(csv, index, $"'{text}' is not a whole number of millimetres."));
            return null;
        }

        if (RateCardRules.CheckLimit(value, ColumnNames[index]) is { } problem)
        {
            errors.Add(AtField(csv, index, problem));
            return null;
        }

        return value;
    }

    private IReadOnlyList<ReturnMethod>? ReadMethods(CsvTokenizer csv, List<ValidationError> errors)
    {
        if (_methods < 0 || csv[_methods].IsEmpty)
        {
            return _defaultMethods;
        }

        var text = csv[_methods];
        var lookup = _methodLists.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var cached))
        {
            return cached;
        }

        var methods = new List<ReturnMethod>();
        foreach (var range in text.Split(';'))
        {
            var item = text[range].Trim(" \t");
            if (!SnakeCaseNames.TryParseReturnMethod(item.ToString(), out var method))
            {
                errors.Add(AtField(csv, _methods, item.IsEmpty
                    ? $"an empty return method in '{text}'; separate methods with single semicolons."
                    : $"unknown return method '{item}'; expected one or more of {string.Join(", ", SnakeCaseNames.ReturnMethods)}, separated by semicolons."));
                return null;
            }

            if (methods.Contains(method))
            {
                errors.Add(AtField(csv, _methods, $"the return method {method.ToName()} is listed twice."));
                return null;
            }

            methods.Add(method);
        }

        IReadOnlyList<ReturnMethod> result = [.. methods];
        _methodLists.Add(text.ToString(), result);
        return result;
    }

    private int? ReadTransitDays(CsvTokenizer csv, List<ValidationError> errors)
    {
        if (_transitDays < 0 || csv[_transitDays].IsEmpty)
        {
            return null;
        }

        var text = csv[_transitDays];
        if (!TryParseInt(text, out var days))
        {
            errors.Add(AtField(csv, _transitDays, $"'{text}' is not a whole number of days."));
            return null;
        }

        if (RateCardRules.CheckTransitDays(days) is { } problem)
        {
            errors.Add(AtField(csv, _transitDays, problem));
            return null;
        }

        return days;
    }

    private decimal? ReadDivisor(CsvTokenizer csv, List<ValidationError> errors)
    {
        if (_dimDivisor < 0 || csv[_dimDivisor].IsEmpty)
        {
            return null;
        }

        var text = csv[_dimDivisor];
        if (!TryParseDecimal(text, out var divisor))
        {
            errors.Add(AtField(csv, _dimDivisor, $"'{text}' is not a number; expected the dimensional-weight divisor in cm³ per kg, e.g. 5000."));
            return null;
        }

        if (RateCardRules.CheckDivisor(divisor) is { } problem)
        {
            errors.Add(AtField(csv, _dimDivisor, problem));
            return null;
        }

        return divisor == 0m ? null : divisor;
    }
}
