using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Returns.AspNetCore.Internal;

// The decoded keys of one options snapshot: sign with the current key, verify with whichever key a token names.
internal sealed class SigningKeyRing
{
    private readonly Dictionary<string, byte[]> _keys;

    private SigningKeyRing(Dictionary<string, byte[]> keys, string currentKeyId)
    {
        _keys = keys;
        CurrentKeyId = currentKeyId;
    }

    public string CurrentKeyId { get; }

    public static SigningKeyRing From(ReturnsPortalOptions options)
    {
        var failures = ReturnsPortalOptionsValidator.Check(options);
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", failures), nameof(options));
        }

        var keys = options.SigningKeys.ToDictionary(
            pair => pair.Key,
            pair => ReturnsPortalOptionsValidator.TryDecodeKey(pair.Value)!,
            StringComparer.Ordinal);
        var current = string.IsNullOrEmpty(options.CurrentSigningKeyId) ? keys.Keys.Single() : options.CurrentSigningKeyId;
        return new SigningKeyRing(keys, current);
    }

    public byte[] SignWithCurrent(ReadOnlySpan<byte> data) => HMACSHA256.HashData(_keys[CurrentKeyId], data);

    public bool TrySign(string keyId, ReadOnlySpan<byte> data, [NotNullWhen(true)] out byte[]? signature)
    {
        if (_keys.TryGetValue(keyId, out var key))
        {
            signature = HMACSHA256.HashData(key, data);
            return true;
        }

        signature = null;
        return false;
    }
}
