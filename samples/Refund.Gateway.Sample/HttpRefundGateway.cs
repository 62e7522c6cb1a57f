using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refund.Gateway.Sample.Internal;
using Returns.Sdk;
using Returns.Sdk.Refunds;

namespace Refund.Gateway.Sample;

/// <summary>
/// A reference <see cref="IRefundGateway"/> that pays refunds through the retailer's own HTTP endpoint: one
/// <c>POST {BaseAddress}/{RefundsPath}</c> per refund, authenticated with a bearer key and de-duplicated by the
/// <c>Idempotency-Key</c> header, through a named client with the standard resilience pipeline. README.md documents
/// the wire contract the endpoint implements, and how to change this class when it cannot.
/// </summary>
/// <remarks>
/// Failures map to <see cref="RefundGatewayException"/>: timeouts, network failures, 408, 429, 5xx and success answers
/// that cannot be read are transient (the SDK keeps the refund pending and resumes it with the same key); 400, 401,
/// 403, 404, 409, 422 and other 4xx are not (the refund is marked failed with the error code).
/// </remarks>
public sealed partial class HttpRefundGateway : IRefundGateway
{
    /// <summary>The name of the <see cref="HttpClient"/> the gateway takes from <see cref="IHttpClientFactory"/>.</summary>
    public const string HttpClientName = "Returns.Refunds.Http";

    /// <summary>The header that carries <see cref="RefundInstruction.IdempotencyKey"/>.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptionsMonitor<HttpRefundGatewayOptions> _options;
    private readonly ILogger<HttpRefundGateway> _logger;

    /// <summary>Creates the gateway; register it with <c>AddHttpRefundGateway</c> rather than by hand.</summary>
    /// <param name="httpClientFactory">Gives the named client <see cref="HttpClientName"/>.</param>
    /// <param name="options">The endpoint and key.</param>
    /// <param name="logger">Where calls are logged: refund ids, statuses and error codes; never the key, bodies or card data.</param>
    public HttpRefundGateway(IHttpClientFactory httpClientFactory, IOptionsMonitor<HttpRefundGatewayOptions> options, ILogger<HttpRefundGateway> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _httpClientFactory = httpClientFactory;
        _options = options;
        _logger = logger;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The instruction has no tenders, a tender amount is not above zero, or an amount has more decimals than its currency.</exception>
    /// <exception cref="CurrencyMismatchException">The tenders are in different currencies.</exception>
    public async Task<RefundConfirmation> RefundAsync(RefundInstruction instruction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        ArgumentException.ThrowIfNullOrWhiteSpace(instruction.IdempotencyKey, nameof(instruction));
        var body = RefundWire.ToWire(instruction);
        var options = _options.CurrentValue;

        // Buffered bytes rather than a streamed JsonContent: every retry of the pipeline sends the very same body.
        using var request = new HttpRequestMessage(HttpMethod.Post, options.RefundsUri())
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, RefundJsonContext.Default.RefundRequestWire)),
        };
        request.Content.Headers.ContentType = Json;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
        request.Headers.Add(IdempotencyKeyHeader, instruction.IdempotencyKey);
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("application/problem+json");

        LogSending(instruction.RefundId, instruction.Tenders.Count, body.Amount, body.Currency);
        HttpResponseMessage response;
        try
        {
            response = await _httpClientFactory.CreateClient(HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (RefundGatewayErrors.TryMap(exception, instruction.RefundId, cancellationToken, out var mapped))
        {
            LogFailed(instruction.RefundId, null, mapped.IsTransient, mapped.ErrorCode ?? "none");
            throw mapped;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return await ConfirmAsync(response, instruction.RefundId, cancellationToken).ConfigureAwait(false);
            }

            var problem = await ReadProblemAsync(response, cancellationToken).ConfigureAwait(false);
            var refused = RefundGatewayErrors.FromResponse(response.StatusCode, problem, instruction.RefundId);
            LogFailed(instruction.RefundId, status, refused.IsTransient, refused.ErrorCode ?? "none");
            throw refused;
        }
    }

    private async Task<RefundConfirmation> ConfirmAsync(HttpResponseMessage response, string refundId, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        RefundResponseWire? confirmation;
        try
        {
            confirmation = await response.Content.ReadFromJsonAsync(RefundJsonContext.Default.RefundResponseWire, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException)
        {
            LogFailed(refundId, status, true, "unreadable_confirmation");
            throw RefundGatewayErrors.UnreadableConfirmation(refundId, status, exception);
        }

        if (confirmation is not { Id: { Length: > 0 and <= 256 } id } || string.IsNullOrWhiteSpace(id))
        {
            LogFailed(refundId, status, true, "unreadable_confirmation");
            throw RefundGatewayErrors.UnreadableConfirmation(refundId, status, null);
        }

        switch (confirmation.Status?.ToLowerInvariant())
        {
            case "succeeded":
                LogConfirmed(refundId, status, "succeeded");
                return new RefundConfirmation(id);
            case "pending":
                // Accepted under this key: the platform owns completing it (and retrying it towards its PSP).
                LogConfirmed(refundId, status, "pending");
                return new RefundConfirmation(id);
            case "failed":
                LogFailed(refundId, status, false, "refund_failed");
                throw RefundGatewayErrors.RefusedAfterAccepting(refundId);
            default:
                LogFailed(refundId, status, true, "unreadable_confirmation");
                throw RefundGatewayErrors.UnreadableConfirmation(refundId, status, null);
        }
    }

    private static async Task<ProblemWire?> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(RefundJsonContext.Default.ProblemWire, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or HttpRequestException)
        {
            return null; // Not problem details (a proxy's HTML page, an empty body): the status alone decides.
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "Refund {RefundId}: sending {TenderCount} tender(s), {Amount} {Currency}")]
    private partial void LogSending(string refundId, int tenderCount, string amount, string currency);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Refund {RefundId}: the platform answered {StatusCode}, {PlatformStatus}")]
    private partial void LogConfirmed(string refundId, int statusCode, string platformStatus);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Refund {RefundId}: not confirmed (status {StatusCode}, transient {Transient}, code {ErrorCode})")]
    private partial void LogFailed(string refundId, int? statusCode, bool transient, string errorCode);
}
