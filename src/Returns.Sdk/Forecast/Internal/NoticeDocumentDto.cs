using System.Text.Json;
using System.Text.Json.Serialization;

namespace Returns.Sdk.Forecast.Internal;

internal sealed class NoticeDocumentDto
{
    public List<NoticeDto?>? Notices { get; set; }
}

internal sealed class NoticeDto
{
    public string? Rma { get; set; }

    public string? WarehouseId { get; set; }

    public string? Method { get; set; }

    public DateOnly? ExpectedArrival { get; set; }

    public string? CarrierId { get; set; }

    public string? TrackingNumber { get; set; }

    public DateOnly? ArrivedOn { get; set; }

    public List<NoticeLineDto?>? Lines { get; set; }
}

internal sealed class NoticeLineDto
{
    public string? Sku { get; set; }

    public int? Quantity { get; set; }

    public string? Grade { get; set; }

    public string? Disposition { get; set; }

    public string? Category { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    AllowDuplicateProperties = false,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(NoticeDocumentDto))]
internal sealed partial class NoticeJsonContext : JsonSerializerContext;
