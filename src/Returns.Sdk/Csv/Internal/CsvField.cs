namespace Returns.Sdk.Csv.Internal;

// The writing half of RFC 4180, for every CSV export: quote a field only when it holds a comma, a quote or a line break.
internal static class CsvField
{
    public static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
