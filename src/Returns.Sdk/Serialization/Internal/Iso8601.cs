using System.Globalization;

namespace Returns.Sdk.Serialization.Internal;

// Instants in documents must carry their offset: an instant read in the server's local zone would move return
// windows with the machine that reads the file.
internal static class Iso8601
{
    private static readonly string[] InstantFormats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"];

    public const string InstantHint = "an ISO 8601 instant with an offset, e.g. \"2026-11-26T10:00:00+01:00\" or \"2026-11-26T09:00:00Z\"";

    public static bool TryParseInstant(string? text, out DateTimeOffset instant)
    {
        instant = default;
        return text is { Length: >= 17 }
            && HasOffset(text)
            && DateTimeOffset.TryParseExact(text, InstantFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
    }

    public static ReadOnlySpan<byte> WithoutByteOrderMark(ReadOnlySpan<byte> utf8) =>
        utf8.StartsWith("\uFEFF"u8) ? utf8[3..] : utf8;

    private static bool HasOffset(string text) =>
        text[^1] is 'Z' or 'z' || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
}
