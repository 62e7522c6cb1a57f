using System.Globalization;
using System.Text;
using System.Text.Json;
using Returns.Sdk.Csv;

namespace Returns.Sdk.Locations.Internal;

/// <summary>
/// Reads a location catalog from a GeoJSON FeatureCollection of Point features (<c>docs/formats/locations.md</c>),
/// streaming: the text is read in blocks and one feature at a time is held in memory, so a catalog of a million
/// features costs the catalog, not the file. Errors carry the JSON path, line and byte column.
/// </summary>
internal sealed class LocationGeoJsonReader
{
    private const int InitialBufferBytes = 64 * 1024;

    /// <summary>The largest single feature (or other member of the collection) accepted.</summary>
    internal const int MaxValueBytes = 16 * 1024 * 1024;

    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private static readonly byte[][] PropertyNames = [.. LocationRowBuilder.FieldNames.Select(Encoding.UTF8.GetBytes)];

    private readonly CsvReadOptions _options;
    private readonly string? _source;
    private readonly LocationRowBuilder _builder;
    private readonly List<ValidationError> _errors = [];
    private readonly List<(string Path, string Message, long Offset)> _problems = [];
    private readonly List<(string Path, string Message, long Offset)> _coordinateProblems = [];
    private readonly string?[] _values = new string?[LocationRowBuilder.FieldNames.Length];
    private readonly long[] _valueOffsets = new long[LocationRowBuilder.FieldNames.Length];

    private byte[] _buffer = new byte[InitialBufferBytes];
    private int _length;

    // Where _buffer[0] sits in the text (after any byte order mark), and how many lines lie before it.
    private long _base;
    private int _linesBeforeBase;
    private long _lineStartBeforeBase;
    private long _bytesRead;
    private long? _totalBytes;

    private JsonReaderState _state = new(ReaderOptions);
    private Phase _phase = Phase.Start;
    private int _featureIndex;
    private bool _sawType;
    private bool _sawFeatures;

