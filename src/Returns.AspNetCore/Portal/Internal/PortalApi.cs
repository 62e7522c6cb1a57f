using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Returns.Labels;
using Returns.Sdk;
using Returns.Sdk.Carriers;
using Returns.Sdk.Lifecycle;
using Returns.Sdk.Refunds;
using Returns.Sdk.SelfService;
using Returns.Sdk.Serialization;
using Returns.AspNetCore.Internal;

namespace Returns.AspNetCore.Portal.Internal;

/// <summary>The portal API's handlers. Every handler but the lookup and the label link needs the customer's session token.</summary>
internal static class PortalApi
{
    private const int MaxIdempotencyKeyLength = 180;

    public static async Task<IResult> CreateSession(HttpContext context, OrderLookupGuard guard, PortalSessionTokens sessions, LookupRateLimiter limiter)
    {
        using var lease = limiter.Acquire(context);
        if (!lease.IsAcquired)
        {
            if (lease.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var retryAfter))
            {
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            return JsonApi.Problem(StatusCodes.Status429TooManyRequests, "rate-limited", "Too many order lookups from this address; wait a minute and try again.");
        }

        var (body, error) = await JsonApi.ReadAsync(context, PortalJsonContext.Default.SessionBody).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        var found = await guard.LookupAsync(body!.OrderNumber, body.EmailOrPostcode, context.RequestAborted).ConfigureAwait(false);
        if (!found.Found)
        {
            // One answer for a wrong number, a wrong e-mail and a wrong postcode: nothing to enumerate.
            return JsonApi.Problem(StatusCodes.Status404NotFound, "order-not-found", "No order matches this number and e-mail or postcode.");
        }

        var session = sessions.Validate(found.SessionToken, found.OrderNumber).Session!;
        return JsonApi.Json(new SessionAnswer(found.SessionToken!, found.OrderNumber!, session.ExpiresAt), PortalJsonContext.Default.SessionAnswer);
    }

    public static async Task<IResult> GetOrder(HttpContext context, string orderNumber, SelfServiceReturns returns, PortalSessionTokens sessions)
    {
        if (Authenticate(context, sessions, orderNumber, out var session) is { } denied)
        {
            return denied;
        }

        var order = await returns.GetOrderAsync(session.OrderNumber, context.RequestAborted).ConfigureAwait(false);
        if (order is null)
        {
            return JsonApi.Problem(StatusCodes.Status404NotFound, "order-not-found", "The order of this session is no longer known.");
        }

        var shipping = order.Order.ShippingAddress;
        return JsonApi.Json(
            new OrderAnswer(
                order.Order.Number,
                order.Order.Currency.Code,
                order.Order.PlacedAt,
                shipping?.Country.Value,
                shipping?.Postcode,
                [.. order.Lines.Select(l => new OrderLineAnswer(
                    l.Line.LineId,
                    l.Line.Sku,
                    l.Line.Product.Category,
                    l.Line.Quantity,
                    l.Line.UnitPrice.Amount,
                    l.Decision.IsReturnable,
                    l.Decision.Code.ToName(),
                    l.Decision.Message,
                    l.Decision.ReturnableQuantity,
                    l.UnitsOnReturns,
                    l.Decision.LastDay,
                    l.Decision.RefundTypes.ToNames()))],
                [.. order.Returns.Select(r => new ReturnSummary(r.Rma.Value, Snake(r.State), r.Method?.ToName(), r.CreatedAt))],
                [.. order.Reasons.Select(r => new ReasonAnswer(r.Code, r.RequiresComment))],
                Snake(order.RefundTerms.Instant ? RefundTiming.AtFirstScan : order.RefundTerms.Timing)),
            PortalJsonContext.Default.OrderAnswer);
    }

    public static async Task<IResult> Quote(HttpContext context, string orderNumber, SelfServiceReturns returns, PortalSessionTokens sessions)
    {
        if (Authenticate(context, sessions, orderNumber, out var session) is { } denied)
        {
            return denied;
        }

        var (body, error) = await JsonApi.ReadAsync(context, PortalJsonContext.Default.QuoteBody).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        try
        {
            var request = Request(session, body!.Items, body.Country, body.Postcode, body.Latitude, body.Longitude, body.Resolution);
            var quote = await returns.QuoteAsync(request, context.RequestAborted).ConfigureAwait(false);
            return JsonApi.Json(
                new QuoteAnswer(
                    quote.Policy.Currency.Code,
                    Snake(quote.RefundTiming),
                    [.. quote.Options.Select(Option)],
                    [.. quote.Result.Excluded.Select(e => new ExcludedAnswer(e.Method?.ToName() ?? "any", e.CarrierId, Snake(e.Reason), e.Message))]),
                PortalJsonContext.Default.QuoteAnswer);
        }
        catch (ReturnsValidationException exception)
        {
            return JsonApi.Invalid(exception.Errors);
        }
    }

