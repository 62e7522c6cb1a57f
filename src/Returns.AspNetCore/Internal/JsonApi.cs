using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Returns.Sdk;

namespace Returns.AspNetCore.Internal;

/// <summary>Reads the portal's and the desk's JSON bodies and writes answers and RFC 9457 problems with source-generated JSON.</summary>
internal static class JsonApi
{
    /// <summary>The most a body may hold; a return of 50 items is well under it.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static IResult Json<T>(T value, JsonTypeInfo<T> type, int status = StatusCodes.Status200OK) => Results.Json(value, type, statusCode: status);

    public static IResult Problem(int status, string type, string title, string? detail = null, IReadOnlyList<ApiFieldError>? errors = null, string? rma = null) =>
        Results.Json(
            new ApiProblem($"https://returns-sdk.dev/problems/{type}", title, status, detail, errors, rma),
            ProblemJsonContext.Default.ApiProblem,
            contentType: "application/problem+json",
            statusCode: status);

    public static IResult Invalid(IReadOnlyList<ValidationError> errors) =>
        Problem(
            StatusCodes.Status400BadRequest,
            "validation",
            "The request is not valid.",
            $"{errors.Count} problem(s); each names its field.",
            [.. errors.Select(e => new ApiFieldError(e.Path, e.Message))]);

    /// <summary>Reads a JSON body: 415 for another media type, 413 when too large, 400 naming the field for malformed JSON.</summary>
    public static async Task<(T? Body, IResult? Error)> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> type)
        where T : class
    {
        // Only application/json: a cross-site HTML form cannot send it, and a script on another origin needs a CORS
        // preflight this API never grants. That is the desk's protection against cross-site request forgery.
        if (!context.Request.HasJsonContentType())
        {
            return (null, Problem(StatusCodes.Status415UnsupportedMediaType, "media-type", "Send the body as application/json."));
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return (null, TooLarge());
        }

        var buffer = ArrayPool<byte>.Shared.Rent(MaxBodyBytes + 1);
        try
        {
            // Bounded as it is read: a chunked body has no Content-Length to check up front.
            var length = 0;
            int read;
            while (length <= MaxBodyBytes && (read = await context.Request.Body.ReadAsync(buffer.AsMemory(length, MaxBodyBytes + 1 - length), context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                length += read;
            }

            if (length > MaxBodyBytes)
            {
                return (null, TooLarge());
            }

            var body = JsonSerializer.Deserialize(buffer.AsSpan(0, length), type);
            return body is null
                ? (null, Problem(StatusCodes.Status400BadRequest, "malformed", "The body must be a JSON object.", errors: [new ApiFieldError("$", "null is not an object.")]))
                : (body, null);
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line ? $"At line {line + 1}, byte {exception.BytePositionInLine + 1}." : null;
            return (null, Problem(
                StatusCodes.Status400BadRequest,
                "malformed",
                "The body is not valid JSON for this request.",
                where,
                [Describe(exception)]));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A JSON path as the SDK writes field paths: <c>items[0].sku</c>, without the leading <c>$.</c>.</summary>
    public static string FieldPath(string? jsonPath) => jsonPath switch
    {
        null or "" or "$" => "$",
        _ when jsonPath.StartsWith("$.", StringComparison.Ordinal) => jsonPath[2..],
        _ => jsonPath,
    };

    private static IResult TooLarge() =>
        Problem(StatusCodes.Status413PayloadTooLarge, "too-large", $"The body is larger than {MaxBodyBytes} bytes.");

    private static ApiFieldError Describe(JsonException exception)
    {
        // An unknown member is most likely a client trying to name the store or the associate: say where they come from.
        const string unmapped = "could not be mapped to any .NET member";
        if (exception.Message.Contains(unmapped, StringComparison.Ordinal) && UnmappedName(exception.Message) is { } name)
        {
            // The path may or may not already end at the unknown member, depending on where the reader stopped.
            var path = FieldPath(exception.Path);
            var field = path == "$" ? name : path == name || path.EndsWith("." + name, StringComparison.Ordinal) ? path : $"{path}.{name}";
            return new ApiFieldError(field, $"'{name}' is not a field of this request.");
        }

        var message = exception.Message;
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return new ApiFieldError(FieldPath(exception.Path), end > 0 ? message[..end] : message);
    }

    // System.Text.Json names the member in quotes: "The JSON property 'storeId' could not be mapped ...".
    private static string? UnmappedName(string message)
    {
        var start = message.IndexOf('\'', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
        return end > start + 1 && end - start <= 65 ? message[(start + 1)..end] : null;
    }
}

/// <summary>An RFC 9457 problem with the field errors, each with its path; <c>rma</c> when a return was recorded before the failure.</summary>
internal sealed record ApiProblem(string Type, string Title, int Status, string? Detail, IReadOnlyList<ApiFieldError>? Errors = null, string? Rma = null);

/// <summary>One field's error: the path as the SDK writes it (<c>items[0].quantity</c>) and what is wrong.</summary>
internal sealed record ApiFieldError(string Path, string Message);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ApiProblem))]
internal sealed partial class ProblemJsonContext : JsonSerializerContext;
