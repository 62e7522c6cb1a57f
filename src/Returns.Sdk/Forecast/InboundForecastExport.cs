using System.Globalization;
using Returns.Sdk.Csv.Internal;
using System.Text;
using System.Text.Json;
using Returns.Sdk.Grading;

namespace Returns.Sdk.Forecast;

/// <summary>Writes an inbound forecast as CSV or JSON for the warehouse's own planning tools; both formats are documented in docs/formats/forecast.md.</summary>
public static class InboundForecastExport
{
    /// <summary>The format version written in both exports.</summary>
    public const int FormatVersion = 1;

    private static readonly string[] GradeNames = [.. Enum.GetValues<ConditionGrade>().Select(g => g.ToString().ToLowerInvariant())];
    private static readonly string[] DispositionNames = [.. Enum.GetValues<Disposition>().Select(d => JsonNamingPolicy.SnakeCaseLower.ConvertName(d.ToString()))];

    /// <summary>The CSV header: <c>warehouse_id,date,parcels,units</c>, then <c>units_grade_a</c>…<c>units_grade_x</c>, <c>parcels_grade_a</c>…<c>parcels_grade_x</c> and <c>units_&lt;disposition&gt;</c> per disposition.</summary>
    public static string CsvHeader { get; } = string.Join(',', new[] { "warehouse_id", "date", "parcels", "units" }
        .Concat(GradeNames.Select(g => "units_grade_" + g))
        .Concat(GradeNames.Select(g => "parcels_grade_" + g))
        .Concat(DispositionNames.Select(d => "units_" + d)));

    /// <summary>Writes one CSV row per warehouse and day (RFC 4180, comma, CRLF, invariant culture, ISO dates), after the header line.</summary>
    /// <param name="forecast">The forecast.</param>
    /// <param name="writer">Where to write.</param>
    public static void WriteCsv(InboundForecast forecast, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(CsvHeader);
        writer.Write("\r\n");
        var line = new StringBuilder();
        foreach (var row in forecast.Rows)
        {
            line.Clear();
            line.Append(CsvField.Quote(row.WarehouseId)).Append(',')
                .Append(row.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                .Append(row.Parcels.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(row.Units.ToString(CultureInfo.InvariantCulture));
            foreach (var n in row.UnitsByGrade.Concat(row.ParcelsByGrade).Concat(row.UnitsByDisposition))
            {
                line.Append(',').Append(n.ToString(CultureInfo.InvariantCulture));
            }

            writer.Write(line);
            writer.Write("\r\n");
        }
    }

    /// <summary>Writes the forecast as one JSON object: version, range, rows (with grade and disposition maps), overdue parcels and the count expected later.</summary>
    /// <param name="forecast">The forecast.</param>
    /// <param name="stream">Where to write UTF-8 JSON.</param>
    public static void WriteJson(InboundForecast forecast, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        ArgumentNullException.ThrowIfNull(stream);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("formatVersion", FormatVersion);
        json.WriteString("from", forecast.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("to", forecast.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteStartArray("days");
        foreach (var row in forecast.Rows)
        {
            json.WriteStartObject();
            json.WriteString("warehouseId", row.WarehouseId);
            json.WriteString("date", row.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteNumber("parcels", row.Parcels);
            json.WriteNumber("units", row.Units);
            WriteMap(json, "unitsByGrade", GradeNames, row.UnitsByGrade);
            WriteMap(json, "parcelsByGrade", GradeNames, row.ParcelsByGrade);
            WriteMap(json, "unitsByDisposition", DispositionNames, row.UnitsByDisposition);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("overdue");
        foreach (var notice in forecast.Overdue)
        {
            json.WriteStartObject();
            json.WriteString("rma", notice.Rma.Value);
            json.WriteString("warehouseId", notice.WarehouseId);
            json.WriteString("expectedArrival", notice.ExpectedArrival.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteNumber("units", notice.Units);
            if (notice.TrackingNumber is { } tracking)
            {
                json.WriteString("trackingNumber", tracking);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("parcelsLater", forecast.Later);
        json.WriteEndObject();
    }

    private static void WriteMap(Utf8JsonWriter json, string name, string[] keys, IReadOnlyList<int> values)
    {
        json.WriteStartObject(name);
        for (var i = 0; i < keys.Length; i++)
        {
            json.WriteNumber(keys[i], values[i]);
        }

        json.WriteEndObject();
    }
}
