using System.Globalization;
using Returns.Sdk.Csv.Internal;
using System.Text.Json;

namespace Returns.Sdk.Analytics;

/// <summary>Writes a <see cref="ReturnAnalyticsReport"/> as CSV or JSON (docs/analytics.md), so the retailer keeps the figures in its own tools.</summary>
public static class ReturnAnalyticsExport
{
    /// <summary>The CSV header of the return rates.</summary>
    public const string RatesCsvHeader = "dimension,key,units_sold,units_returned,rate";

    /// <summary>Writes every return rate (per SKU, category, reason and channel) as CSV: RFC 4180, CRLF, invariant culture; the rate has six decimals and is empty when nothing was sold.</summary>
    /// <param name="report">The report.</param>
    /// <param name="writer">Where to write.</param>
    public static void WriteRatesCsv(ReturnAnalyticsReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(RatesCsvHeader + "\r\n");
        foreach (var (dimension, rates) in Dimensions(report))
        {
            foreach (var rate in rates)
            {
                writer.Write(string.Join(',', dimension, CsvField.Quote(rate.Key), rate.UnitsSold.ToString(CultureInfo.InvariantCulture), rate.UnitsReturned.ToString(CultureInfo.InvariantCulture), rate.Rate?.ToString("0.######", CultureInfo.InvariantCulture) ?? string.Empty));
                writer.Write("\r\n");
            }
        }
    }

    /// <summary>Writes the whole report as one JSON object.</summary>
    /// <param name="report">The report.</param>
    /// <param name="stream">Where to write UTF-8 JSON.</param>
    public static void WriteJson(ReturnAnalyticsReport report, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(stream);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("formatVersion", 1);
        json.WriteString("from", report.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("to", report.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        foreach (var (dimension, rates) in Dimensions(report))
        {
            json.WriteStartArray("by" + char.ToUpperInvariant(dimension[0]) + dimension[1..]);
            foreach (var rate in rates)
            {
                json.WriteStartObject();
                json.WriteString("key", rate.Key);
                json.WriteNumber("unitsSold", rate.UnitsSold);
                json.WriteNumber("unitsReturned", rate.UnitsReturned);
                if (rate.Rate is { } r)
                {
                    json.WriteNumber("rate", Math.Round(r, 6));
                }
                else
                {
                    json.WriteNull("rate");
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteStartArray("sizeBias");
        foreach (var bias in report.SizeBias)
        {
            json.WriteStartObject();
            json.WriteString("sku", bias.Sku);
            json.WriteNumber("tooSmall", bias.TooSmall);
            json.WriteNumber("tooLarge", bias.TooLarge);
            json.WriteNumber("bias", Math.Round(bias.Bias ?? 0, 6));
            json.WriteString("verdict", JsonNamingPolicy.SnakeCaseLower.ConvertName(bias.Verdict.ToString()));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("costByReason");
        foreach (var cost in report.CostByReason)
        {
            json.WriteStartObject();
            json.WriteString("reason", cost.ReasonCode);
            json.WriteNumber("units", cost.Units);
            json.WriteString("currency", cost.Cost.Currency.Code);
            json.WriteNumber("cost", cost.Cost.Amount);
            json.WriteString("refundCurrency", cost.Refunded.Currency.Code);
            json.WriteNumber("refunded", cost.Refunded.Amount);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static (string Dimension, IReadOnlyList<ReturnRate> Rates)[] Dimensions(ReturnAnalyticsReport report) =>
        [("sku", report.BySku), ("category", report.ByCategory), ("reason", report.ByReason), ("channel", report.ByChannel)];

}
