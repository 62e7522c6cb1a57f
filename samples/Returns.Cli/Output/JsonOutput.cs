using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Returns.Cli.Output;

/// <summary>Writes a result as indented JSON text: exact, uncoloured and unwrapped, so scripts can parse it.</summary>
internal static class JsonOutput
{
    // Relaxed escaping keeps '+' in offsets and apostrophes in messages readable; the text goes to a terminal or a pipe, never into HTML.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    /// <summary>Serializes a value with its source-generated metadata and writes it, followed by a newline.</summary>
    /// <typeparam name="T">The DTO type.</typeparam>
    /// <param name="writer">Standard output.</param>
    /// <param name="value">The DTO.</param>
    /// <param name="typeInfo">The DTO's metadata from <see cref="CliJsonContext"/>.</param>
    public static void Write<T>(TextWriter writer, T value, JsonTypeInfo<T> typeInfo)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            JsonSerializer.Serialize(json, value, typeInfo);
        }

        writer.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        writer.Write('\n');
        writer.Flush();
    }
}
