using System.Buffers.Binary;
using System.Text;

namespace Returns.AspNetCore.Internal;

// Length-prefixed UTF-8 fields: "ab"+"c" and "a"+"bc" sign differently, whatever characters the fields hold.
internal static class SignedFields
{
    public static byte[] Join(params ReadOnlySpan<string> fields)
    {
        var length = 0;
        foreach (var field in fields)
        {
            length += sizeof(int) + Encoding.UTF8.GetByteCount(field);
        }

        var bytes = new byte[length];
        var position = 0;
        foreach (var field in fields)
        {
            var written = Encoding.UTF8.GetBytes(field, bytes.AsSpan(position + sizeof(int)));
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(position), written);
            position += sizeof(int) + written;
        }

        return bytes;
    }

    public static bool TrySplit(ReadOnlySpan<byte> bytes, int count, out string[] fields)
    {
        fields = new string[count];
        var position = 0;
        for (var i = 0; i < count; i++)
        {
            if (bytes.Length - position < sizeof(int))
            {
                return false;
            }

            var length = BinaryPrimitives.ReadInt32BigEndian(bytes[position..]);
            position += sizeof(int);
            if (length < 0 || length > bytes.Length - position)
            {
                return false;
            }

            fields[i] = Encoding.UTF8.GetString(bytes.Slice(position, length));
            position += length;
        }

        return position == bytes.Length;
    }
}
