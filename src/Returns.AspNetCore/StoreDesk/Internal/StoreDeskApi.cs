using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Returns.AspNetCore.Internal;
using Returns.Sdk;
using Returns.Sdk.Lifecycle;
using Returns.Sdk.Orders;
using Returns.Sdk.Refunds;
using Returns.Sdk.StoreReturns;

namespace Returns.AspNetCore.StoreDesk.Internal;

/// <summary>
/// The store desk's page and API handlers. Authorization has run before any of them: the associate is signed in and
/// has one store claim, which is the only place the store comes from.
/// </summary>
internal sealed class StoreDeskApi
{
    /// <summary>The longest <c>Idempotency-Key</c> header accepted; the desk prefixes it with the store.</summary>
    public const int MaxIdempotencyKeyLength = 180;

    /// <summary>The longest lookup query: an e-mail address is at most 254 characters.</summary>
    public const int MaxQueryLength = 254;

    private const string IdempotencyKeyHeader = "Idempotency-Key";

    private static readonly PageTexts Texts = new("Returns.AspNetCore.StoreDesk.Resources.StoreDeskTexts");
    private static readonly EmbeddedAssets Assets = new("Returns.AspNetCore.StoreDesk.Assets.");

    private readonly string _storeIdClaimType;
    private readonly string _prefix;

    public StoreDeskApi(string storeIdClaimType, string prefix)
    {
        _storeIdClaimType = storeIdClaimType;
        _prefix = prefix;
    }

    public IResult Page(HttpContext context, RefundOptions refundOptions)
    {
        var associate = Associate(context);
        var language = PageTexts.Choose(context.Request.Query["lang"], context.Request.Headers.AcceptLanguage);
        var texts = Texts.For(language);
        var basePath = context.Request.PathBase + _prefix;
        var island = new DeskIsland(
            basePath.TrimEnd('/') + "/api",
            language,
            PageTexts.Languages,
            associate.StoreId,
            [.. refundOptions.Reasons.Reasons.Select(r => r.Code)],
            texts);
        return PageShell.Render(
            context,
            Assets.ReadText("desk.html"),
            language,
            basePath.TrimEnd('/'),
            texts.GetValueOrDefault("page.title", "Store returns desk"),
            JsonSerializer.Serialize(island, StoreDeskJsonContext.Default.DeskIsland),
            []);
    }

    public static IResult Asset(HttpContext context, string name) => Assets.Serve(context, name);

    public static async Task<IResult> FindOrders(HttpContext context, string? query, StoreReturnDesk desk, IReturnStore store)
    {
        var text = query?.Trim() ?? string.Empty;
        if (text.Length > MaxQueryLength)
        {
            return JsonApi.Invalid([new ValidationError("query", $"is longer than {MaxQueryLength} characters; scan or type an order number, e-mail or RMA number.")]);
        }

        var lookup = await desk.FindAsync(text, context.RequestAborted).ConfigureAwait(false);
        var returnsByOrder = new Dictionary<string, IReadOnlyList<ReturnRequest>>(StringComparer.Ordinal);
        foreach (var order in lookup.Orders)
        {
            returnsByOrder[order.Number] = await store.FindByOrderAsync(order.Number, context.RequestAborted).ConfigureAwait(false);
        }

        return JsonApi.Json(DeskMapping.ToLookup(text, lookup, returnsByOrder), StoreDeskJsonContext.Default.LookupAnswer);
    }

    public async Task<IResult> Preview(HttpContext context, StoreReturnDesk desk)
    {
        var (request, error) = await ReadRequestAsync(context).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        try
        {
            var preview = await desk.PreviewAsync(request!, context.RequestAborted).ConfigureAwait(false);
            return JsonApi.Json(DeskMapping.ToPreview(request!, preview), StoreDeskJsonContext.Default.PreviewAnswer);
        }
        catch (ReturnsValidationException exception)
        {
            return JsonApi.Invalid(exception.Errors);
        }
    }

