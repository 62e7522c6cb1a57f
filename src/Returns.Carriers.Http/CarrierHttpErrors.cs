using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Returns.Carriers.Http.Internal;
using Returns.Sdk.Carriers;

namespace Returns.Carriers.Http;

/// <summary>
/// Maps what an HTTP carrier call produced (an error response, or an exception from the client and its resilience
/// pipeline) to the SDK's typed <see cref="CarrierException"/>s, with <see cref="CarrierException.IsTransient"/> set
/// truthfully. Messages name the carrier, the method, the status and the carrier's error code only: never the URL,
/// headers, bodies or the carrier's free text, which may hold credentials or the customer's data.
/// </summary>
public static class CarrierHttpErrors
{
    /// <summary>Maps an unsuccessful response.</summary>
    /// <param name="carrierId">The carrier.</param>
    /// <param name="response">The response (not successful).</param>
    /// <param name="error">What the adapter parsed from the carrier's error body, when anything.</param>
    /// <param name="timeProvider">The clock to resolve a <c>Retry-After</c> date against; the system clock when <see langword="null"/>.</param>
    /// <returns>
    /// 400/422: <see cref="InvalidAddressException"/> when <see cref="CarrierErrorInfo.IsAddressField"/>, else a permanent
    /// <see cref="CarrierException"/>; 401/403: <see cref="CarrierUnauthorizedException"/>; 404 and other 4xx: permanent
    /// <see cref="CarrierException"/>; 429: <see cref="CarrierRateLimitedException"/>; 408 and 5xx:
    /// <see cref="CarrierUnavailableException"/>. <see cref="CarrierException.StatusCode"/> is always set.
    /// </returns>
    public static CarrierException FromResponse(string carrierId, HttpResponseMessage response, CarrierErrorInfo? error = null, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(carrierId);
        ArgumentNullException.ThrowIfNull(response);
        var status = (int)response.StatusCode;
        var code = Safe(error?.Code);
        var field = Safe(error?.Field);
        var method = response.RequestMessage?.Method.Method ?? "request";
        var message = string.Create(CultureInfo.InvariantCulture, $"Carrier '{carrierId}' answered {status} {response.ReasonPhrase ?? response.StatusCode.ToString()} to {method}")
            + (code is null ? string.Empty : $" (error code '{code}')")
            + (field is null ? string.Empty : $" about field '{field}'")
            + ".";

        CarrierException exception = response.StatusCode switch
        {
            HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity when error is { IsAddressField: true } =>
                new InvalidAddressException(carrierId, field, message),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new CarrierUnauthorizedException(carrierId, message),
            HttpStatusCode.TooManyRequests => new CarrierRateLimitedException(carrierId, RetryAfterHeader.Read(response, timeProvider ?? TimeProvider.System), message),
            HttpStatusCode.RequestTimeout => new CarrierUnavailableException(carrierId, message),
            _ when status >= 500 => new CarrierUnavailableException(carrierId, message),
            _ => new CarrierException(carrierId, message, isTransient: false),
        };
        return exception.WithDetails(status, code);
    }

    /// <summary>
    /// Maps an exception thrown while calling a carrier, for use in an exception filter:
    /// <c>catch (Exception e) when (CarrierHttpErrors.TryMap(CarrierId, e, cancellationToken, out var mapped)) { throw mapped; }</c>.
    /// </summary>
    /// <param name="carrierId">The carrier.</param>
    /// <param name="exception">What was thrown.</param>
    /// <param name="cancellationToken">The caller's token: a cancellation the caller asked for is not mapped and propagates as is.</param>
    /// <param name="mapped">
    /// <see cref="CarrierUnavailableException"/> for an open circuit (<see cref="BrokenCircuitException"/>), a timeout
    /// (<see cref="TimeoutRejectedException"/>, or a cancellation the caller did not ask for) and a network failure
    /// (<see cref="HttpRequestException"/>); a permanent <see cref="CarrierException"/> for an unreadable body
    /// (<see cref="JsonException"/>).
    /// </param>
    /// <returns>True when the exception was mapped; false for a <see cref="CarrierException"/> already, the caller's cancellation and anything else.</returns>
    public static bool TryMap(string carrierId, Exception exception, CancellationToken cancellationToken, [NotNullWhen(true)] out CarrierException? mapped)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(carrierId);
        ArgumentNullException.ThrowIfNull(exception);
        mapped = exception switch
        {
            CarrierException => null,
            BrokenCircuitException broken => new CarrierUnavailableException(carrierId, $"Carrier '{carrierId}' is failing; its circuit is open and calls fail fast for now.", broken),
            TimeoutRejectedException timeout => new CarrierUnavailableException(carrierId, $"Carrier '{carrierId}' did not answer within {timeout.Timeout.TotalMilliseconds:0} ms.", timeout),
            OperationCanceledException when cancellationToken.IsCancellationRequested => null,
            OperationCanceledException cancelled => new CarrierUnavailableException(carrierId, $"Carrier '{carrierId}' did not answer in time.", cancelled),
            HttpRequestException http => new CarrierUnavailableException(carrierId, $"Carrier '{carrierId}' could not be reached ({http.HttpRequestError}).", http) { StatusCode = (int?)http.StatusCode },
            JsonException json => new CarrierException(carrierId, $"Carrier '{carrierId}' answered with a body the adapter cannot read.", isTransient: false, json),
            _ => null,
        };
        return mapped is not null;
    }

    private static CarrierException WithDetails(this CarrierException exception, int status, string? code) => exception switch
    {
        InvalidAddressException e => new InvalidAddressException(e.CarrierId, e.Field, e.Message) { StatusCode = status, CarrierErrorCode = code },
        CarrierUnauthorizedException e => new CarrierUnauthorizedException(e.CarrierId, e.Message) { StatusCode = status, CarrierErrorCode = code },
        CarrierRateLimitedException e => new CarrierRateLimitedException(e.CarrierId, e.RetryAfter, e.Message) { StatusCode = status, CarrierErrorCode = code },
        CarrierUnavailableException e => new CarrierUnavailableException(e.CarrierId, e.Message) { StatusCode = status, CarrierErrorCode = code },
        _ => new CarrierException(exception.CarrierId, exception.Message, exception.IsTransient) { StatusCode = status, CarrierErrorCode = code },
    };

    private static string? Safe(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64)
        {
            return null;
        }

        foreach (var c in token)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or ':' or '-' or '[' or ']'))
            {
                return null;
            }
        }

        return token;
    }
}
