using System.Text.Json;
using System.Text.Json.Serialization;

namespace Returns.AspNetCore.StoreDesk.Internal;

// The store desk API's wire shapes: camelCase JSON, amounts as JSON numbers in the named currency, codes in snake_case as
// in the SDK's files, instants ISO 8601. The store and the associate are never part of a request: they come from the
// associate's claims, and an unknown field (such as storeId) is refused.

/// <summary>One scanned item and the condition the associate found.</summary>
internal sealed record DeskItemBody(
    string? Sku,
    string? LineId,
    int Quantity,
    string? ReasonCode,
    string? Packaging,
    string? SignsOfUse,
    bool? TagsAttached,
    bool? MissingParts,
    bool? ItemSwapped);

/// <summary>POST preview and POST confirm: the order, the portal return being completed (if any), the items and the resolution.</summary>
internal sealed record DeskReturnBody(string? OrderNumber, string? Rma, string? Resolution, IReadOnlyList<DeskItemBody?>? Items);

/// <summary>GET orders: what the query found.</summary>
internal sealed record LookupAnswer(string Query, IReadOnlyList<DeskOrderAnswer> Orders, DeskReturnSummary? Return);

internal sealed record DeskOrderAnswer(
    string Number,
    string Channel,
    DateTimeOffset PlacedAt,
    string Currency,
    IReadOnlyList<DeskOrderLineAnswer> Lines,
    IReadOnlyList<DeskReturnSummary> OpenReturns);

internal sealed record DeskOrderLineAnswer(string LineId, string Sku, string Category, int Quantity, int UnitsLeft, decimal UnitPrice);

/// <summary>A return of the order; <see cref="Open"/> when the desk can still complete it.</summary>
internal sealed record DeskReturnSummary(
    string Rma,
    IReadOnlyList<string> OrderNumbers,
    string State,
    bool Open,
    string? Method,
    string? StoreId,
    DateTimeOffset CreatedAt,
    IReadOnlyList<DeskReturnLineAnswer> Lines);

internal sealed record DeskReturnLineAnswer(string LineId, string Sku, int Quantity, string ReasonCode, string? Packaging, string? SignsOfUse);

/// <summary>POST preview: each item's grade and destination and the refund per tender; nothing recorded.</summary>
internal sealed record PreviewAnswer(string OrderNumber, string? Rma, string StoreId, string Resolution, IReadOnlyList<DeskLineAnswer> Lines, IReadOnlyList<DeskRefundAnswer> Refunds);

/// <summary>POST confirm: the return as recorded and its refunds.</summary>
internal sealed record ReceiptAnswer(
    string Rma,
    string State,
    string OrderNumber,
    string StoreId,
    string AssociateId,
    string Resolution,
    IReadOnlyList<DeskLineAnswer> Lines,
    IReadOnlyList<DeskRefundAnswer> Refunds);

internal sealed record DeskLineAnswer(string LineId, string Sku, int Quantity, string Grade, string? Disposition, string SiteId, bool KeptInStore, decimal DeductionPercent, string Explanation);

/// <summary>One order's refund; <see cref="Status"/> and <see cref="RefundId"/> are null in a preview.</summary>
internal sealed record DeskRefundAnswer(
    string? RefundId,
    string? Status,
    string Currency,
    decimal Total,
    decimal ReturnFee,
    decimal Deductions,
    decimal Payout,
    decimal AmountDue,
    IReadOnlyList<DeskTenderAnswer> Tenders);

internal sealed record DeskTenderAnswer(string Kind, string? Reference, decimal Amount);



/// <summary>What the desk page's script is told: where the API is, the language, the store, the reason codes and every text.</summary>
internal sealed record DeskIsland(
    string Api,
    string Language,
    IReadOnlyList<string> Languages,
    string StoreId,
    IReadOnlyList<string> Reasons,
    IReadOnlyDictionary<string, string> Texts);

[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    MaxDepth = 16)]
[JsonSerializable(typeof(DeskReturnBody))]
[JsonSerializable(typeof(LookupAnswer))]
[JsonSerializable(typeof(PreviewAnswer))]
[JsonSerializable(typeof(ReceiptAnswer))]
[JsonSerializable(typeof(DeskIsland))]
internal sealed partial class StoreDeskJsonContext : JsonSerializerContext;
