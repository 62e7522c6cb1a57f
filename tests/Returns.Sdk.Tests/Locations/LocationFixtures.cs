using System.Text;
using Returns.Sdk.Csv;
using Returns.Sdk.Locations;

namespace Returns.Sdk.Tests.Locations;

internal static class LocationFixtures
{
    internal const string Header = "id,name,kind,carrier,latitude,longitude,address,postcode,city,country,opening_hours";

    /// <summary>A fixture's path: the project copies <c>Locations/fixtures</c> next to the test binaries.</summary>
    internal static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Locations", "fixtures", name);

    internal static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    internal static Task<CsvReadResult<LocationCatalog>> LoadCsvAsync(string csv, CsvErrorHandling handling = CsvErrorHandling.FailFast) =>
        LocationCatalog.LoadCsvAsync(Utf8(csv), new CsvReadOptions { Source = "points.csv", ErrorHandling = handling }, TestContext.Current.CancellationToken);

    internal static Task<CsvReadResult<LocationCatalog>> LoadGeoJsonAsync(string json, CsvErrorHandling handling = CsvErrorHandling.FailFast) =>
        LocationCatalog.LoadGeoJsonAsync(Utf8(json), new CsvReadOptions { Source = "points.geojson", ErrorHandling = handling }, TestContext.Current.CancellationToken);
}