    internal LocationGeoJsonReader(CsvReadOptions options, string? source)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxErrors, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ProgressInterval, 1, nameof(options));
        _options = options;
        _source = source;
        _builder = new LocationRowBuilder(static index => string.Create(CultureInfo.InvariantCulture, $"$.features[{index}]"));
    }

    private enum Phase
    {
        Start,
        Root,
        RootType,
        FeaturesStart,
        Features,
        RootOtherValue,
        Done,
    }

    private string FeaturePath => string.Create(CultureInfo.InvariantCulture, $"$.features[{_featureIndex}]");

    internal async Task<CsvReadResult<LocationCatalog>> ReadAsync(Stream utf8Json, CancellationToken cancellationToken)
    {
        _totalBytes = utf8Json.CanSeek ? utf8Json.Length - utf8Json.Position : null;
        var final = false;
        var startChecked = false;
        while (!final)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_length == _buffer.Length)
            {
                if (_buffer.Length >= MaxValueBytes)
                {
                    throw Fatal(_phase == Phase.Features ? FeaturePath : "$", _base, string.Create(CultureInfo.InvariantCulture, $"a single value is larger than {MaxValueBytes / (1024 * 1024)} MiB; a location file is a FeatureCollection of small Point features."));
                }

                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var read = await utf8Json.ReadAsync(_buffer.AsMemory(_length), cancellationToken).ConfigureAwait(false);
            _bytesRead += read;
            _length += read;
            final = read == 0;
            if (!startChecked)
            {
                if (_length < 3 && !final)
                {
                    continue;
                }

                startChecked = true;
                if (_buffer.AsSpan(0, _length).StartsWith("\uFEFF"u8))
                {
                    // The byte order mark is not part of the text: line 1 starts after it.
                    Discard(3, countLines: false);
                }
            }

            if (final && _phase == Phase.Start && IsBlank(_buffer.AsSpan(0, _length)))
            {
                break;
            }

            Discard(Process(final), countLines: true);
        }

        if (_phase == Phase.Start)
        {
            throw Fatal("$", _base, "the file is empty; expected a GeoJSON FeatureCollection: { \"type\": \"FeatureCollection\", \"features\": [...] }.");
        }

        if (!_sawType)
        {
            throw Fatal("$.type", null, "missing \"type\": \"FeatureCollection\".");
        }

        if (!_sawFeatures)
        {
            throw Fatal("$.features", null, "missing \"features\": a FeatureCollection lists its locations in a features array.");
        }

        ReportProgress();
        return new CsvReadResult<LocationCatalog>(_builder.Build(), [.. _errors]);
    }

    private static bool Is(in Utf8JsonReader reader, ReadOnlySpan<byte> name) => reader.ValueTextEquals(name);

    private static bool IsBlank(ReadOnlySpan<byte> text) => text.Trim(" \t\r\n"u8).IsEmpty;

    private static string RawText(in Utf8JsonReader reader) => Encoding.UTF8.GetString(reader.ValueSpan);

    // Reads every token the buffer completes. A feature or other value that is not wholly in the buffer is left for
    // the next block: the reader is rewound to the token that starts it.
    private int Process(bool final)
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(0, _length), final, _state);
        try
        {
            while (true)
            {
                var checkpoint = reader.BytesConsumed;
                var checkpointState = reader.CurrentState;
                if (!reader.Read())
                {
                    break;
                }

                if (!Handle(ref reader))
                {
                    _state = checkpointState;
                    return (int)checkpoint;
                }
            }
        }
        catch (JsonException exception)
        {
            var message = exception.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            _errors.Add(new ValidationError(_phase is Phase.Features ? FeaturePath : "$", "malformed JSON: " + (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ') + ".")
            {
                Source = _source,
                Line = (int?)exception.LineNumber + 1,
                Column = (int?)exception.BytePositionInLine + 1,
            });
            throw new ReturnsValidationException(_errors);
        }

        _state = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    // Returns false when the value starting at the current token is not complete in the buffer yet.
    private bool Handle(ref Utf8JsonReader reader)
    {
        var offset = _base + reader.TokenStartIndex;
        switch (_phase)
        {
            case Phase.Start:
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw Fatal("$", offset, "expected a GeoJSON FeatureCollection object: { \"type\": \"FeatureCollection\", \"features\": [...] }.");
                }

                _phase = Phase.Root;
                return true;

            case Phase.Root:
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    _phase = Phase.Done;
                }
                else if (Is(reader, "type"u8))
                {
                    _phase = Phase.RootType;
                }
                else if (Is(reader, "features"u8))
                {
                    _phase = Phase.FeaturesStart;
                }
                else
                {
                    _phase = Phase.RootOtherValue;
                }

                return true;

            case Phase.RootType:
                if (reader.TokenType != JsonTokenType.String || !Is(reader, "FeatureCollection"u8))
                {
                    var found = reader.TokenType == JsonTokenType.String ? $"'{reader.GetString()}'" : "not a string";
                    throw Fatal("$.type", offset, $"the type is {found}; a location file is a GeoJSON \"FeatureCollection\".");
                }

                _sawType = true;
                _phase = Phase.Root;
                return true;

            case Phase.FeaturesStart:
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    throw Fatal("$.features", offset, "expected an array of Feature objects.");
                }

                _sawFeatures = true;
                _phase = Phase.Features;
                return true;

            case Phase.Features:
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    _phase = Phase.Root;
                    return true;
                }

                var start = (int)reader.TokenStartIndex;
                if (!reader.TrySkip())
                {
                    return false;
                }

                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    ReadFeature(_buffer.AsSpan(start, (int)reader.BytesConsumed - start), offset);
                }
                else
                {
                    _problems.Clear();
                    _problems.Add((FeaturePath, "expected a Feature object: { \"type\": \"Feature\", \"geometry\": {...}, \"properties\": {...} }.", offset));
                    ReportProblems();
                }

                _featureIndex++;
                if (_featureIndex % _options.ProgressInterval == 0)
                {
                    ReportProgress();
                }

                return true;

            case Phase.RootOtherValue:
                if (!reader.TrySkip())
                {
                    return false;
                }

                _phase = Phase.Root;
                return true;

            default:
                return true;
        }
    }

    private void ReadFeature(ReadOnlySpan<byte> json, long offset)
    {
        var path = FeaturePath;
        _problems.Clear();
        Array.Clear(_values);
        Array.Fill(_valueOffsets, -1L);
        var reader = new Utf8JsonReader(json, ReaderOptions);
        reader.Read();

        string? type = null;
        long typeOffset = offset, propertiesOffset = -1, featureIdOffset = -1;
        string? featureId = null;
        GeoPoint? location = null;
        var sawGeometry = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var nameOffset = offset + reader.TokenStartIndex;
            if (Is(reader, "type"u8))
            {
                reader.Read();
                typeOffset = nameOffset;
                type = reader.TokenType == JsonTokenType.String ? reader.GetString() : string.Empty;
                reader.Skip();
            }
            else if (Is(reader, "geometry"u8))
            {
                reader.Read();
                sawGeometry = true;
                location = ReadGeometry(ref reader, path + ".geometry", nameOffset, offset);
            }
            else if (Is(reader, "properties"u8))
            {
                reader.Read();
                propertiesOffset = nameOffset;
                ReadProperties(ref reader, path + ".properties", nameOffset, offset);
            }
            else if (Is(reader, "id"u8))
            {
                reader.Read();
                featureIdOffset = nameOffset;
                featureId = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString(),
                    JsonTokenType.Number => RawText(reader),
                    _ => null,
                };
                if (featureId is null && reader.TokenType != JsonTokenType.Null)
                {
                    _problems.Add((path + ".id", "expected a string or a number.", nameOffset));
                }

                reader.Skip();
            }
            else
            {
                // Foreign members and bbox are allowed by GeoJSON and ignored here.
                reader.Read();
                reader.Skip();
            }
        }

        if (type is null)
        {
            _problems.Add((path + ".type", "missing \"type\": \"Feature\".", offset));
        }
        else if (type != "Feature")
        {
            _problems.Add((path + ".type", $"the type is '{type}'; each item of features is a \"Feature\".", typeOffset));
        }

        if (!sawGeometry)
        {
            _problems.Add((path + ".geometry", "missing geometry; a location is a Point: { \"type\": \"Point\", \"coordinates\": [longitude, latitude] }.", offset));
        }

        var idField = (int)LocationField.Id;
        var idPath = path + ".properties.id";
        if (featureId is not null)
        {
            if (string.IsNullOrWhiteSpace(_values[idField]))
            {
                _values[idField] = featureId;
                _valueOffsets[idField] = featureIdOffset;
                idPath = path + ".id";
            }
            else if (_values[idField]!.Trim() != featureId.Trim())
            {
                _problems.Add((idPath, $"the id '{_values[idField]}' differs from the feature's id '{featureId}'; give one, or the same in both.", _valueOffsets[idField]));
            }
        }

        var text = new LocationText
        {
            Id = Value(LocationField.Id),
            Name = Value(LocationField.Name),
            Kind = Value(LocationField.Kind),
            Carrier = Value(LocationField.Carrier),
            Address = Value(LocationField.Address),
            Postcode = Value(LocationField.Postcode),
            City = Value(LocationField.City),
            Country = Value(LocationField.Country),
            OpeningHours = Value(LocationField.OpeningHours),
        };

        // A feature that is wrong elsewhere is still checked, but not added.
        if (!_builder.TryAdd(text, _problems.Count == 0 ? location : null, _featureIndex))
        {
            foreach (var (field, message) in _builder.Problems)
            {
                var at = _valueOffsets[(int)field] >= 0 ? _valueOffsets[(int)field] : propertiesOffset >= 0 ? propertiesOffset : offset;
                _problems.Add((field == LocationField.Id ? idPath : $"{path}.properties.{LocationRowBuilder.FieldNames[(int)field]}", message, at));
            }
        }

        ReportProblems();
    }

    private ReadOnlySpan<char> Value(LocationField field) => _values[(int)field].AsSpan().Trim();

    private GeoPoint? ReadGeometry(ref Utf8JsonReader reader, string path, long nameOffset, long offset)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            _problems.Add((path, "the geometry is null; a location is a Point: { \"type\": \"Point\", \"coordinates\": [longitude, latitude] }.", nameOffset));
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            _problems.Add((path, "expected a geometry object: { \"type\": \"Point\", \"coordinates\": [longitude, latitude] }.", nameOffset));
            reader.Skip();
            return null;
        }

        string? type = null;
        var typeOffset = nameOffset;
        var coordinatesOffset = -1L;
        double? longitude = null, latitude = null;
        var coordinateProblems = _coordinateProblems;
        coordinateProblems.Clear();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var memberOffset = offset + reader.TokenStartIndex;
            if (Is(reader, "type"u8))
            {
                reader.Read();
                typeOffset = memberOffset;
                type = reader.TokenType == JsonTokenType.String ? reader.GetString() : string.Empty;
                reader.Skip();
            }
            else if (Is(reader, "coordinates"u8))
            {
                reader.Read();
                coordinatesOffset = memberOffset;
                ReadPosition(ref reader, path + ".coordinates", memberOffset, offset, coordinateProblems, out longitude, out latitude);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (type is null)
        {
            _problems.Add((path + ".type", "missing \"type\": \"Point\".", nameOffset));
            return null;
        }

        if (type != "Point")
        {
            _problems.Add((path + ".type", $"the geometry type is '{type}'; a location is a Point with coordinates [longitude, latitude].", typeOffset));
            return null;
        }

        if (coordinatesOffset < 0)
        {
            _problems.Add((path + ".coordinates", "missing coordinates: [longitude, latitude].", nameOffset));
            return null;
        }

        _problems.AddRange(coordinateProblems);
        return coordinateProblems.Count == 0 && longitude is { } lon && latitude is { } lat ? new GeoPoint(lat, lon) : null;
    }

    private static void ReadPosition(
        ref Utf8JsonReader reader,
        string path,
        long nameOffset,
        long offset,
        List<(string, string, long)> problems,
        out double? longitude,
        out double? latitude)
    {
        longitude = latitude = null;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            problems.Add((path, "expected [longitude, latitude] in decimal degrees.", nameOffset));
            reader.Skip();
            return;
        }

        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var elementOffset = offset + reader.TokenStartIndex;
            var elementPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{count}]");
            if (count < 2)
            {
                var name = count == 0 ? "longitude" : "latitude";
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var degrees))
                {
                    problems.Add((elementPath, $"expected the {name} as a number in decimal degrees (GeoJSON order is [longitude, latitude]).", elementOffset));
                }
                else if ((count == 0 ? LocationRowBuilder.CheckLongitude(degrees) : LocationRowBuilder.CheckLatitude(degrees)) is { } problem)
                {
                    problems.Add((elementPath, problem + (count == 1 && degrees is >= -180d and <= 180d ? " GeoJSON order is [longitude, latitude]." : string.Empty), elementOffset));
                }
                else if (count == 0)
                {
                    longitude = degrees;
                }
                else
                {
                    latitude = degrees;
                }
            }

            // A third number is the altitude, which a location does not need.
            reader.Skip();
            count++;
        }

        if (count < 2)
        {
            problems.Add((path, "expected two numbers: [longitude, latitude].", nameOffset));
        }
    }

    private void ReadProperties(ref Utf8JsonReader reader, string path, long nameOffset, long offset)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            _problems.Add((path, "expected an object of the location's values.", nameOffset));
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var memberOffset = offset + reader.TokenStartIndex;
            var field = -1;
            for (var i = 0; i < PropertyNames.Length; i++)
            {
                if (Is(reader, PropertyNames[i]))
                {
                    field = i;
                    break;
                }
            }

            if (field is (int)LocationField.Latitude or (int)LocationField.Longitude || field < 0)
            {
                var name = reader.GetString()!;
                reader.Read();
                reader.Skip();
                if (field >= 0)
                {
                    _problems.Add(($"{path}.{name}", "latitude and longitude come from geometry.coordinates ([longitude, latitude]), not from properties.", memberOffset));
                }
                else if (!name.StartsWith("x_", StringComparison.Ordinal))
                {
                    _problems.Add(($"{path}.{name}", $"unknown property '{name}'; expected {string.Join(", ", LocationRowBuilder.FieldNames.Where(n => n is not "latitude" and not "longitude"))}, or an extra property named x_….", memberOffset));
                }

                continue;
            }

            var fieldName = LocationRowBuilder.FieldNames[field];
            reader.Read();
            if (_valueOffsets[field] >= 0)
            {
                _problems.Add(($"{path}.{fieldName}", $"the property '{fieldName}' appears twice in the same object.", memberOffset));
            }
            else
            {
                _valueOffsets[field] = memberOffset;
                switch (reader.TokenType)
                {
                    case JsonTokenType.String:
                        _values[field] = reader.GetString();
                        break;
                    case JsonTokenType.Null:
                        break;
                    case JsonTokenType.Number when field == (int)LocationField.Id:
                        _values[field] = RawText(reader);
                        break;
                    default:
                        _problems.Add(($"{path}.{fieldName}", field == (int)LocationField.Id ? "expected a string or a number." : "expected a string (or null).", memberOffset));
                        break;
                }
            }

            reader.Skip();
        }
    }

    private void ReportProblems()
    {
        if (_problems.Count == 0)
        {
            return;
        }

        _problems.Sort(static (a, b) => a.Offset.CompareTo(b.Offset));
        foreach (var (path, message, offset) in _problems)
        {
            var (line, column) = Position(offset);
            var error = new ValidationError(path, message) { Source = _source, Line = line, Column = column };
            if (_options.ErrorHandling == CsvErrorHandling.FailFast)
            {
                throw new ReturnsValidationException([error]);
            }

            _errors.Add(error);
            if (_errors.Count > _options.MaxErrors)
            {
                _errors.Add(new ValidationError("$.features", string.Create(CultureInfo.InvariantCulture, $"more than {_options.MaxErrors} errors; reading stopped.")) { Source = _source, Line = line });
                throw new ReturnsValidationException(_errors);
            }
        }
    }

    private ReturnsValidationException Fatal(string path, long? offset, string message)
    {
        var error = new ValidationError(path, message) { Source = _source };
        if (offset is { } at)
        {
            var (line, column) = Position(at);
            error = error with { Line = line, Column = column };
        }

        _errors.Add(error);
        return new ReturnsValidationException(_errors);
    }

    // The 1-based line and byte column of a position in the text that is still in the buffer.
    private (int Line, int Column) Position(long offset)
    {
        var before = _buffer.AsSpan(0, (int)Math.Clamp(offset - _base, 0, _length));
        var newlines = before.Count((byte)'\n');
        var lineStart = newlines == 0 ? _lineStartBeforeBase : _base + before.LastIndexOf((byte)'\n') + 1;
        return (_linesBeforeBase + newlines + 1, (int)(offset - lineStart) + 1);
    }

    private void Discard(int count, bool countLines)
    {
        if (count <= 0)
        {
            return;
        }

        if (countLines)
        {
            var gone = _buffer.AsSpan(0, count);
            var newlines = gone.Count((byte)'\n');
            if (newlines > 0)
            {
                _linesBeforeBase += newlines;
                _lineStartBeforeBase = _base + gone.LastIndexOf((byte)'\n') + 1;
            }

            _base += count;
        }

        _buffer.AsSpan(count, _length - count).CopyTo(_buffer);
        _length -= count;
    }

    private void ReportProgress() =>
        _options.Progress?.Report(new CsvReadProgress(_featureIndex, _linesBeforeBase + (_base > _lineStartBeforeBase ? 1 : 0), _bytesRead, _totalBytes, _errors.Count));
}