    public static async Task<IResult> Confirm(HttpContext context, string orderNumber, SelfServiceReturns returns, PortalSessionTokens sessions, SignedLinks links, PortalRoutes routes)
    {
        if (Authenticate(context, sessions, orderNumber, out var session) is { } denied)
        {
            return denied;
        }

        var clientKey = context.Request.Headers["Idempotency-Key"].ToString();
        if (clientKey.Length is 0 or > MaxIdempotencyKeyLength || clientKey.AsSpan().ContainsAnyExceptInRange('!', '~'))
        {
            return JsonApi.Problem(
                StatusCodes.Status400BadRequest,
                "idempotency-key",
                "Send an Idempotency-Key header.",
                $"1 to {MaxIdempotencyKeyLength} printable ASCII characters; send the same key again to retry the same confirmation.",
                [new ApiFieldError("Idempotency-Key", clientKey.Length == 0 ? "is missing." : "is not 1 to 180 printable ASCII characters.")]);
        }

        var (body, error) = await JsonApi.ReadAsync(context, PortalJsonContext.Default.ConfirmBody).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        LabelModes? mode = null;
        if (body!.LabelMode is { } modeName)
        {
            if (ParseLabelMode(modeName) is not { } parsed)
            {
                return JsonApi.Invalid([new ValidationError("labelMode", $"'{modeName}' is not a label mode; use printed, qr or mailed.")]);
            }

            mode = parsed;
        }

        try
        {
            var request = Request(session, body.Items, body.Country, body.Postcode, body.Latitude, body.Longitude, body.Resolution);
            var confirmation = await returns.ConfirmAsync(request, body.OptionKey ?? string.Empty, mode, ScopedKey(session, clientKey), context.RequestAborted).ConfigureAwait(false);
            var answer = Answer(confirmation.Return, links, routes, confirmation.Label is not null, confirmation.QrPayload, confirmation.LabelMode, confirmation.Option.Refund, confirmation.Return.Refunds);
            return JsonApi.Json(answer, PortalJsonContext.Default.ReturnAnswer, StatusCodes.Status201Created);
        }
        catch (ReturnsValidationException exception)
        {
            return JsonApi.Invalid(exception.Errors);
        }
        catch (IdempotencyKeyInProgressException)
        {
            return JsonApi.Problem(StatusCodes.Status409Conflict, "in-progress", "This confirmation is still being processed; retry with the same Idempotency-Key in a moment.");
        }
        catch (IdempotencyKeyReusedException)
        {
            return JsonApi.Problem(StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused", "This Idempotency-Key was used for a different return; use a new key for a new return.");
        }
        catch (CarrierException exception)
        {
            // The return is recorded; the same key issues the label once the carrier answers.
            return JsonApi.Problem(
                StatusCodes.Status502BadGateway,
                "carrier-unavailable",
                "The carrier could not issue the label right now; retry with the same Idempotency-Key.",
                exception.Message);
        }
    }

    public static async Task<IResult> GetReturn(HttpContext context, string orderNumber, string rma, SelfServiceReturns returns, PortalSessionTokens sessions, SignedLinks links, PortalRoutes routes, IReturnStore store)
    {
        if (Authenticate(context, sessions, orderNumber, out var session) is { } denied)
        {
            return denied;
        }

        // An unknown RMA and another order's RMA get the same answer.
        if (!RmaNumber.TryParse(rma, out var number) || await returns.FindReturnAsync(session.OrderNumber, number, context.RequestAborted).ConfigureAwait(false) is not { } found)
        {
            return JsonApi.Problem(StatusCodes.Status404NotFound, "return-not-found", "This order has no such return.");
        }

        string? qr = null;
        if (found.Method == ReturnMethod.InStore)
        {
            qr = found.Rma.Value;
        }
        else if (await store.FindAttachmentAsync(found.Rma, ReturnLifecycle.QrAttachment, context.RequestAborted).ConfigureAwait(false) is { } payload)
        {
            qr = Encoding.UTF8.GetString(payload.Content.Span);
        }

        var labelled = await store.FindAttachmentAsync(found.Rma, ReturnLifecycle.LabelAttachment, context.RequestAborted).ConfigureAwait(false) is not null;
        return JsonApi.Json(Answer(found, links, routes, labelled, qr, null, null, found.Refunds), PortalJsonContext.Default.ReturnAnswer);
    }

    public static async Task<IResult> GetLabel(HttpContext context, SignedLinks links, IReturnStore store)
    {
        var validation = links.Validate(context.Request.Path.Value + context.Request.QueryString.Value);
        if (!validation.IsValid)
        {
            return validation.Status == SignedLinkStatus.Expired
                ? JsonApi.Problem(StatusCodes.Status410Gone, "link-expired", "This label link has expired; open the return in the portal for a new one.")
                : JsonApi.Problem(StatusCodes.Status403Forbidden, "link-invalid", "This label link is not valid.");
        }

        var link = validation.Link!;
        if (!RmaNumber.TryParse(link.Rma, out var rma) || await store.FindAttachmentAsync(rma, link.AttachmentName, context.RequestAborted).ConfigureAwait(false) is not { } attachment)
        {
            return JsonApi.Problem(StatusCodes.Status404NotFound, "label-not-found", "This return has no such label.");
        }

        context.Response.Headers.CacheControl = "private, no-store";
        var extension = attachment.MediaType switch
        {
            "application/pdf" => ".pdf",
            "image/png" => ".png",
            "image/gif" => ".gif",
            "image/svg+xml" => ".svg",
            _ => ".bin",
        };
        return Results.File(attachment.Content.ToArray(), attachment.MediaType, rma.Value + extension);
    }

    // The customer's key is scoped to the order, so two customers' keys can never meet in the store.
    private static IdempotencyKey ScopedKey(PortalSession session, string clientKey) =>
        new("portal-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(session.OrderNumber + "\n" + clientKey)).AsSpan(0, 20)));

    // The token must be bound to the order in the path; a token for another order gets the same answer as no order at all.
    private static IResult? Authenticate(HttpContext context, PortalSessionTokens sessions, string orderNumber, out PortalSession session)
    {
        session = null!;
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..].Trim() : null;
        var validation = sessions.Validate(token, orderNumber);
        if (validation.IsValid)
        {
            session = validation.Session!;
            return null;
        }

        if (validation.Status == PortalSessionStatus.OtherOrder)
        {
            return JsonApi.Problem(StatusCodes.Status404NotFound, "order-not-found", "No order matches this number and e-mail or postcode.");
        }

        context.Response.Headers.WWWAuthenticate = "Bearer";
        return validation.Status == PortalSessionStatus.Expired
            ? JsonApi.Problem(StatusCodes.Status401Unauthorized, "session-expired", "The session has expired; look the order up again.")
            : JsonApi.Problem(StatusCodes.Status401Unauthorized, "session-invalid", "Look the order up first; this request has no valid session.");
    }

    private static SelfServiceRequest Request(PortalSession session, IReadOnlyList<ItemBody>? items, string? country, string? postcode, double? latitude, double? longitude, string? resolution)
    {
        var errors = new List<ValidationError>();
        var chosen = new List<SelfServiceItem>();
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            var item = items![i];
            if (item is null)
            {
                errors.Add(new ValidationError($"items[{i}]", "must be an object."));
                continue;
            }

            DeclaredCondition? condition = null;
            if (item.Packaging is not null || item.SignsOfUse is not null)
            {
                var packaging = Enum.TryParse<PackagingState>(item.Packaging, ignoreCase: true, out var p) && Enum.IsDefined(p) && !char.IsDigit(item.Packaging![0]) ? p : (PackagingState?)null;
                var use = Enum.TryParse<UsageLevel>(item.SignsOfUse, ignoreCase: true, out var u) && Enum.IsDefined(u) && !char.IsDigit(item.SignsOfUse![0]) ? u : (UsageLevel?)null;
                if (packaging is null)
                {
                    errors.Add(new ValidationError($"items[{i}].packaging", $"'{item.Packaging}' is not a packaging state; use sealed, opened or missing."));
                }

                if (use is null)
                {
                    errors.Add(new ValidationError($"items[{i}].signsOfUse", $"'{item.SignsOfUse}' is not a level of use; use none, light or heavy."));
                }

                if (packaging is { } pk && use is { } us)
                {
                    condition = new DeclaredCondition(pk, us) { TagsAttached = item.TagsAttached };
                }
            }

            chosen.Add(new SelfServiceItem(item.LineId ?? string.Empty, item.Quantity, item.ReasonCode ?? string.Empty) { Comment = item.Comment, Condition = condition });
        }

        Address? address = null;
        if (country is not null || postcode is not null)
        {
            if (!CountryCode.TryParse(country, out var code))
            {
                errors.Add(new ValidationError("country", $"'{country}' is not an ISO 3166 country code."));
            }
            else if (string.IsNullOrWhiteSpace(postcode) || postcode.Length > 16)
            {
                errors.Add(new ValidationError("postcode", "give the postcode the parcel leaves from (at most 16 characters)."));
            }
            else
            {
                address = new Address(code, postcode.Trim());
            }
        }

        GeoPoint? location = null;
        if (latitude is not null || longitude is not null)
        {
            if (latitude is not (>= -90 and <= 90) || longitude is not (>= -180 and <= 180))
            {
                errors.Add(new ValidationError("latitude", "give both latitude (-90 to 90) and longitude (-180 to 180)."));
            }
            else
            {
                location = new GeoPoint(latitude.Value, longitude.Value);
            }
        }

        var refundType = RefundTypes.OriginalPayment;
        if (resolution is not null && !(SnakeCaseNames.TryParseRefundType(resolution, out refundType) && refundType != RefundTypes.Exchange))
        {
            errors.Add(new ValidationError("resolution", $"'{resolution}' is not a resolution the portal offers; use original_payment or store_credit."));
        }

        if (errors.Count > 0)
        {
            throw new ReturnsValidationException(errors);
        }

        return new SelfServiceRequest(session.OrderNumber, chosen) { CustomerAddress = address, CustomerLocation = location, Resolution = refundType };
    }

