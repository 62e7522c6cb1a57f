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

    public string? Resolution { get; set; }

    public List<ExchangeItemDto>? ExchangeItems { get; set; }

    public List<RefundRecordDto>? Refunds { get; set; }

    public StoreHandlingDto? StoreHandling { get; set; }

    public string? ConfirmationKey { get; set; }
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

    public string? InspectedGrade { get; set; }

    public string? Disposition { get; set; }

    public string? DispositionSiteId { get; set; }

    public decimal? DeductionPercent { get; set; }
}

internal sealed class ConditionDto
{
    public string? Packaging { get; set; }

    public string? SignsOfUse { get; set; }

    public bool? TagsAttached { get; set; }

    public string? DefectDescription { get; set; }

    public int PhotoCount { get; set; }
}

internal sealed class ExchangeItemDto
{
    public string? Sku { get; set; }

    public int Quantity { get; set; }

    public decimal? UnitPrice { get; set; }

    public string? Currency { get; set; }

    public string? ReplacesLineId { get; set; }
}

internal sealed class RefundRecordDto
{
    public string? RefundId { get; set; }

    public string? OrderNumber { get; set; }

    public string? Trigger { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public string? Status { get; set; }

    public int Attempt { get; set; }

    public int Calls { get; set; }

    public string? BookedTo { get; set; }

    public string? HandledAtStoreId { get; set; }

    public string? GatewayReference { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? LastError { get; set; }

    public string? Currency { get; set; }

    public string? Resolution { get; set; }

    public decimal Shipping { get; set; }

    public decimal ReturnFee { get; set; }

    public decimal StoreCreditBonus { get; set; }

    public decimal ExchangeValue { get; set; }

    public decimal AmountDue { get; set; }

    public List<RefundLineDto>? Lines { get; set; }

    public List<TenderRefundDto>? Tenders { get; set; }
}

internal sealed class RefundLineDto
{
    public string? LineId { get; set; }

    public string? Sku { get; set; }

    public int Quantity { get; set; }

    public decimal Paid { get; set; }

    public decimal Discount { get; set; }

    public decimal Tax { get; set; }

    public decimal RestockingFee { get; set; }

    public decimal Deduction { get; set; }

    public decimal Amount { get; set; }
}

internal sealed class TenderRefundDto
{
    public string? Kind { get; set; }

    public string? Reference { get; set; }

    public decimal Amount { get; set; }
}

internal sealed class StoreHandlingDto
{
    public string? StoreId { get; set; }

    public string? AssociateId { get; set; }

    public DateTimeOffset HandledAt { get; set; }

    public List<StoreSaleDto>? Sales { get; set; }

    public string? VisitId { get; set; }
}

internal sealed class StoreSaleDto
{
    public string? Sku { get; set; }

    public int Quantity { get; set; }

    public decimal Amount { get; set; }

    public string? Currency { get; set; }

    public bool IsExchange { get; set; }
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
