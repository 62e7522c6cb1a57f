using System.Text.Json;
using System.Text.Json.Serialization;
using Returns.Sdk;
using Returns.Sdk.Parcels;

namespace Returns.Cli.Input;

/// <summary>
/// Reads a box catalog from JSON shaped like <see cref="ParcelSizingOptions"/> (<c>boxes</c>, <c>categoryDefaults</c>,
/// <c>fallback</c>), the way a retailer's <c>appsettings.json</c> section would hold it.
/// </summary>
internal static class BoxCatalogFile
{
    /// <summary>The largest file accepted: a box catalog is a few hundred bytes, anything near this is the wrong file.</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>Reads and validates a box catalog file.</summary>
    /// <param name="path">The JSON file.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The options, already checked by <see cref="BoxCatalog.FromOptions(ParcelSizingOptions)"/>.</returns>
    /// <exception cref="ReturnsValidationException">The file is not valid JSON of that shape, or a box or default is invalid; each error names the file.</exception>
    public static async Task<ParcelSizingOptions> LoadAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        if (bytes.Length > MaxBytes)
        {
            throw new ReturnsValidationException([new ValidationError("$", $"the file is larger than {MaxBytes} bytes; a box catalog is a small JSON document.") { Source = path }]);
        }

        ParcelSizingOptions? options;
        try
        {
            options = JsonSerializer.Deserialize(bytes, BoxCatalogJsonContext.Default.ParcelSizingOptions);
        }
        catch (JsonException exception)
        {
            throw new ReturnsValidationException([new ValidationError(exception.Path ?? "$", WithoutPosition(exception.Message))
            {
                Source = path,
                Line = exception.LineNumber is { } line ? (int)line + 1 : null,
                Column = exception.BytePositionInLine is { } column ? (int)column + 1 : null,
            }]);
        }

        if (options is null)
        {
            throw new ReturnsValidationException([new ValidationError("$", "expected an object with 'boxes', 'categoryDefaults' and 'fallback'.") { Source = path, Line = 1, Column = 1 }]);
        }

        try
        {
            _ = BoxCatalog.FromOptions(options);
        }
        catch (ReturnsValidationException exception)
        {
            throw new ReturnsValidationException([.. exception.Errors.Select(e => e with { Source = path })]);
        }

        return options;
    }

    /// <summary>Copies loaded options into the ones the parcel sizing registration configures.</summary>
    /// <param name="source">The loaded options.</param>
    /// <param name="target">The options to fill.</param>
    public static void CopyTo(ParcelSizingOptions source, ParcelSizingOptions target)
    {
        foreach (var box in source.Boxes)
        {
            target.Boxes.Add(box);
        }

        foreach (var (category, size) in source.CategoryDefaults)
        {
            target.CategoryDefaults[category] = size;
        }

        target.Fallback = source.Fallback;
    }

    // System.Text.Json appends "Path: … | LineNumber: … | BytePositionInLine: …", which the error already carries.
    private static string WithoutPosition(string message)
    {
        var at = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return at < 0 ? message : message[..at];
    }
}

/// <summary>
/// Source-generated reading of box catalog files: names case-insensitive (camelCase as in JSON, PascalCase as in
/// configuration), unknown properties rejected so a misspelt <c>lenghtCm</c> is not silently ignored, and the
/// get-only collections of <see cref="ParcelSizingOptions"/> filled in place.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    PreferredObjectCreationHandling = JsonObjectCreationHandling.Populate,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(ParcelSizingOptions))]
internal sealed partial class BoxCatalogJsonContext : JsonSerializerContext;
