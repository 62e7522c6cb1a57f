using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Returns.Sdk;

namespace Returns.AspNetCore.Portal.Internal;

/// <summary>Reads JSON bodies and writes answers and RFC 9457 problems with the portal's source-generated JSON.</summary>
internal static class ApiResults
{
    /// <summary>The most a body may hold; a portal request is a few kilobytes.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static IResult Json<T>(T value, JsonTypeInfo<T> type, int status = StatusCodes.Status200OK) =>
        Results.Json(value, type, statusCode: status);

    public static IResult Problem(int status, string type, string title, string? detail = null, IReadOnlyList<ApiFieldError>? errors = null) =>
        Results.Json(
            new ApiProblem($"https://returns-sdk.dev/problems/{type}", title, status, detail, errors),
            PortalJsonContext.Default.ApiProblem,
            contentType: "application/problem+json",
            statusCode: status);

    public static IResult Invalid(ReturnsValidationException exception) =>
        Problem(
            StatusCodes.Status400BadRequest,
            "validation",
            "The request is not valid.",
            $"{exception.Errors.Count} problem(s); each names the field.",
            [.. exception.Errors.Select(e => new ApiFieldError(e.Path, e.Message))]);

    /// <summary>Reads a JSON body: 415 for another media type, 413 when too large, 400 naming path, line and byte for malformed JSON.</summary>
    public static async Task<(T? Body, IResult? Error)> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> type)
        where T : class
    {
        // Only application/json: a cross-site HTML form cannot send it without a CORS preflight.
        if (!context.Request.HasJsonContentType())
        {
            return (null, Problem(StatusCodes.Status415UnsupportedMediaType, "media-type", "Send the body as application/json."));
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return (null, Problem(StatusCodes.Status413PayloadTooLarge, "too-large", $"The body is larger than {MaxBodyBytes} bytes."));
        }

        try
        {
            using var limited = new MemoryStream();
            await context.Request.Body.CopyToAsync(limited, context.RequestAborted).ConfigureAwait(false);
            if (limited.Length > MaxBodyBytes)
            {
                return (null, Problem(StatusCodes.Status413PayloadTooLarge, "too-large", $"The body is larger than {MaxBodyBytes} bytes."));
            }

            var body = JsonSerializer.Deserialize(limited.GetBuffer().AsSpan(0, (int)limited.Length), type);
            return body is null
                ? (null, Problem(StatusCodes.Status400BadRequest, "malformed", "The body must be a JSON object.", errors: [new ApiFieldError("$", "null is not an object.")]))
                : (body, null);
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line ? $"line {line + 1}, byte {exception.BytePositionInLine + 1}" : "the body";
            return (null, Problem(
                StatusCodes.Status400BadRequest,
                "malformed",
                "The body is not valid JSON for this request.",
                $"At {where}.",
                [new ApiFieldError(exception.Path ?? "$", FirstSentence(exception.Message))]));
        }
    }

    // System.Text.Json appends the path and position to its message; they are in the error's own fields.
    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }
}
