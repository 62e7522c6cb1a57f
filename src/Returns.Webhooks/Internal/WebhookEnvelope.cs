using System.Buffers;
using System.Text.Json;
using Returns.Sdk.Events;

namespace Returns.Webhooks.Internal;

// { "id", "type", "rma", "version", "occurredAt", "data" }. Written by hand so that "data" is the stored return
// document byte for byte, with no second serialization that could drift from ReturnDocument.
internal static class WebhookEnvelope
{
    public static byte[] Write(ReturnEventDelivery delivery)
    {
        var e = delivery.Event;
        var buffer = new ArrayBufferWriter<byte>(delivery.Payload.Length + 256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", e.Id);
            writer.WriteString("type", e.Type);
            writer.WriteString("rma", e.Rma.Value);
            writer.WriteNumber("version", e.Version);
            writer.WriteString("occurredAt", e.OccurredAt);
            writer.WritePropertyName("data");
            writer.WriteRawValue(delivery.Payload);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