    private static OptionAnswer Option(QuotedOption quoted)
    {
        var option = quoted.Option;
        return new OptionAnswer(
            option.Key,
            option.Rank,
            option.Method.ToName(),
            option.CarrierId,
            option.ServiceCode,
            option.Service?.Name,
            option.CustomerFee.Amount,
            LabelModeNames(option.LabelModes),
            option.Method == ReturnMethod.InStore ? null : LabelModeName(option.PreferredLabelMode),
            option.HandoverDate,
            option.ExpectedArrival,
            [.. option.Locations.Select(l => new LocationAnswer(
                l.Point.Id,
                l.Point.Name,
                l.Point.Kind.ToName(),
                l.Point.Address is { } a ? string.Join(", ", new[] { a.Line1, $"{a.Postcode} {a.City}".Trim() }.Where(s => !string.IsNullOrWhiteSpace(s))) : null,
                Math.Round(l.DistanceKm, 2),
                l.OpenNow,
                l.NextOpening,
                l.Point.OpeningHours?.ToString()))],
            Refund(quoted.Refund));
    }

    private static RefundAnswer Refund(RefundCalculation refund) => new(
        refund.Payout.Amount,
        refund.ReturnFee.Amount,
        refund.RestockingFees.Amount,
        refund.Deductions.Amount,
        refund.Shipping.Amount,
        [.. refund.Tenders.Select(t => new TenderAnswer(t.Kind.ToName(), t.Reference, t.Amount.Amount))]);

