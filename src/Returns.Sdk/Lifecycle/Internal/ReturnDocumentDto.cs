using System.Text.Json.Serialization;

namespace Returns.Sdk.Lifecycle.Internal;

internal sealed class ReturnDocumentDto
{
    public int SchemaVersion { get; set; }

    public string? Rma { get; set; }

    public string? CustomerId { get; set; }

    public string? State { get; set; }

    public long Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? Method { get; set; }

    public string? CarrierId { get; set; }

    public string? ServiceCode { get; set; }

    public string? TrackingNumber { get; set; }

    public string? WarehouseId { get; set; }

    public string? StoreId { get; set; }

    public DateTimeOffset? ExpectedArrival { get; set; }

    public DateTimeOffset? TrackingUpdatedAt { get; set; }

    public DateTimeOffset? AuthorizedUntil { get; set; }

    public string? StatusReason { get; set; }

    public List<ReturnLineDto>? Lines { get; set; }
}

internal sealed class ReturnLineDto
{
    public string? OrderNumber { get; set; }

    public string? LineId { get; set; }

    public string? Sku { get; set; }

    public int Quantity { get; set; }

    public string? ReasonCode { get; set; }

    public string? Comment { get; set; }

    public string? Category { get; set; }

    public ConditionDto? Condition { get; set; }
}

internal sealed class ConditionDto
{
    public string? Packaging { get; set; }

    public string? SignsOfUse { get; set; }

    public bool? TagsAttached { get; set; }

    public string? DefectDescription { get; set; }

    public int PhotoCount { get; set; }
}

// Strict on read so that a foreign or damaged row is reported rather than half-understood.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(ReturnDocumentDto))]
internal sealed partial class ReturnDocumentJsonContext : JsonSerializerContext;
