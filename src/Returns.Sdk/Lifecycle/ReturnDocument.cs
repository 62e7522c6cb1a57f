using System.Collections.Frozen;
using System.Text.Json;
using Returns.Sdk.Grading;
using Returns.Sdk.Lifecycle.Internal;
using Returns.Sdk.Serialization;

namespace Returns.Sdk.Lifecycle;

/// <summary>
/// The JSON form of a <see cref="ReturnRequest"/>: what stores keep and what webhooks send. Property names are
/// camelCase, enum values snake_case, times ISO 8601 with offset; <c>schemaVersion</c> is 1. See docs/lifecycle.md.
/// </summary>
public static partial class ReturnDocument
{
    /// <summary>The schema version written.</summary>
    public const int SchemaVersion = 1;

    private static readonly FrozenDictionary<string, ReturnState> States = Names<ReturnState>();
    private static readonly FrozenDictionary<string, PackagingState> PackagingStates = Names<PackagingState>();
    private static readonly FrozenDictionary<string, UsageLevel> UsageLevels = Names<UsageLevel>();
    private static readonly FrozenDictionary<string, Disposition> Dispositions = Names<Disposition>();

    /// <summary>Writes a return as UTF-8 JSON.</summary>
    /// <param name="request">The return.</param>
    /// <returns>The document.</returns>
    public static byte[] ToUtf8Json(ReturnRequest request) =>
        JsonSerializer.SerializeToUtf8Bytes(ToDto(request), ReturnDocumentJsonContext.Default.ReturnDocumentDto);

    /// <summary>Writes a return as JSON text.</summary>
    /// <param name="request">The return.</param>
    /// <returns>The document.</returns>
    public static string ToJson(ReturnRequest request) =>
        JsonSerializer.Serialize(ToDto(request), ReturnDocumentJsonContext.Default.ReturnDocumentDto);

    /// <summary>Reads a return.</summary>
    /// <param name="json">The document.</param>
    /// <param name="source">Where it came from (a file, a table row), for error messages.</param>
    /// <returns>The return.</returns>
    /// <exception cref="ReturnsValidationException">Malformed JSON or an invalid field, with its JSON path.</exception>
    public static ReturnRequest Parse(string json, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(System.Text.Encoding.UTF8.GetBytes(json), source);
    }

    /// <inheritdoc cref="Parse(string, string?)"/>
    public static ReturnRequest Parse(ReadOnlySpan<byte> utf8Json, string? source = null)
    {
        ReturnDocumentDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(utf8Json, ReturnDocumentJsonContext.Default.ReturnDocumentDto);
        }
        catch (JsonException ex)
        {
            throw new ReturnsValidationException([new ValidationError(ex.Path ?? "$", ex.Message) { Source = source, Line = (int?)(ex.LineNumber + 1), Column = (int?)(ex.BytePositionInLine + 1) }]);
        }

        if (dto is null)
        {
            throw Invalid(source, "$", "The document is null.");
        }