    private static ReturnAnswer Answer(ReturnRequest @return, SignedLinks links, PortalRoutes routes, bool labelled, string? qr, LabelModes? mode, RefundCalculation? expected, IReadOnlyList<RefundRecord> refunds)
    {
        return new ReturnAnswer(
            @return.Rma.Value,
            @return.OrderNumbers[0],
            Snake(@return.State),
            @return.Method?.ToName(),
            @return.CarrierId,
            @return.ServiceCode,
            @return.TrackingNumber,
            mode is { } m ? LabelModeName(m) : null,
            @return.CreatedAt,
            @return.ExpectedArrival,
            labelled ? links.Create(routes.Api + "/labels", @return.Rma.Value, ReturnLifecycle.LabelAttachment) : null,
            qr,
            qr is null ? null : QrCodeSvg.Render(qr, @return.Rma.Value),
            @return.StoreId,
            [.. @return.Lines.Select(l => new ReturnLineAnswer(l.LineId, l.Sku, l.Quantity, l.ReasonCode))],
            expected is null ? null : Refund(expected),
            null,
            [.. refunds.Select(r => new RefundStatusAnswer(Snake(r.Status), r.Calculation.Payout.Amount, r.Calculation.Currency.Code))]);
    }

    private static IReadOnlyList<string> LabelModeNames(LabelModes modes) =>
        [.. new[] { LabelModes.Printed, LabelModes.PrinterlessQr, LabelModes.Mailed }.Where(m => (modes & m) != 0).Select(m => LabelModeName(m)!)];

    private static string? LabelModeName(LabelModes mode) => mode switch
    {
        LabelModes.Printed => "printed",
        LabelModes.PrinterlessQr => "qr",
        LabelModes.Mailed => "mailed",
        _ => null,
    };

    private static LabelModes? ParseLabelMode(string name) => name switch
    {
        "printed" => LabelModes.Printed,
        "qr" => LabelModes.PrinterlessQr,
        "mailed" => LabelModes.Mailed,
        _ => null,
    };

    private static string Snake<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
