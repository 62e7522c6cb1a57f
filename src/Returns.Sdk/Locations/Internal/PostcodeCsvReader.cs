using System.Globalization;
using Returns.Sdk.Csv;
using Returns.Sdk.Csv.Internal;

namespace Returns.Sdk.Locations.Internal;

/// <summary>Reads postcode centroids from CSV; the format is in <c>docs/formats/postcodes.md</c>.</summary>
internal sealed class PostcodeCsvReader : CsvFileReader<PostcodeCentroidGeocoder>
{
    private const string Country = "country";
    private const string Postcode = "postcode";
    private const string Latitude = "latitude";
    private const string Longitude = "longitude";

    private static readonly string[] Columns = [Country, Postcode, Latitude, Longitude];

    private readonly PostcodeCentroidGeocoder _geocoder;
    private readonly Dictionary<string, CountryCode> _countries = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);
    private readonly int[] _columns = [-1, -1, -1, -1];

    internal PostcodeCsvReader(CsvReadOptions options, string? source, PostcodeCentroidGeocoder geocoder)
        : base(options, source)
    {
        _geocoder = geocoder;
    }

    protected override string ExpectedHeader => "country,postcode,latitude,longitude (any order; extra columns start with x_).";

    protected override void ReadHeader(CsvTokenizer csv, List<ValidationError> errors)
    {
        CheckDuplicateColumns(csv, errors);
        for (var i = 0; i < ColumnNames.Length; i++)
        {
            var name = ColumnNames[i];
            var column = Array.IndexOf(Columns, name);
            if (column >= 0)
            {
                if (_columns[column] < 0)
                {
                    _columns[column] = i;
                }
            }
            else if (!IsInformational(name, []))
            {
                errors.Add(AtHeader(csv, i, name.Length == 0 ? "header" : name, name.Length == 0
                    ? "a column without a name."
                    : $"unknown column '{name}'; expected country, postcode, latitude, longitude, or an extra column named x_…."));
            }
        }

        for (var column = 0; column < Columns.Length; column++)
        {
            if (_columns[column] < 0)
            {
                errors.Add(AtHeader(csv, null, Columns[column], $"missing required column {Columns[column]}; a postcode file has the columns country,postcode,latitude,longitude."));
            }
        }
    }

    protected override void ReadRow(CsvTokenizer csv, List<ValidationError> errors)
    {
        var country = ReadCountry(csv, errors);
        var postcode = ReadPostcode(csv, errors);
        var latitude = ReadDegrees(csv, 2, errors);
        var longitude = ReadDegrees(csv, 3, errors);
        if (country is not { } code || postcode is null || latitude is not { } lat || longitude is not { } lon)
        {
            return;
        }

        if (!_geocoder.TryAdd(code, postcode, new GeoPoint(lat, lon)))
        {
            errors.Add(AtField(csv, _columns[1], string.Create(CultureInfo.InvariantCulture, $"the postcode {postcode} of {code} is already on line {_lines[code.Value + postcode]}; a postcode appears once per country.")));
            return;
        }

        _lines.Add(code.Value + postcode, csv.RecordLine);
    }

    protected override PostcodeCentroidGeocoder Build() => _geocoder;

    private CountryCode? ReadCountry(CsvTokenizer csv, List<ValidationError> errors)
    {
        var text = csv[_columns[0]];
        var lookup = _countries.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var country))
        {
            return country;
        }

        var code = text.ToString();
        if (CountryCode.TryParse(code, out country))
        {
            _countries.Add(code, country);
            return country;
        }

        errors.Add(AtField(csv, _columns[0], code.Length == 0
            ? "country is empty; expected an ISO 3166-1 alpha-2 code such as NL."
            : $"unknown country '{code}'; expected an assigned ISO 3166-1 alpha-2 code such as NL."));
        return null;
    }

    private string? ReadPostcode(CsvTokenizer csv, List<ValidationError> errors)
    {
        var text = csv[_columns[1]];
        var postcode = Postcodes.Normalize(text);
        if (postcode.Length == 0)
        {
            errors.Add(AtField(csv, _columns[1], "postcode is empty; every row needs the postcode or area it locates."));
            return null;
        }

        if (postcode.Length > Postcodes.MaxLength)
        {
            errors.Add(AtField(csv, _columns[1], string.Create(CultureInfo.InvariantCulture, $"postcode '{text}' is longer than {Postcodes.MaxLength} characters.")));
            return null;
        }

        return postcode;
    }

    private double? ReadDegrees(CsvTokenizer csv, int column, List<ValidationError> errors)
    {
        var index = _columns[column];
        var text = csv[index];
        var isLatitude = column == 2;
        var name = isLatitude ? Latitude : Longitude;
        if (!LocationRowBuilder.TryParseDegrees(text, out var degrees))
        {
            errors.Add(AtField(csv, index, text.IsEmpty
                ? $"{name} is empty; expected decimal degrees with a point, e.g. {(isLatitude ? "52.3731" : "4.8922")}."
                : $"'{text}' is not a {name}; expected decimal degrees with a point, e.g. {(isLatitude ? "52.3731" : "4.8922")}."));
            return null;
        }

        if ((isLatitude ? LocationRowBuilder.CheckLatitude(degrees) : LocationRowBuilder.CheckLongitude(degrees)) is { } problem)
        {
            errors.Add(AtField(csv, index, problem));
            return null;
        }

        return degrees;
    }
}
