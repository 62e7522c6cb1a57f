using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Returns.Sdk.Refunds;

namespace Refund.Gateway.Sample.Internal;

// Turns what a refund call produced into a RefundGatewayException with IsTransient set as the SDK reads it: transient
// keeps the refund pending and resumes it later with the same key; not transient marks it failed, and only a person
// retries it (with a new key). So whenever the platform may have paid, the answer must be transient.
// Messages carry the status, the refund id and sanitised codes and field names only; never bodies, titles, details,
// headers or the key.
internal static class RefundGatewayErrors
{
    private const int MaxFieldsNamed = 5;

    public static RefundGatewayException FromResponse(HttpStatusCode statusCode, ProblemWire? problem, string refundId)
    {
        var status = (int)statusCode;
        var platformCode = CodeOf(problem);
        var (transient, code, why) = statusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                (false, "unauthorized", "the platform did not accept the API key; check HttpRefundGatewayOptions.ApiKey"),
            HttpStatusCode.NotFound =>
                (false, platformCode ?? "order_not_found", "the platform does not know the order (or RefundsPath does not point at the refunds resource)"),
            // Transient on purpose: under the IETF Idempotency-Key draft a 409 means "the first request with this key is
            // still in progress", and a refund marked failed would be retried under a new key and could be paid twice.
            HttpStatusCode.Conflict =>
                (true, platformCode ?? "idempotency_conflict", "the platform is still processing this idempotency key or holds another refund under it; the refund stays pending and is resumed with the same key"),
            HttpStatusCode.BadRequest =>
                (false, platformCode ?? "invalid_request", "the platform rejected the request"),
            HttpStatusCode.UnprocessableEntity =>
                (false, platformCode ?? "unprocessable_refund", "the platform refused the refund"),
            HttpStatusCode.RequestTimeout =>
                (true, "timeout", "the platform timed out; the refund stays pending and is resumed with the same key"),
            HttpStatusCode.TooManyRequests =>
                (true, "rate_limited", "the platform is rate limiting; the refund stays pending and is resumed with the same key"),
            _ when status >= 500 =>
                (true, "unavailable", "the platform is unavailable; the refund stays pending and is resumed with the same key"),
            _ when status is >= 300 and < 400 =>
                (false, "unexpected_redirect", "the platform redirected the request, which the gateway never follows; point BaseAddress at the final address"),
            _ => (false, platformCode ?? "http_" + status.ToString(CultureInfo.InvariantCulture), "the platform refused the request"),
        };

        var fields = FieldsOf(problem);
        var message = string.Create(CultureInfo.InvariantCulture, $"Refund '{refundId}': the payment platform answered {status}; {why} (error code '{code}')")
            + (fields.Count == 0 ? string.Empty : $"; fields: {string.Join(", ", fields)}")
            + ".";
        return new RefundGatewayException(message, transient, code);
    }

    public static RefundGatewayException UnreadableConfirmation(string refundId, int status, Exception? cause) =>
        // The platform answered success, so it may well have paid: only the same key may ask again.
        new($"Refund '{refundId}': the payment platform answered {status.ToString(CultureInfo.InvariantCulture)} without a readable confirmation (an id and a status of succeeded, pending or failed); the refund stays pending and is resumed with the same key.", isTransient: true, "unreadable_confirmation", cause);

    public static RefundGatewayException RefusedAfterAccepting(string refundId) =>
        new($"Refund '{refundId}': the payment platform reports the refund as failed.", isTransient: false, "refund_failed");

    // For an exception filter. The caller's own cancellation is not mapped: the SDK treats it as "resume later".
    public static bool TryMap(Exception exception, string refundId, CancellationToken cancellationToken, [NotNullWhen(true)] out RefundGatewayException? mapped)
    {
        mapped = exception switch
        {
            RefundGatewayException => null,
            OperationCanceledException when cancellationToken.IsCancellationRequested => null,
            BrokenCircuitException e => Transient(refundId, "circuit_open", "the platform has been failing and calls fail fast for a while", e),
            TimeoutRejectedException e => Transient(refundId, "timeout", string.Create(CultureInfo.InvariantCulture, $"the platform did not answer within {e.Timeout.TotalMilliseconds:0} ms"), e),
            ExecutionRejectedException e => Transient(refundId, "rejected", "the call was rejected locally (too many calls in flight)", e),
            OperationCanceledException e => Transient(refundId, "timeout", "the platform did not answer in time", e),
            HttpRequestException e => Transient(refundId, "network_error", $"the platform could not be reached ({e.HttpRequestError})", e),
            _ => null,
        };
        return mapped is not null;
    }

    private static RefundGatewayException Transient(string refundId, string code, string why, Exception cause) =>
        new($"Refund '{refundId}': {why}; the refund stays pending and is resumed with the same key (error code '{code}').", isTransient: true, code, cause);

    // The problem's "code" member, else the last segment of its type URI (".../problems/amount_exceeds_capture").
    private static string? CodeOf(ProblemWire? problem)
    {
        if (problem is null)
        {
            return null;
        }

        if (Safe(problem.Code) is { } code)
        {
            return code;
        }

        if (string.IsNullOrEmpty(problem.Type) || problem.Type == "about:blank")
        {
            return null;
        }

        var type = problem.Type.TrimEnd('/');
        return Safe(type[(type.LastIndexOfAny(['/', '#', ':']) + 1)..]);
    }

    // Field names from "errors": an object keyed by field (ASP.NET Core's validation problems) or an array of
    // objects naming a "pointer", "field" or "name" (RFC 9457's example shape).
    private static List<string> FieldsOf(ProblemWire? problem)
    {
        var fields = new List<string>();
        if (problem?.Errors is not { } errors)
        {
            return fields;
        }

        if (errors.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in errors.EnumerateObject())
            {
                Add(fields, property.Name);
            }
        }
        else if (errors.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in errors.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                foreach (var name in (ReadOnlySpan<string>)["pointer", "field", "name"])
                {
                    if (item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                    {
                        Add(fields, value.GetString());
                        break;
                    }
                }
            }
        }

        return fields;
    }

    private static void Add(List<string> fields, string? name)
    {
        if (fields.Count < MaxFieldsNamed && Safe(name) is { } safe && !fields.Contains(safe))
        {
            fields.Add(safe);
        }
    }

    // Keeps a token only when it looks like a code or a field path, so nothing the customer typed gets through.
    private static string? Safe(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64)
        {
            return null;
        }

        foreach (var c in token)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or ':' or '-' or '[' or ']' or '/'))
            {
                return null;
            }
        }

        // More than six digits is more likely a card or account number than a code.
        return token.Count(char.IsAsciiDigit) > 6 ? null : token;
    }
}
