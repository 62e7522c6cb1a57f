using Returns.Sdk.Csv.Internal;
using Returns.Sdk;

namespace Returns.Carriers.TableRate.Internal;

/// <summary>Reads a zone chart from CSV; the format is in <c>docs/formats/zones.md</c>.</summary>
internal sealed class ZoneMapCsvReader : CsvFileReader<ZoneMap>
{
    internal const string Zone = "zone";
    internal const string Country = "country";
    internal const string Origin = "origin";

    private static readonly string[] Informational = ["name", "country_name", "description", "note", "notes"];

    private readonly ZoneMapBuilder _builder = new();
    private readonly Dictionary<string, string> _zones = new(StringComparer.Ordinal);
    private int _zone = -1, _country = -1, _origin = -1;

    internal ZoneMapCsvReader(TableRateReadOptions options, string? source)
        : base(options, source)
    {
    }

    protected override string ExpectedHeader => "zone,country and optionally origin.";

    protected override void ReadHeader(CsvTokenizer csv, List<ValidationError> errors)
    {
        CheckDuplicateColumns(csv, errors);
        for (var i = 0; i < ColumnNames.Length; i++)
        {
            switch (ColumnNames[i])
            {
                case Zone: _zone = i; break;
                case Country: _country = i; break;
                case Origin: _origin = i; break;
                case var name when !IsInformational(name, Informational):
                    errors.Add(AtHeader(csv, i, name.Length == 0 ? "header" : name, name.Length == 0
                        ? "a column without a name."
                        : $"unknown column '{name}'; expected zone, country, origin, or an informational column ({string.Join(", ", Informational)} or any x_ column)."));
                    break;
            }
        }

        if (_zone < 0)
        {
            errors.Add(AtHeader(csv, null, Zone, "missing required column zone."));
        }

        if (_country < 0)
        {
            errors.Add(AtHeader(csv, null, Country, "missing required column country."));
        }
    }

    protected override void ReadRow(CsvTokenizer csv, List<ValidationError> errors)
    {
        string? zone = null;
        var zoneText = csv[_zone];
        if (zoneText.IsEmpty)
        {
            errors.Add(AtField(csv, _zone, "zone is empty; every row needs one."));
        }
        else
        {
            var lookup = _zones.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(zoneText, out zone))
            {
                zone = zoneText.ToString();
                _zones.Add(zone, zone);
            }
        }

        var country = ReadCountry(csv, _country, errors);
        var origin = _origin >= 0 ? ReadCountry(csv, _origin, errors) : null;
        if (errors.Count > 0)
        {
            return;
        }

        var assignment = new ZoneAssignment(zone!, country) { Origin = origin, SourceLine = csv.RecordLine };
        if (_builder.TryAdd(assignment) is { } conflict)
        {
            errors.Add(AtField(csv, _country, conflict));
        }
    }

    protected override ZoneMap Build() => _builder.Build();

    private CountryCode? ReadCountry(CsvTokenizer csv, int index, List<ValidationError> errors)
    {
        var text = csv[index];
        var isOrigin = index == _origin;
        if (text.IsEmpty)
        {
            if (!isOrigin)
            {
                errors.Add(AtField(csv, index, "country is empty; expected an ISO 3166-1 alpha-2 code such as NL, or * for every country not listed."));
            }

            return null;
        }

        if (text is "*")
        {
            return null;
        }

        if (CountryCode.TryParse(text.ToString(), out var country))
        {
            return country;
        }

        errors.Add(AtField(csv, index, isOrigin
            ? $"unknown origin country '{text}'; expected an ISO 3166-1 alpha-2 code such as NL, or * or nothing for any origin."
            : $"unknown country '{text}'; expected an ISO 3166-1 alpha-2 code such as NL, or * for every country not listed."));
        return null;
    }
}
