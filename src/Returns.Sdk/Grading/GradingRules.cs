using System.Text;
using System.Text.Json;
using Returns.Sdk.Grading.Internal;
using Returns.Sdk.Serialization.Internal;

namespace Returns.Sdk.Grading;

/// <summary>
/// A retailer's condition-grading rules, loaded from a JSON document (see <c>docs/formats/grading-rules.md</c>) and
/// checked as a whole: per category, ordered rules that grade a declaration, the dispositions per grade and what a
/// discrepancy found at inspection costs. Every mistake is reported with its JSON path, line and column; rules that
/// can never apply, and a default that leaves a declaration ungraded, are rejected.
/// </summary>
public sealed class GradingRules
{
    /// <summary>The largest document accepted (1 MiB); grading rules are rules, not data.</summary>
    public const int MaxDocumentBytes = 1 << 20;

    private GradingRules(CompiledGradingRules compiled)
    {
        Compiled = compiled;
        Name = compiled.Name;
        Categories = compiled.CategoryNames;
        ExemptFaults = [.. Enum.GetValues<ReturnFault>().Where(f => (compiled.ExemptFaultMask & (1 << (int)f)) != 0)];
    }

    /// <summary>The document's name, if it gives one.</summary>
    public string? Name { get; }

    /// <summary>The categories with rules of their own, as written; every other category follows the default.</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>The reason faults whose discrepancies are never penalised; always includes <see cref="ReturnFault.Retailer"/>.</summary>
    public IReadOnlyList<ReturnFault> ExemptFaults { get; }

    internal CompiledGradingRules Compiled { get; }

    /// <summary>Parses a grading-rules document.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">A name for the document in error messages, e.g. its file name.</param>
    /// <returns>The rules.</returns>
    /// <exception cref="ReturnsValidationException">The document is malformed or breaks a rule; every error names its path.</exception>
    public static GradingRules Parse(string json, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json), source);
    }

    /// <summary>Parses a UTF-8 grading-rules document.</summary>
    /// <param name="utf8Json">The JSON bytes, with or without a byte order mark.</param>
    /// <param name="source">A name for the document in error messages.</param>
    /// <returns>The rules.</returns>
    /// <exception cref="ReturnsValidationException">The document is malformed or breaks a rule.</exception>
    public static GradingRules Parse(ReadOnlySpan<byte> utf8Json, string? source = null)
    {
        utf8Json = Iso8601.WithoutByteOrderMark(utf8Json);
        if (utf8Json.Length > MaxDocumentBytes)
        {
            throw new ReturnsValidationException([new ValidationError("$", $"the document is {utf8Json.Length} bytes; grading rules may be at most {MaxDocumentBytes} bytes.") { Source = source }]);
        }

        GradingDocumentDto? document;
        try
        {
            document = JsonSerializer.Deserialize(utf8Json, GradingJsonContext.Default.GradingDocumentDto);
        }
        catch (JsonException exception)
        {
            throw new ReturnsValidationException([JsonDocumentErrors.FromJsonException(exception, source)]);
        }

        if (document is null)
        {
            throw new ReturnsValidationException([new ValidationError("$", "the document is null; expected a grading-rules object.") { Source = source, Line = 1, Column = 1 }]);
        }

        var compiler = new GradingRulesCompiler();
        var compiled = compiler.Compile(document);
        if (compiler.Errors.Count > 0 || compiled is null)
        {
            throw new ReturnsValidationException(JsonDocumentErrors.Locate(compiler.Errors, utf8Json, source));
        }

        return new GradingRules(compiled);
    }

    /// <summary>Reads a grading-rules document from a stream.</summary>
    /// <param name="utf8Json">The stream, read to its end.</param>
    /// <param name="source">A name for the document in error messages.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rules.</returns>
    /// <exception cref="ReturnsValidationException">The document is malformed, too large, or breaks a rule.</exception>
    public static async Task<GradingRules> LoadAsync(Stream utf8Json, string? source = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await utf8Json.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxDocumentBytes)
            {
                throw new ReturnsValidationException([new ValidationError("$", $"the document exceeds {MaxDocumentBytes} bytes; grading rules are rules, not data.") { Source = source }]);
            }

            buffer.Write(chunk, 0, read);
        }

        return Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), source);
    }

    /// <summary>Reads a grading-rules document from a file.</summary>
    /// <param name="path">The file's path; it also names the document in error messages.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rules.</returns>
    /// <exception cref="ReturnsValidationException">The document is malformed, too large, or breaks a rule.</exception>
    public static async Task<GradingRules> LoadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            return await LoadAsync(stream, path, cancellationToken).ConfigureAwait(false);
        }
    }

    // For validation when a host starts, which is synchronous.
    internal static GradingRules LoadFile(string path)
    {
        var info = new FileInfo(path);
        if (info.Exists && info.Length > MaxDocumentBytes)
        {
            throw new ReturnsValidationException([new ValidationError("$", $"the document exceeds {MaxDocumentBytes} bytes; grading rules are rules, not data.") { Source = path }]);
        }

        return Parse(File.ReadAllBytes(path), path);
    }

    /// <summary>Whether a discrepancy on a line returned for this fault is never penalised.</summary>
    /// <param name="fault">The reason's fault.</param>
    /// <returns>True for the retailer's fault, and for other faults the document lists in <c>exemptFaults</c>.</returns>
    public bool IsExempt(ReturnFault fault) => (Compiled.ExemptFaultMask & (1 << (int)fault)) != 0;

    /// <summary>The dispositions the rules prefer for a grade in a category, best first.</summary>
    /// <param name="grade">The grade.</param>
    /// <param name="category">The product category, compared case-insensitively; unlisted categories follow the default.</param>
    /// <returns>The preferences.</returns>
    public IReadOnlyList<Disposition> DispositionsFor(ConditionGrade grade, string category) =>
        Resolve(category).Dispositions[GradeIndex(grade)];

    /// <summary>What a discrepancy costs the customer when the item is inspected at a grade, in a category.</summary>
    /// <param name="inspectedGrade">The inspected grade.</param>
    /// <param name="category">The product category, compared case-insensitively; unlisted categories follow the default.</param>
    /// <returns>The consequence, before the fault exemption.</returns>
    public RefundConsequence DiscrepancyRefundFor(ConditionGrade inspectedGrade, string category) =>
        Resolve(category).DiscrepancyRefunds[GradeIndex(inspectedGrade)];

    internal CompiledCategory Resolve(string category)
    {
        ArgumentNullException.ThrowIfNull(category);
        return Compiled.Categories.TryGetValue(category, out var compiled) ? compiled : Compiled.Default;
    }

    private static int GradeIndex(ConditionGrade grade) =>
        Enum.IsDefined(grade) ? (int)grade : throw new ArgumentOutOfRangeException(nameof(grade), grade, "Unknown grade.");
}
