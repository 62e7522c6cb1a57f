using System.Globalization;
using Returns.Sdk.Carriers;
using Returns.Sdk.Serialization;

namespace Returns.Sdk.Locations.Internal;

/// <summary>The values of a location, in a CSV row or a GeoJSON feature.</summary>
internal enum LocationField
{
    Id,
    Name,
    Kind,
    Carrier,
    Latitude,
    Longitude,
    Address,
    Postcode,
    City,
    Country,
    OpeningHours,
}

/// <summary>The text of one location's values, before checking; empty for a missing or blank value.</summary>
internal ref struct LocationText
{
    public ReadOnlySpan<char> Id;
    public ReadOnlySpan<char> Name;
    public ReadOnlySpan<char> Kind;
    public ReadOnlySpan<char> Carrier;
    public ReadOnlySpan<char> Address;
    public ReadOnlySpan<char> Postcode;
    public ReadOnlySpan<char> City;
    public ReadOnlySpan<char> Country;
    public ReadOnlySpan<char> OpeningHours;
}

/// <summary>
/// The rules both location formats share (<c>docs/formats/locations.md</c>): checks one location's values, builds the
/// <see cref="DropOffPoint"/> and collects the catalog, sharing repeated strings and opening hours across rows.
/// </summary>
internal sealed class LocationRowBuilder
{
    internal const int MaxPostcodeLength = 16;

    /// <summary>The column and property names, by <see cref="LocationField"/>.</summary>
    internal static readonly string[] FieldNames =
        ["id", "name", "kind", "carrier", "latitude", "longitude", "address", "postcode", "city", "country", "opening_hours"];

    private readonly List<DropOffPoint> _points = [];
    private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);
    private readonly List<int> _places = [];
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CountryCode> _countries = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, OpeningHours> _hours = new(StringComparer.Ordinal);
    private readonly Func<int, string> _describePlace;

    /// <param name="describePlace">Names where an earlier location was read (a line, a feature) in duplicate-id errors.</param>
    internal LocationRowBuilder(Func<int, string> describePlace) => _describePlace = describePlace;

    /// <summary>What is wrong with the values last given to <see cref="TryAdd"/>, in field order.</summary>
    internal List<(LocationField Field, string Message)> Problems { get; } = [];

    internal static string KindList => string.Join(", ", SnakeCaseNames.DropOffKinds);

    /// <summary>Parses decimal degrees written with a point: no exponent, no thousands separators, no NaN or infinity.</summary>
    internal static bool TryParseDegrees(ReadOnlySpan<char> text, out double degrees) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out degrees)
        && double.IsFinite(degrees);

    internal static string? CheckLatitude(double latitude) =>
        latitude is >= -90d and <= 90d ? null : string.Create(CultureInfo.InvariantCulture, $"latitude {latitude} is outside -90 to 90 degrees.");

    internal static string? CheckLongitude(double longitude) =>
        longitude is >= -180d and <= 180d ? null : string.Create(CultureInfo.InvariantCulture, $"longitude {longitude} is outside -180 to 180 degrees.");

    /// <summary>
    /// Checks a location's values and adds it to the catalog; on failure <see cref="Problems"/> says why. A location
    /// that is wrong elsewhere (<paramref name="location"/> null) is checked but never added.
    /// </summary>
    /// <param name="text">The values.</param>
    /// <param name="location">Its position, when its coordinates were valid.</param>
    /// <param name="place">Where it was read (line or feature number), for duplicate-id errors of later rows.</param>
    internal bool TryAdd(scoped in LocationText text, GeoPoint? location, int place)
    {
        Problems.Clear();
        if (text.Id.IsEmpty)
        {
            Problems.Add((LocationField.Id, "id is empty; every location needs one."));
        }

        if (text.Name.IsEmpty)
        {
            Problems.Add((LocationField.Name, "name is empty; every location needs the name people see."));
        }

        var kind = ReadKind(text.Kind);
        var carrierId = LocationCatalog.RetailerCarrierId;
        if (!text.Carrier.IsEmpty)
        {
            carrierId = Share(text.Carrier);
        }
        else if (kind is not null and not DropOffKind.Store)
        {
            Problems.Add((LocationField.Carrier, $"carrier is empty; only a store (one of the retailer's own) may leave it empty, this is a {kind.Value.ToName()}."));
        }

        if (text.Postcode.Length > MaxPostcodeLength)
        {
            Problems.Add((LocationField.Postcode, string.Create(CultureInfo.InvariantCulture, $"postcode '{text.Postcode}' is longer than {MaxPostcodeLength} characters.")));
        }

        var country = ReadCountry(text.Country);
        var hours = ReadOpeningHours(text.OpeningHours);
        if (Problems.Count > 0 || location is not { } position || kind is not { } knownKind)
        {
            Problems.Sort(static (a, b) => a.Field.CompareTo(b.Field));
            return false;
        }

        var id = text.Id.ToString();
        if (!_positions.TryAdd(id, _points.Count))
        {
            Problems.Add((LocationField.Id, $"duplicate id '{id}'; {_describePlace(_places[_positions[id]])} already uses it, and ids must be unique."));
            return false;
        }

        _points.Add(new DropOffPoint(id, text.Name.ToString(), knownKind, carrierId, position)
        {
            Address = BuildAddress(text, country, position),
            OpeningHours = hours,
        });
        _places.Add(place);
        return true;
    }

    internal LocationCatalog Build() => _points.Count == 0 ? LocationCatalog.Empty : LocationCatalog.FromChecked([.. _points], _positions);

    // An address needs a country; without one, or without anything but a country, the location has no address.
    private Address? BuildAddress(scoped in LocationText text, CountryCode? country, GeoPoint position)
    {
        if (country is not { } known || (text.Address.IsEmpty && text.Postcode.IsEmpty && text.City.IsEmpty))
        {
            return null;
        }

        return new Address(known, text.Postcode.ToString())
        {
            Line1 = text.Address.IsEmpty ? null : text.Address.ToString(),
            City = text.City.IsEmpty ? null : Share(text.City),
            Coordinates = position,
        };
    }

    private DropOffKind? ReadKind(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            Problems.Add((LocationField.Kind, $"kind is empty; expected one of {KindList}."));
            return null;
        }

        if (SnakeCaseNames.TryParseDropOffKind(text, out var kind, StringComparison.OrdinalIgnoreCase))
        {
            return kind;
        }

        Problems.Add((LocationField.Kind, $"unknown kind '{text}'; expected one of {KindList}."));
        return null;
    }

    private CountryCode? ReadCountry(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return null;
        }

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

        Problems.Add((LocationField.Country, $"unknown country '{code}'; expected an assigned ISO 3166-1 alpha-2 code such as NL."));
        return null;
    }

    private OpeningHours? ReadOpeningHours(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return null;
        }

        var lookup = _hours.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var hours))
        {
            return hours;
        }

        var value = text.ToString();
        if (OpeningHours.TryParse(value, out hours, out var error))
        {
            _hours.Add(value, hours);
            return hours;
        }

        Problems.Add((LocationField.OpeningHours, $"opening hours '{value}' are not valid {error.Message}"));
        return null;
    }

    private string Share(ReadOnlySpan<char> text)
    {
        var lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(text, out var shared))
        {
            shared = text.ToString();
            _strings.Add(shared, shared);
        }

        return shared;
    }
}