    public async Task<IResult> Confirm(HttpContext context, StoreReturnDesk desk, IReturnStore store, IOrderSource orders)
    {
        if (!context.Request.HasJsonContentType())
        {
            return JsonApi.Problem(StatusCodes.Status415UnsupportedMediaType, "media-type", "Send the body as application/json.");
        }

        var header = context.Request.Headers[IdempotencyKeyHeader];
        if (header.Count != 1 || header[0] is not { Length: > 0 and <= MaxIdempotencyKeyLength } given || given.AsSpan().ContainsAnyExceptInRange('!', '~'))
        {
            return JsonApi.Problem(
                StatusCodes.Status400BadRequest,
                "idempotency-key",
                "Send one Idempotency-Key header.",
                $"1 to {MaxIdempotencyKeyLength} printable ASCII characters without spaces, new for each return and the same when it is sent again.",
                [new ApiFieldError(IdempotencyKeyHeader, header.Count == 0 ? "is missing." : "is not 1 to 180 printable ASCII characters without spaces, given once.")]);
        }

        var (request, error) = await ReadRequestAsync(context).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        // The order as the platform spells its number: a confirmation sent again finds its visit by that number.
        if (await orders.FindAsync(request!.OrderNumber, context.RequestAborted).ConfigureAwait(false) is { } order)
        {
            request = request with { OrderNumber = order.Number };
        }

        var key = ScopedKey(request.StoreId, given);
        try
        {
            var receipt = await desk.ProcessAsync(request, key, context.RequestAborted).ConfigureAwait(false);
            return JsonApi.Json(DeskMapping.ToReceipt(request, receipt), StoreDeskJsonContext.Default.ReceiptAnswer);
        }
        catch (ReturnsValidationException exception)
        {
            return JsonApi.Invalid(exception.Errors);
        }
        catch (IdempotencyKeyInProgressException)
        {
            return JsonApi.Problem(StatusCodes.Status409Conflict, "in-progress", "This return is still being processed.", "Wait a moment and send it again with the same Idempotency-Key.");
        }
        catch (IdempotencyKeyReusedException)
        {
            return JsonApi.Problem(StatusCodes.Status409Conflict, "key-reused", "This Idempotency-Key was used for a different return.", "Start a new return: a new key for each return.");
        }
        catch (ReturnConcurrencyException)
        {
            return JsonApi.Problem(StatusCodes.Status409Conflict, "concurrent-change", "The return changed while it was processed.", "Send it again with the same Idempotency-Key.");
        }
        catch (RefundGatewayException)
        {
            // The return is recorded; only the payment platform failed. The same key finishes it later.
            var recorded = (await store.FindByOrderAsync(request.OrderNumber, CancellationToken.None).ConfigureAwait(false))
                .FirstOrDefault(r => r.StoreHandling?.VisitId == key.Value);
            return JsonApi.Problem(
                StatusCodes.Status502BadGateway,
                "refund-failed",
                "The return is recorded but the payment platform did not confirm the refund.",
                "Send it again with the same Idempotency-Key to retry the refund; nothing is refunded twice.",
                rma: recorded?.Rma.Value);
        }
    }

    /// <summary>
    /// The key the SDK sees: the client's key under a short hash of the store, so two stores that happen to send the same
    /// key never continue each other's visit. At most 8 + 1 + 180 characters, within the desk's 190.
    /// </summary>
    public static IdempotencyKey ScopedKey(string storeId, string key)
    {
        var store = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(storeId.ToUpperInvariant())).AsSpan(0, 4));
        return new IdempotencyKey($"{store}:{key}");
    }

    private async Task<(StoreReturnRequest? Request, IResult? Error)> ReadRequestAsync(HttpContext context)
    {
        var (body, error) = await JsonApi.ReadAsync(context, StoreDeskJsonContext.Default.DeskReturnBody).ConfigureAwait(false);
        if (error is not null)
        {
            return (null, error);
        }

        var errors = new List<ValidationError>();
        var request = DeskMapping.ToRequest(body!, Associate(context), errors);
        return request is null ? (null, JsonApi.Invalid(errors)) : (request, null);
    }

    // The authorization policy admitted only users with a readable associate, so this never fails after it.
    private DeskAssociate Associate(HttpContext context) =>
        DeskAssociate.TryRead(context.User, _storeIdClaimType, out var associate)
            ? associate
            : throw new InvalidOperationException("The store desk's authorization policy should have refused a user without one store claim and an id.");
}
