using System.Text;
using System.Text.Json;
using Returns.Sdk.Policy.Internal;
using Returns.Sdk.Serialization.Internal;

namespace Returns.Sdk.Policy;

/// <summary>
/// A retailer's return policy, loaded from a JSON document (see <c>docs/policy.md</c>) and checked as a whole:
/// every mistake is reported with its JSON path, line and column, and contradictory rules are rejected.
/// </summary>
public sealed class ReturnPolicy
{
    /// <summary>The largest policy document accepted (1 MiB); a policy is rules, not data.</summary>
    public const int MaxDocumentBytes = 1 << 20;

    private readonly CompiledPolicyVersion[] _versions;

    private ReturnPolicy(string policyId, CompiledPolicyVersion[] versions)
    {
        PolicyId = policyId;
        _versions = versions;
        Versions = [.. versions.Select(v => v.Info)];
    }

    /// <summary>The policy's name.</summary>
    public string PolicyId { get; }

    /// <summary>Every version, oldest first.</summary>
    public IReadOnlyList<ReturnPolicyVersion> Versions { get; }

    /// <summary>Parses a policy document.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">A name for the document in error messages, e.g. its file name.</param>
    /// <param name="reasons">The reasons the policy may name; the standard taxonomy when <see langword="null"/>.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ReturnsValidationException">The document is malformed or breaks a rule; every error names its path.</exception>
    public static ReturnPolicy Parse(string json, string? source = null, ReturnReasonTaxonomy? reasons = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json), source, reasons);
    }

    /// <summary>Parses a UTF-8 policy document.</summary>
    /// <param name="utf8Json">The JSON bytes.</param>
    /// <param name="source">A name for the document in error messages.</param>
    /// <param name="reasons">The reasons the policy may name; the standard taxonomy when <see langword="null"/>.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ReturnsValidationException">The document is malformed or breaks a rule.</exception>
    public static ReturnPolicy Parse(ReadOnlySpan<byte> utf8Json, string? source = null, ReturnReasonTaxonomy? reasons = null)
    {
        utf8Json = Iso8601.WithoutByteOrderMark(utf8Json);
        if (utf8Json.Length > MaxDocumentBytes)
        {
            throw new ReturnsValidationException([new ValidationError("$", $"the document is {utf8Json.Length} bytes; a policy may be at most {MaxDocumentBytes} bytes.") { Source = source }]);
        }

        PolicyDocumentDto? document;
        try
        {
            document = JsonSerializer.Deserialize(utf8Json, DocumentJsonContext.Default.PolicyDocumentDto);
        }
        catch (JsonException exception)
        {
            throw new ReturnsValidationException([JsonDocumentErrors.FromJsonException(exception, source)]);
        }

        if (document is null)
        {
            throw new ReturnsValidationException([new ValidationError("$", "the document is null; expected a policy object.") { Source = source, Line = 1, Column = 1 }]);
        }

        var compiler = new PolicyCompiler(reasons ?? ReturnReasonTaxonomy.Standard);
        var versions = compiler.Compile(document);
        if (compiler.Errors.Count > 0)
        {
            throw new ReturnsValidationException(JsonDocumentErrors.Locate(compiler.Errors, utf8Json, source));
        }

        return new ReturnPolicy(document.PolicyId!, versions);
    }

    /// <summary>Reads a policy document from a stream.</summary>
    /// <param name="utf8Json">The stream, read to its end.</param>
    /// <param name="source">A name for the document in error messages.</param>
    /// <param name="reasons">The reasons the policy may name; the standard taxonomy when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ReturnsValidationException">The document is malformed, too large, or breaks a rule.</exception>
    public static async Task<ReturnPolicy> LoadAsync(Stream utf8Json, string? source = null, ReturnReasonTaxonomy? reasons = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await utf8Json.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxDocumentBytes)
            {
                throw new ReturnsValidationException([new ValidationError("$", $"the document exceeds {MaxDocumentBytes} bytes; a policy is rules, not data.") { Source = source }]);
            }

            buffer.Write(chunk, 0, read);
        }

        return Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), source, reasons);
    }

    /// <summary>Reads a policy document from a file.</summary>
    /// <param name="path">The file's path; it also names the document in error messages.</param>
    /// <param name="reasons">The reasons the policy may name; the standard taxonomy when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ReturnsValidationException">The document is malformed, too large, or breaks a rule.</exception>
    public static async Task<ReturnPolicy> LoadFileAsync(string path, ReturnReasonTaxonomy? reasons = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            return await LoadAsync(stream, path, reasons, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The version in force for an order placed at an instant: the latest that took effect by then.</summary>
    /// <param name="placedAt">When the order was placed.</param>
    /// <returns>The version.</returns>
    /// <exception cref="ReturnsValidationException">The order predates every version.</exception>
    public ReturnPolicyVersion VersionFor(DateTimeOffset placedAt) => CompiledFor(placedAt).Info;

    internal CompiledPolicyVersion CompiledFor(DateTimeOffset placedAt)
    {
        for (var i = _versions.Length - 1; i >= 0; i--)
        {
            if (_versions[i].Info.EffectiveFrom <= placedAt)
            {
                return _versions[i];
            }
        }

        throw new ReturnsValidationException(
            "order.placedAt",
            $"the order was placed at {placedAt:O}, before policy '{PolicyId}' took effect ({_versions[0].Info.EffectiveFrom:O}); add a version that covers it.");
    }
}
