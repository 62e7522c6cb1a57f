using System.Globalization;
using Returns.Sdk.Csv;
using Returns.Sdk.Csv.Internal;

namespace Returns.Sdk.Locations.Internal;

/// <summary>Reads a location catalog from CSV; the format is in <c>docs/formats/locations.md</c>.</summary>
internal sealed class LocationCsvReader : CsvFileReader<LocationCatalog>
{
    private readonly LocationRowBuilder _builder;

    // Field index of each column by LocationField, -1 while absent.
    private readonly int[] _columns = [.. Enumerable.Repeat(-1, LocationRowBuilder.FieldNames.Length)];

    internal LocationCsvReader(CsvReadOptions options, string? source)
        : base(options, source)
    {
        _builder = new LocationRowBuilder(static line => string.Create(CultureInfo.InvariantCulture, $"line {line}"));
    }

    protected override string ExpectedHeader => string.Join(",", LocationRowBuilder.FieldNames) + " (any order; extra columns start with x_).";

    protected override void ReadHeader(CsvTokenizer csv, List<ValidationError> errors)
    {
        CheckDuplicateColumns(csv, errors);
        for (var i = 0; i < ColumnNames.Length; i++)
        {
            var name = ColumnNames[i];
            var field = Array.IndexOf(LocationRowBuilder.FieldNames, name);
            if (field >= 0)
            {
                if (_columns[field] < 0)
                {
                    _columns[field] = i;
                }
            }
            else if (!IsInformational(name, []))
            {
                errors.Add(AtHeader(csv, i, name.Length == 0 ? "header" : name, name.Length == 0
                    ? "a column without a name."
                    : $"unknown column '{name}'; expected {string.Join(", ", LocationRowBuilder.FieldNames)}, or an extra column named x_…."));
            }
        }

        for (var field = 0; field < _columns.Length; field++)
        {
            if (_columns[field] < 0)
            {
                var name = LocationRowBuilder.FieldNames[field];
                errors.Add(AtHeader(csv, null, name, $"missing required column {name}; a location file has the columns {string.Join(",", LocationRowBuilder.FieldNames)}."));
            }
        }
    }

    protected override void ReadRow(CsvTokenizer csv, List<ValidationError> errors)
    {
        var latitude = ReadCoordinate(csv, LocationField.Latitude, errors);
        var longitude = ReadCoordinate(csv, LocationField.Longitude, errors);
        var text = new LocationText
        {
            Id = Field(csv, LocationField.Id),
            Name = Field(csv, LocationField.Name),
            Kind = Field(csv, LocationField.Kind),
            Carrier = Field(csv, LocationField.Carrier),
            Address = Field(csv, LocationField.Address),
            Postcode = Field(csv, LocationField.Postcode),
            City = Field(csv, LocationField.City),
            Country = Field(csv, LocationField.Country),
            OpeningHours = Field(csv, LocationField.OpeningHours),
        };

        GeoPoint? location = latitude is { } lat && longitude is { } lon ? new GeoPoint(lat, lon) : null;
        if (!_builder.TryAdd(text, location, csv.RecordLine))
        {
            foreach (var (field, message) in _builder.Problems)
            {
                errors.Add(AtField(csv, _columns[(int)field], message));
            }
        }

        // Errors in field order, as a person reads the row.
        if (errors.Count > 1)
        {
            ValidationError[] ordered = [.. errors.OrderBy(e => e.Column ?? int.MaxValue)];
            errors.Clear();
            errors.AddRange(ordered);
        }
    }

    protected override LocationCatalog Build() => _builder.Build();

    private ReadOnlySpan<char> Field(CsvTokenizer csv, LocationField field) => csv[_columns[(int)field]];

    private double? ReadCoordinate(CsvTokenizer csv, LocationField field, List<ValidationError> errors)
    {
        var index = _columns[(int)field];
        var text = csv[index];
        var name = LocationRowBuilder.FieldNames[(int)field];
        if (text.IsEmpty)
        {
            errors.Add(AtField(csv, index, $"{name} is empty; expected decimal degrees with a point, e.g. {(field == LocationField.Latitude ? "52.3731" : "4.8922")}."));
            return null;
        }

        if (!LocationRowBuilder.TryParseDegrees(text, out var degrees))
        {
            errors.Add(AtField(csv, index, $"'{text}' is not a {name}; expected decimal degrees with a point, e.g. {(field == LocationField.Latitude ? "52.3731" : "4.8922")}."));
            return null;
        }

        if ((field == LocationField.Latitude ? LocationRowBuilder.CheckLatitude(degrees) : LocationRowBuilder.CheckLongitude(degrees)) is { } problem)
        {
            errors.Add(AtField(csv, index, problem));
            return null;
        }

        return degrees;
    }
}
