using System.Text.Json;
using Returns.Sdk.Forecast.Internal;
using Returns.Sdk.Grading;
using Returns.Sdk.Lifecycle;
using Returns.Sdk.Serialization;

namespace Returns.Sdk.Forecast;

/// <summary>
/// Reads advance shipping notices from JSON (<c>{"notices":[…]}</c>, see docs/formats/notices.md): what a warehouse
/// system exports or another service sends. Every problem is reported at once, each with its JSON path.
/// </summary>
public static class AdvanceShippingNoticeDocument
{
    /// <summary>The largest document read, 64 MiB.</summary>
    public const int MaxDocumentBytes = 64 << 20;

    /// <summary>Reads notices.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <param name="source">Where it came from, for error messages.</param>
    /// <returns>The notices, in document order.</returns>
    /// <exception cref="ReturnsValidationException">Malformed JSON or invalid fields, each with its JSON path.</exception>
    public static IReadOnlyList<AdvanceShippingNotice> Parse(ReadOnlySpan<byte> utf8Json, string? source = null)
    {
        if (utf8Json.Length > MaxDocumentBytes)
        {
            throw new ReturnsValidationException([new ValidationError("$", $"The document has {utf8Json.Length} bytes; at most {MaxDocumentBytes} are read.") { Source = source }]);
        }

        NoticeDocumentDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(utf8Json, NoticeJsonContext.Default.NoticeDocumentDto);
        }
        catch (JsonException ex)
        {
            throw new ReturnsValidationException([new ValidationError(ex.Path ?? "$", ex.Message) { Source = source, Line = (int?)(ex.LineNumber + 1), Column = (int?)(ex.BytePositionInLine + 1) }]);
        }

        var errors = new List<ValidationError>();
        if (dto?.Notices is not { } notices)
        {
            throw new ReturnsValidationException([new ValidationError("$.notices", "A notices document has a 'notices' array.") { Source = source }]);
        }

        var result = new List<AdvanceShippingNotice>(notices.Count);
        var seen = new HashSet<RmaNumber>();
        for (var i = 0; i < notices.Count; i++)
        {
            var path = $"$.notices[{i}]";
            if (Read(notices[i], path, source, errors) is { } notice)
            {
                if (!seen.Add(notice.Rma))
                {
                    errors.Add(new ValidationError(path + ".rma", $"{notice.Rma} has a notice already; one notice per return.") { Source = source });
                }

                result.Add(notice);
            }
        }

        return errors.Count == 0 ? result : throw new ReturnsValidationException(errors);
    }

    /// <summary>Reads notices from a file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The notices.</returns>
    /// <exception cref="ReturnsValidationException">Invalid content, naming the file.</exception>
    public static async Task<IReadOnlyList<AdvanceShippingNotice>> LoadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return Parse(bytes, path);
    }

    private static AdvanceShippingNotice? Read(NoticeDto? dto, string path, string? source, List<ValidationError> errors)
    {
        var before = errors.Count;
        void Fail(string field, string message) => errors.Add(new ValidationError(path + field, message) { Source = source });
        if (dto is null)
        {
            Fail(string.Empty, "A notice is null.");
            return null;
        }

        if (!RmaNumber.TryParse(dto.Rma, out var rma))
        {
            Fail(".rma", $"'{dto.Rma}' is not an RMA number.");
        }

        if (string.IsNullOrWhiteSpace(dto.WarehouseId))
        {
            Fail(".warehouseId", "A warehouse id is required.");
        }

        if (!SnakeCaseNames.TryParseReturnMethod(dto.Method, out var method))
        {
            Fail(".method", $"'{dto.Method}' is not a return method; use one of {string.Join(", ", SnakeCaseNames.ReturnMethods)}.");
        }

        if (dto.ExpectedArrival is null)
        {
            Fail(".expectedArrival", "An expected arrival date (yyyy-MM-dd) is required.");
        }

        var lines = new List<NoticeLine>();
        if (dto.Lines is not { Count: > 0 })
        {
            Fail(".lines", "A notice has at least one line.");
        }
        else
        {
            for (var i = 0; i < dto.Lines.Count; i++)
            {
                var line = dto.Lines[i];
                var at = $".lines[{i}]";
                if (line is null)
                {
                    Fail(at, "A line is null.");
                    continue;
                }

                var ok = true;
                if (string.IsNullOrWhiteSpace(line.Sku))
                {
                    Fail(at + ".sku", "A SKU is required.");
                    ok = false;
                }

                if (line.Quantity is not > 0)
                {
                    Fail(at + ".quantity", $"A quantity is a whole number of at least 1; found {line.Quantity?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"}.");
                    ok = false;
                }

                if (!TryGrade(line.Grade, out var grade))
                {
                    Fail(at + ".grade", $"'{line.Grade}' is not a grade; use a, b, c, d or x.");
                    ok = false;
                }

                if (!TryDisposition(line.Disposition, out var disposition))
                {
                    Fail(at + ".disposition", $"'{line.Disposition}' is not a disposition; use one of {string.Join(", ", Enum.GetValues<Disposition>().Select(DispositionName))}.");
                    ok = false;
                }

                if (ok)
                {
                    lines.Add(new NoticeLine(line.Sku!, line.Quantity!.Value, grade, disposition) { Category = line.Category });
                }
            }
        }

        return errors.Count > before
            ? null
            : new AdvanceShippingNotice(rma, dto.WarehouseId!, method, dto.ExpectedArrival!.Value, lines)
            {
                CarrierId = dto.CarrierId,
                TrackingNumber = dto.TrackingNumber,
                ArrivedOn = dto.ArrivedOn,
            };
    }

    private static bool TryGrade(string? text, out ConditionGrade grade)
    {
        grade = default;
        return text is { Length: 1 } && Enum.TryParse(text, ignoreCase: true, out grade) && Enum.IsDefined(grade);
    }

    private static bool TryDisposition(string? text, out Disposition disposition)
    {
        foreach (var candidate in Enum.GetValues<Disposition>())
        {
            if (string.Equals(DispositionName(candidate), text, StringComparison.Ordinal))
            {
                disposition = candidate;
                return true;
            }
        }

        disposition = default;
        return false;
    }

    private static string DispositionName(Disposition disposition) => JsonNamingPolicy.SnakeCaseLower.ConvertName(disposition.ToString());
}
