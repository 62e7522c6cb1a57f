using System.Buffers;
using System.Buffers.Text;

namespace Returns.AspNetCore.Internal;

// Base64Url.TryDecodeFromChars throws FormatException on bad input ("Try" only covers the buffer size); the
// OperationStatus overload answers instead. The decoder also skips whitespace and tolerates padding, so only the
// alphabet and the canonical spelling are accepted: one value to one string, so a changed character never decodes to
// the same signed bytes.
internal static class StrictBase64Url
{
    private static readonly SearchValues<char> Alphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    public static bool TryDecode(ReadOnlySpan<char> text, out byte[] bytes)
    {
        bytes = [];
        if (text.IsEmpty || text.ContainsAnyExcept(Alphabet) || text.Length % 4 == 1)
        {
            return false;
        }

        var buffer = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        if (Base64Url.DecodeFromChars(text, buffer, out var consumed, out var written) != OperationStatus.Done || consumed != text.Length)
        {
            return false;
        }

        var decoded = buffer[..written];
        if (!text.SequenceEqual(Base64Url.EncodeToString(decoded)))
        {
            return false;
        }

        bytes = decoded;
        return true;
    }
}
