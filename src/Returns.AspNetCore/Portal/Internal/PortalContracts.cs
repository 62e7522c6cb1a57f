using System.Text.Json;
using System.Text.Json.Serialization;

namespace Returns.AspNetCore.Portal.Internal;

// The portal API's wire shapes: camelCase JSON, amounts as JSON numbers in the order's currency, codes in snake_case
// as in the SDK's files, instants ISO 8601, dates YYYY-MM-DD. docs/portal.md documents them.

/// <summary>POST session: the order number and the customer's e-mail or postcode.</summary>
internal sealed record SessionBody(string? OrderNumber, string? EmailOrPostcode);

/// <summary>A customer session bound to one order.</summary>
internal sealed record SessionAnswer(string Token, string OrderNumber, DateTimeOffset ExpiresAt);

/// <summary>One item the customer chose, with the condition answers.</summary>
internal sealed record ItemBody(string? LineId, int Quantity, string? ReasonCode, string? Comment, string? Packaging, string? SignsOfUse, bool? TagsAttached);

/// <summary>POST quote: the items and where the customer is.</summary>
internal sealed record QuoteBody(IReadOnlyList<ItemBody>? Items, string? Country, string? Postcode, double? Latitude, double? Longitude, string? Resolution);

/// <summary>POST returns: a quote's items and location plus the chosen option and label mode.</summary>
internal sealed record ConfirmBody(IReadOnlyList<ItemBody>? Items, string? Country, string? Postcode, double? Latitude, double? Longitude, string? Resolution, string? OptionKey, string? LabelMode);

internal sealed record OrderAnswer(
    string OrderNumber,
    string Currency,
    DateTimeOffset PlacedAt,
    string? ShippingCountry,
    string? ShippingPostcode,
    IReadOnlyList<OrderLineAnswer> Lines,
    IReadOnlyList<ReturnSummary> Returns,
    IReadOnlyList<ReasonAnswer> Reasons,
    string RefundTiming);

internal sealed record OrderLineAnswer(
    string LineId,
    string Sku,
    string Category,
    int Quantity,
    decimal UnitPrice,
    bool Returnable,
    string Code,
    string Message,
    int ReturnableQuantity,
    int UnitsOnReturns,
    DateOnly? LastDay,
    IReadOnlyList<string> RefundTypes);

internal sealed record ReasonAnswer(string Code, bool RequiresComment);

internal sealed record ReturnSummary(string Rma, string State, string? Method, DateTimeOffset CreatedAt);

internal sealed record QuoteAnswer(string Currency, string RefundTiming, IReadOnlyList<OptionAnswer> Options, IReadOnlyList<ExcludedAnswer> Excluded);

internal sealed record OptionAnswer(
    string Key,
    int Rank,
    string Method,
    string? CarrierId,
    string? ServiceCode,
    string? ServiceName,
    decimal CustomerFee,
    IReadOnlyList<string> LabelModes,
    string? PreferredLabelMode,
    DateOnly HandoverDate,
    DateOnly ExpectedArrival,
    IReadOnlyList<LocationAnswer> Locations,
    RefundAnswer Refund);

internal sealed record LocationAnswer(string Id, string Name, string Kind, string? Address, double DistanceKm, bool? OpenNow, DateTimeOffset? NextOpening, string? OpeningHours);

internal sealed record RefundAnswer(decimal Payout, decimal ReturnFee, decimal RestockingFees, decimal Deductions, decimal Shipping, IReadOnlyList<TenderAnswer> Tenders);

internal sealed record TenderAnswer(string Kind, string? Reference, decimal Amount);

internal sealed record ExcludedAnswer(string Method, string? CarrierId, string Reason, string Message);

internal sealed record ReturnAnswer(
    string Rma,
    string OrderNumber,
    string State,
    string? Method,
    string? CarrierId,
    string? ServiceCode,
    string? TrackingNumber,
    string? LabelMode,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpectedArrival,
    string? LabelUrl,
    string? QrPayload,
    string? QrSvg,
    string? StoreId,
    IReadOnlyList<ReturnLineAnswer> Lines,
    RefundAnswer? ExpectedRefund,
    string? RefundTiming,
    IReadOnlyList<RefundStatusAnswer> Refunds);

internal sealed record ReturnLineAnswer(string LineId, string Sku, int Quantity, string ReasonCode);

internal sealed record RefundStatusAnswer(string Status, decimal Amount, string Currency);



[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    MaxDepth = 16)]
[JsonSerializable(typeof(SessionBody))]
[JsonSerializable(typeof(SessionAnswer))]
[JsonSerializable(typeof(QuoteBody))]
[JsonSerializable(typeof(ConfirmBody))]
[JsonSerializable(typeof(OrderAnswer))]
[JsonSerializable(typeof(QuoteAnswer))]
[JsonSerializable(typeof(ReturnAnswer))]
[JsonSerializable(typeof(PortalIsland))]
internal sealed partial class PortalJsonContext : JsonSerializerContext;

/// <summary>What the portal page's script is told: where the API is, the language, its texts and where to post messages.</summary>
internal sealed record PortalIsland(string Api, string Language, IReadOnlyList<string> Languages, string? HostOrigin, string? OrderNumber, IReadOnlyDictionary<string, string> Texts);