        try
        {
            return FromDto(dto, source);
        }
        catch (ArgumentException ex)
        {
            throw Invalid(source, "$", ex.Message);
        }
    }

    private static ReturnDocumentDto ToDto(ReturnRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ReturnDocumentDto
        {
            SchemaVersion = SchemaVersion,
            Rma = request.Rma.Value,
            CustomerId = request.CustomerId,
            State = NameOf(request.State),
            Version = request.Version,
            CreatedAt = request.CreatedAt,
            UpdatedAt = request.UpdatedAt,
            Method = request.Method?.ToName(),
            CarrierId = request.CarrierId,
            ServiceCode = request.ServiceCode,
            TrackingNumber = request.TrackingNumber,
            WarehouseId = request.WarehouseId,
            StoreId = request.StoreId,
            ExpectedArrival = request.ExpectedArrival,
            TrackingUpdatedAt = request.TrackingUpdatedAt,
            AuthorizedUntil = request.AuthorizedUntil,
            StatusReason = request.StatusReason,
            Lines = [.. request.Lines.Select(l => new ReturnLineDto
            {
                OrderNumber = l.OrderNumber,
                LineId = l.LineId,
                Sku = l.Sku,
                Quantity = l.Quantity,
                ReasonCode = l.ReasonCode,
                Comment = l.Comment,
                Category = l.Category,
                Condition = l.Condition is { } c
                    ? new ConditionDto
                    {
                        Packaging = NameOf(c.Packaging),
                        SignsOfUse = NameOf(c.SignsOfUse),
                        TagsAttached = c.TagsAttached,
                        DefectDescription = c.DefectDescription,
                        PhotoCount = c.PhotoCount,
                    }
                    : null,
                InspectedGrade = l.InspectedGrade?.ToString(),
                Disposition = l.Disposition is { } d ? NameOf(d) : null,
                DispositionSiteId = l.DispositionSiteId,
                DeductionPercent = l.DeductionPercent == 0m ? null : l.DeductionPercent,
            })],
            Resolution = request.Resolution == RefundTypes.OriginalPayment ? null : NameOf(request.Resolution),
            ExchangeItems = request.ExchangeItems.Count == 0 ? null : [.. request.ExchangeItems.Select(ToDto)],
            Refunds = request.Refunds.Count == 0 ? null : [.. request.Refunds.Select(ToDto)],
            StoreHandling = request.StoreHandling is { } handling ? ToDto(handling) : null,
            ConfirmationKey = request.ConfirmationKey,
        };
    }

    private static ReturnRequest FromDto(ReturnDocumentDto dto, string? source)
    {
        if (dto.SchemaVersion != SchemaVersion)
        {
            throw Invalid(source, "$.schemaVersion", $"Schema version {dto.SchemaVersion} is not supported; this SDK reads version {SchemaVersion}.");
        }

        if (!RmaNumber.TryParse(dto.Rma, out var rma))
        {
            throw Invalid(source, "$.rma", $"'{dto.Rma}' is not an RMA number.");
        }

        if (dto.Lines is not { Count: > 0 } lineDtos)
        {
            throw Invalid(source, "$.lines", "A return has at least one line.");
        }

        var lines = new ReturnRequestLine[lineDtos.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = ReadLine(lineDtos[i], $"$.lines[{i}]", source);
        }

        ReturnMethod? method = null;
        if (dto.Method is not null)
        {
            method = SnakeCaseNames.TryParseReturnMethod(dto.Method, out var m) ? m : throw Invalid(source, "$.method", $"Unknown return method '{dto.Method}'.");
        }

        return new ReturnRequest(rma, dto.CustomerId ?? throw Invalid(source, "$.customerId", "A customer id is required."), lines, dto.CreatedAt)
        {
            State = Parse(States, dto.State, source, "$.state"),
            Version = dto.Version >= 1 ? dto.Version : throw Invalid(source, "$.version", "A version starts at 1."),
            UpdatedAt = dto.UpdatedAt,
            Method = method,
            CarrierId = dto.CarrierId,
            ServiceCode = dto.ServiceCode,
            TrackingNumber = dto.TrackingNumber,
            WarehouseId = dto.WarehouseId,
            StoreId = dto.StoreId,
            ExpectedArrival = dto.ExpectedArrival,
            TrackingUpdatedAt = dto.TrackingUpdatedAt,
            AuthorizedUntil = dto.AuthorizedUntil,
            StatusReason = dto.StatusReason,
            Resolution = dto.Resolution is null ? RefundTypes.OriginalPayment : Parse(Resolutions, dto.Resolution, source, "$.resolution"),
            ExchangeItems = [.. (dto.ExchangeItems ?? []).Select((item, i) => ReadExchangeItem(item, $"$.exchangeItems[{i}]", source))],
            Refunds = [.. (dto.Refunds ?? []).Select((refund, i) => ReadRefund(refund, $"$.refunds[{i}]", source))],
            StoreHandling = dto.StoreHandling is { } handling ? ReadStoreHandling(handling, "$.storeHandling", source) : null,
            ConfirmationKey = dto.ConfirmationKey,
        };
    }

    private static ReturnRequestLine ReadLine(ReturnLineDto? dto, string path, string? source)
    {
        if (dto is null)
        {
            throw Invalid(source, path, "A line is null.");
        }

        try
        {
            return new ReturnRequestLine(dto.OrderNumber!, dto.LineId!, dto.Sku!, dto.Quantity, dto.ReasonCode!)
            {
                Comment = dto.Comment,
                Category = dto.Category,
                Condition = dto.Condition is { } c
                    ? new DeclaredCondition(Parse(PackagingStates, c.Packaging, source, path + ".condition.packaging"), Parse(UsageLevels, c.SignsOfUse, source, path + ".condition.signsOfUse"))
                    {
                        TagsAttached = c.TagsAttached,
                        DefectDescription = c.DefectDescription,
                        PhotoCount = c.PhotoCount,
                    }
                    : null,
                InspectedGrade = dto.InspectedGrade is null ? null : Enum.TryParse<ConditionGrade>(dto.InspectedGrade, ignoreCase: false, out var grade) && Enum.IsDefined(grade) && dto.InspectedGrade.Length == 1
                    ? grade
                    : throw Invalid(source, path + ".inspectedGrade", $"'{dto.InspectedGrade}' is not a grade; expected A, B, C, D or X."),
                Disposition = dto.Disposition is null ? null : Parse(Dispositions, dto.Disposition, source, path + ".disposition"),
                DispositionSiteId = dto.DispositionSiteId,
                DeductionPercent = dto.DeductionPercent ?? 0m,
            };
        }
        catch (ArgumentException ex)
        {
            throw Invalid(source, path, ex.Message);
        }
    }

    private static T Parse<T>(FrozenDictionary<string, T> names, string? name, string? source, string path)
        where T : struct, Enum =>
        name is not null && names.TryGetValue(name, out var value)
            ? value
            : throw Invalid(source, path, $"'{name}' is not one of {string.Join(", ", names.Keys.Order(StringComparer.Ordinal))}.");

    private static string NameOf<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private static FrozenDictionary<string, T> Names<T>()
        where T : struct, Enum => Enum.GetValues<T>().ToFrozenDictionary(NameOf, v => v, StringComparer.Ordinal);

    private static ReturnsValidationException Invalid(string? source, string path, string message) =>
        new([new ValidationError(path, message) { Source = source }]);
}
