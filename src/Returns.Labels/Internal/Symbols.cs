using System.Text;
using ZXing;
using ZXing.OneD;
using ZXing.QrCode.Internal;

namespace Returns.Labels.Internal;

/// <summary>Barcode modules from ZXing.Net's encoders (pure managed code, no imaging).</summary>
internal static class Symbols
{
    /// <summary>Quiet zone each side of a Code 128 symbol, in modules (ISO/IEC 15417 asks for 10).</summary>
    public const int Code128QuietZone = 10;

    /// <summary>Quiet zone round a QR code, in modules (ISO/IEC 18004 asks for 4).</summary>
    public const int QrQuietZone = 4;

    /// <summary>The bars and spaces of a Code 128 symbol, without quiet zones.</summary>
    public static bool[] Code128(string data) => new Code128Writer().encode(data);

    /// <summary>The modules of a QR code with error correction level M (15 %). Non-ASCII payloads are UTF-8 with an ECI marker.</summary>
    public static QrModules Qr(string payload)
    {
        var hints = new Dictionary<EncodeHintType, object>();
        if (!Ascii.IsValid(payload))
        {
            hints[EncodeHintType.CHARACTER_SET] = "UTF-8";
        }

        var code = ZXing.QrCode.Internal.Encoder.encode(payload, ErrorCorrectionLevel.M, hints);
        var matrix = code.Matrix;
        var size = matrix.Width;
        var dark = new bool[size * size];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                dark[(y * size) + x] = matrix[x, y] == 1;
            }
        }

        return new QrModules(size, dark);
    }
}
