using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Returns.Carriers.Http;
using Returns.Carriers.Sendcloud.Internal;
using Returns.Sdk;
using Returns.Sdk.Carriers;

namespace Returns.Carriers.Sendcloud;

/// <summary>
/// The Sendcloud adapter: quotes the configured shipping options (<c>POST /shipping-options</c>), announces returns
/// synchronously (<c>POST /returns/announce-synchronously</c>, sent at most once per call) and downloads their labels,
/// lists service points, tracks and cancels, through the resilient named client from Returns.Carriers.Http.
/// </summary>
public sealed partial class SendcloudCarrier : CarrierAdapter
{
    /// <summary>The carrier id, also the name of its HTTP client options.</summary>
    public const string Id = "sendcloud";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptionsMonitor<SendcloudOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SendcloudCarrier> _logger;
    private readonly CreatedReturnLedger _ledger;
    private Declaration? _declared;

    /// <summary>Creates the adapter; register it with <c>AddSendcloud</c> rather than by hand.</summary>
    /// <param name="httpClientFactory">Gives the named client <c>Returns.Carriers.sendcloud</c>.</param>
    /// <param name="options">The keys and the shipping option codes.</param>
    /// <param name="timeProvider">The clock for <c>Retry-After</c> dates.</param>
    /// <param name="logger">Where calls are logged, without personal data, tracking numbers or keys.</param>
    public SendcloudCarrier(IHttpClientFactory httpClientFactory, IOptionsMonitor<SendcloudOptions> options, TimeProvider timeProvider, ILogger<SendcloudCarrier> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _httpClientFactory = httpClientFactory;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _ledger = new CreatedReturnLedger(timeProvider);
    }

    /// <inheritdoc />
    public override string CarrierId => Id;

    /// <inheritdoc />
    /// <remarks>
    /// One service per configured shipping option code, each with the configured return methods, printed labels as PDF,
    /// ZPL or PNG, no declared limits and no declared area: both depend on the option and Sendcloud enforces them.
    /// </remarks>
    public override CarrierCapabilities Capabilities
    {
        get
        {
            // Rebuilt only when the options are reloaded; a reference swap, so readers on other threads never see half of it.
            var options = _options.CurrentValue;
            if (Volatile.Read(ref _declared) is { } cached && ReferenceEquals(cached.Source, options))
            {
                return cached.Capabilities;
            }

            var methods = options.ReturnMethods.Count == 0 ? SendcloudMapping.DefaultReturnMethods : [.. options.ReturnMethods];
            var services = options.ShippingOptionCodes.Distinct(StringComparer.Ordinal).Select(code =>
                new CarrierService(code, "Sendcloud " + code, methods, LabelModes.Printed)
                {
                    Network = SendcloudMapping.Network(code),
                    LabelFormats = [LabelDocumentFormat.Pdf, LabelDocumentFormat.Zpl, LabelDocumentFormat.Png],
                }).ToList();
            var capabilities = new CarrierCapabilities(services, CarrierFeatures.LiveRates | CarrierFeatures.DropOffPoints | CarrierFeatures.Tracking | CarrierFeatures.Cancellation);
            Volatile.Write(ref _declared, new Declaration(options, capabilities));
            return capabilities;
        }
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<RateQuote>> QuoteAsync(RateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var capabilities = Capabilities;
        if (request.ServiceCode is { } only && capabilities.FindService(only) is null)
        {
            return [];
        }

        var parcel = new ScQuoteParcel(new ScQuoteWeight(SendcloudMapping.Decimal(request.Parcel.Weight.Kilograms), "kg"))
        {
            Dimensions = request.Parcel.Dimensions is { } d
                ? new ScQuoteDimensions(SendcloudMapping.Decimal(d.LengthCm), SendcloudMapping.Decimal(d.WidthCm), SendcloudMapping.Decimal(d.HeightCm), "cm")
                : null,
        };
        var body = new ScShippingOptionsRequest(request.From.Country.Value, request.To.Country.Value, [parcel], new ScFunctionalityFilter(Returns: true))
        {
            FromPostalCode = NullIfEmpty(request.From.Postcode),
            ToPostalCode = NullIfEmpty(request.To.Postcode),
            ShippingOptionCode = request.ServiceCode,
            ContractId = _options.CurrentValue.ContractId,
            CalculateQuotes = true,
        };
        using var message = new HttpRequestMessage(HttpMethod.Post, "shipping-options")
        {
            Content = JsonContent.Create(body, SendcloudJsonContext.Default.ScShippingOptionsRequest),
        };

        // Asking for shipping options and their quotes has no side effect, so this POST may be retried.
        message.WithRetries(true);
        var response = await SendAsync(message, SendcloudJsonContext.Default.ScShippingOptionsResponse, cancellationToken).ConfigureAwait(false);

        var quotes = new List<RateQuote>();
        foreach (var option in response.Data ?? [])
        {
            if (capabilities.FindService(option.Code) is not { } service
                || option.Quotes?.FirstOrDefault(q => q.Price?.Total is not null) is not { Price.Total: { } total } quote
                || !Currency.TryFromCode(total.Currency, out var currency)
                || total.Value <= 0m)
            {
                continue; // An option this retailer did not configure, or one Sendcloud could not price.
            }

            var price = new Money(currency.Round(total.Value), currency);
            foreach (var method in service.ReturnMethods)
            {
                if ((request.ReturnMethod is { } wanted && wanted != method) || !SendcloudMapping.AllowsMethod(option.Functionalities?.FirstMile, method))
                {
                    continue;
                }

                quotes.Add(new RateQuote(Id, service.Code, method, price)
                {
                    TransitDays = quote.LeadTime is { } hours && hours > 0m ? (int)decimal.Ceiling(hours / 24m) : null,
                    BillableWeight = option.ParcelBilledWeights is [var billed, ..] ? SendcloudMapping.ToWeight(billed.Value, billed.Unit) : null,
                    LabelModes = service.LabelModes,
                });
            }
        }

        LogQuoted(_logger, quotes.Count);
        return quotes;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Sendcloud documents no idempotency key, so the announcement is sent at most once per call (never retried by the
    /// pipeline). The return's ids are remembered per idempotency key: a retry with the same key after the announcement
    /// succeeded only reads the return and its label again. A retry after an announcement whose answer was lost is sent
    /// again with the same <c>external_reference</c> (the RMA number), which Sendcloud refuses when already used.
    /// <see cref="ShipmentRequest.Items"/> are sent as <c>parcel_items</c>; a return that crosses a customs border needs
    /// them, each with weight, HS code and country of origin.
    /// </remarks>
    /// <exception cref="ShipmentOutcomeUnknownException">
    /// The announcement ended without a definite answer (timeout, connection lost after sending, 500/502/504, an
    /// unreadable answer; <c>outcome_unknown</c>): Sendcloud may have created the return.
    /// </exception>
    /// <exception cref="CarrierException">
    /// A return across a customs border lacks item data (<c>customs_items_required</c>; the message names the field, e.g.
    /// <c>Items[0].HsCode</c>) or has item data Sendcloud cannot take (<c>customs_item_invalid</c>), or Sendcloud or the
    /// carrier refused the return (its error code, e.g. <c>external_reference_exists</c>).
    /// </exception>
    public override async Task<ReturnShipment> CreateShipmentAsync(ShipmentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Capabilities.FindService(request.ServiceCode) is not { } service)
        {
            throw new CarrierOperationNotSupportedException(Id, $"service '{request.ServiceCode}' (not among the configured shipping option codes)");
        }

        if (!service.ReturnMethods.Contains(request.ReturnMethod) || SendcloudMapping.DeliveryOption(request.ReturnMethod) is not { } deliveryOption)
        {
            throw new CarrierOperationNotSupportedException(Id, $"return method {request.ReturnMethod} with service '{service.Code}'");
        }

        if (request.LabelMode != LabelModes.Printed)
        {
            // drop_off_labelless exists, but the returns API answers no QR code to hand the customer.
            throw new CarrierOperationNotSupportedException(Id, $"label mode {request.LabelMode} (only printed labels)");
        }

        if (!service.LabelFormats.Contains(request.LabelFormat))
        {
            throw new CarrierOperationNotSupportedException(Id, $"label format {request.LabelFormat}");
        }

        if (!_ledger.TryGet(request.IdempotencyKey, out var returnId, out var parcelId))
        {
            var created = await AnnounceAsync(request, service.Code, deliveryOption, cancellationToken).ConfigureAwait(false);
            (returnId, parcelId) = (created.ReturnId, created.ParcelId);
            _ledger.Record(request.IdempotencyKey, returnId, parcelId);
            LogAnnounced(_logger, service.Code, deliveryOption);
        }

        var announced = await GetReturnAsync(returnId, cancellationToken).ConfigureAwait(false);
        var label = await DownloadLabelAsync(parcelId, request.LabelFormat, cancellationToken).ConfigureAwait(false);
        return new ReturnShipment(Id, service.Code, announced.TrackingNumber!)
        {
            CarrierShipmentId = returnId.ToString(CultureInfo.InvariantCulture),
            Label = label,
            Price = announced.LabelCost is { Currency: { } code } cost && Currency.TryFromCode(code, out var currency) ? new Money(cost.Value, currency) : null,
        };
    }

    /// <inheritdoc />
    /// <remarks>
    /// Searches the service point API around the query point in the query's country (or
    /// <see cref="SendcloudOptions.DefaultServicePointCountry"/>) for the networks of the configured options, and answers
    /// the points within the radius by great-circle distance, nearest first.
    /// </remarks>
    public override async Task<IReadOnlyList<DropOffPoint>> ListDropOffPointsAsync(DropOffPointQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var options = _options.CurrentValue;
        var country = query.Country?.Value ?? options.DefaultServicePointCountry?.ToUpperInvariant()
            ?? throw new ArgumentException("Sendcloud's service point search needs a country: set DropOffPointQuery.Country or SendcloudOptions.DefaultServicePointCountry.", nameof(query));
        if (query.Kind is DropOffKind.Store or DropOffKind.Mailbox)
        {
            return [];
        }

        var services = Capabilities.Services.Where(s => query.ServiceCode is null || s.Code == query.ServiceCode).ToList();
        if (services.Count == 0)
        {
            return [];
        }

        var networks = services.Select(s => s.Network ?? Id).Distinct(StringComparer.Ordinal).ToList();
        var radiusMetres = (int)Math.Ceiling(query.RadiusKm * 1000d);
        var path = string.Create(CultureInfo.InvariantCulture, $"service-points?country={country}&latitude={query.Near.Latitude:0.######}&longitude={query.Near.Longitude:0.######}&radius={radiusMetres}&carrier={Uri.EscapeDataString(string.Join(',', networks))}");
        using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(options.ServicePointsBaseAddress, path));
        var points = await SendAsync(message, SendcloudJsonContext.Default.IReadOnlyListScServicePoint, cancellationToken).ConfigureAwait(false);

        // Distances are recomputed great-circle from the query point, so ordering and the radius hold whatever Sendcloud sends.
        return [.. points
            .Where(p => p is { Latitude: >= -90d and <= 90d, Longitude: >= -180d and <= 180d } && p.IsActive != false && !string.IsNullOrWhiteSpace(p.Carrier))
            .Select(p => ToDropOffPoint(p, query.Near))
            .Where(p => p.DistanceKm <= query.RadiusKm && (query.Kind is null || p.Kind == query.Kind))
            .OrderBy(p => p.DistanceKm).ThenBy(p => p.Id, StringComparer.Ordinal)
            .Take(query.Limit)];
    }

    /// <inheritdoc />
    public override async Task<TrackingResult> TrackAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(trackingNumber);
        using var message = new HttpRequestMessage(HttpMethod.Get, "parcels/tracking/" + Uri.EscapeDataString(trackingNumber));
        var tracking = await SendAsync(message, SendcloudJsonContext.Default.ScTracking, cancellationToken).ConfigureAwait(false);
        var events = (tracking.Events ?? [])
            .OrderBy(e => e.EventAt)
            .Select(e => new TrackingEvent(e.EventAt, SendcloudMapping.Status(e.StatusCode), e.StatusDescription ?? e.StatusCode ?? string.Empty) { CarrierCode = e.StatusCode })
            .ToList();
        return new TrackingResult(trackingNumber, events.Count == 0 ? TrackingStatus.LabelCreated : events[^1].Status, events)
        {
            EstimatedDelivery = tracking.Details?.ExpectedDeliveryDate is { } date ? new DateTimeOffset(date, TimeOnly.MinValue, TimeSpan.Zero) : null,
        };
    }

    /// <inheritdoc />
    /// <remarks>Requests cancellation with <c>PATCH /returns/{id}/cancel</c>; Sendcloud answers 202 and cancels at the carrier.</remarks>
    public override async Task CancelShipmentAsync(ReturnShipment shipment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        if (!long.TryParse(shipment.CarrierShipmentId, NumberStyles.None, CultureInfo.InvariantCulture, out var returnId))
        {
            throw new ArgumentException("A Sendcloud shipment is cancelled by its return id (ReturnShipment.CarrierShipmentId).", nameof(shipment));
        }

        using var message = new HttpRequestMessage(HttpMethod.Patch, string.Create(CultureInfo.InvariantCulture, $"returns/{returnId}/cancel"));

        // Asking twice to cancel the same return cancels it once.
        message.WithRetries(true);
        using var response = await SendCoreAsync(message, cancellationToken).ConfigureAwait(false);
        LogCancelled(_logger);
    }

    private async Task<ScCreatedReturn> AnnounceAsync(ShipmentRequest request, string shippingOptionCode, string deliveryOption, CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue;
        var customs = SendcloudParcelItems.CrossesCustomsBorder(request.From, request.To);
        var parcelItems = SendcloudParcelItems.From(request.Items, customs);
        var from = ToWire(request.From) with { Email = request.CustomerEmail, PhoneNumber = request.CustomerPhone };
        var body = new ScCreateReturnRequest(
            from,
            ToWire(request.To),
            new ScShipWith("shipping_option_code", shippingOptionCode) { Contract = options.ContractId },
            new ScWeight(request.Parcel.Weight.Kilograms, "kg"),
            deliveryOption,
            request.RmaNumber)
        {
            Dimensions = request.Parcel.Dimensions is { } d ? new ScDimensions(d.LengthCm, d.WidthCm, d.HeightCm, "cm") : null,
            OrderNumber = request.OrderNumbers.Count > 0 ? request.OrderNumbers[0] : null,
            SendTrackingEmails = options.SendTrackingEmails,
            BrandId = options.BrandId,
            ParcelItems = parcelItems,

            // A return has no invoice of its own; the customs documents refer to the order it came from.
            CustomsInvoiceNr = customs ? (request.OrderNumbers.Count > 0 ? request.OrderNumbers[0] : request.RmaNumber) : null,
        };
        using var message = new HttpRequestMessage(HttpMethod.Post, "returns/announce-synchronously")
        {
            Content = JsonContent.Create(body, SendcloudJsonContext.Default.ScCreateReturnRequest),
        };

        // Sendcloud documents no idempotency key: a repeated announcement would be a second return, so the pipeline
        // must never repeat this request, whatever happened to the first attempt.
        message.WithRetries(false);
        try
        {
            return await SendAsync(message, SendcloudJsonContext.Default.ScCreatedReturn, cancellationToken).ConfigureAwait(false);
        }
        catch (CarrierException exception) when (MayHaveAnnounced(exception))
        {
            throw new ShipmentOutcomeUnknownException(Id, $"Carrier '{Id}' may have announced the return, but the announcement ended without a definite answer, and Sendcloud offers no look-up by reference. Look for the RMA number (external reference) in the Sendcloud panel before creating the label again; an announcement with the same RMA number is refused (external_reference_exists) if the first one was created.", exception)
            {
                StatusCode = exception.StatusCode,
                CarrierErrorCode = "outcome_unknown",
            };
        }
    }

    // A refusal (4xx, 429), "unavailable" (503), an open circuit or a connection never made cannot have announced
    // anything; a timeout, a connection lost after sending, a 500/502/504 or an unreadable answer to a success may have.
    private static bool MayHaveAnnounced(CarrierException exception) => exception switch
    {
        { StatusCode: int status } => status >= 500 && status != (int)HttpStatusCode.ServiceUnavailable,
        { InnerException: BrokenCircuitException } => false,
        { InnerException: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError } } => false,
        _ => true,
    };

    private async Task<ScReturn> GetReturnAsync(long returnId, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"returns/{returnId}"));
        var announced = await SendAsync(message, SendcloudJsonContext.Default.ScReturn, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrWhiteSpace(announced.TrackingNumber))
        {
            return announced;
        }

        // No tracking number: the carrier refused the announcement (errors), or it is still under way.
        if (announced.Errors is { Count: > 0 } errors)
        {
            var info = SendcloudErrors.FromError(errors[0]);
            var carrierFailed = errors[0].Status is >= 500;
            throw carrierFailed
                ? new CarrierUnavailableException(Id, $"Carrier '{Id}' could not announce the return at the carrier (error code '{info.Code}').") { CarrierErrorCode = info.Code }
                : new CarrierException(Id, $"Carrier '{Id}' announced no label: the carrier refused the return (error code '{info.Code}').", isTransient: false) { CarrierErrorCode = info.Code };
        }

        throw new CarrierUnavailableException(Id, $"Carrier '{Id}' has not announced the return at the carrier yet; retry with the same idempotency key.");
    }

    private async Task<LabelDocument> DownloadLabelAsync(long parcelId, LabelDocumentFormat format, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"parcels/{parcelId}/documents/label"));
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(format switch
        {
            LabelDocumentFormat.Zpl => "application/zpl",
            LabelDocumentFormat.Png => "image/png",
            _ => "application/pdf",
        }));
        using var response = await SendCoreAsync(message, cancellationToken).ConfigureAwait(false);
        byte[] bytes;
        try
        {
            bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (CarrierHttpErrors.TryMap(Id, exception, cancellationToken, out var mapped))
        {
            throw mapped;
        }

        // A label the carrier produces natively as ZPL stays ZPL whatever was asked for, so the answer decides the format.
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var actual = mediaType switch
        {
            "application/pdf" => LabelDocumentFormat.Pdf,
            "application/zpl" or "application/x-zpl" => LabelDocumentFormat.Zpl,
            "image/png" => LabelDocumentFormat.Png,
            _ => Sniff(bytes),
        };
        return actual switch
        {
            LabelDocumentFormat.Pdf => new LabelDocument(LabelDocumentFormat.Pdf, "application/pdf", bytes),
            LabelDocumentFormat.Zpl => new LabelDocument(LabelDocumentFormat.Zpl, "application/zpl", bytes),
            LabelDocumentFormat.Png => new LabelDocument(LabelDocumentFormat.Png, "image/png", bytes),
            _ => throw new CarrierException(Id, $"Carrier '{Id}' sent a label document of an unknown type.", isTransient: false),
        };
    }

    private static LabelDocumentFormat? Sniff(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith("%PDF-"u8) ? LabelDocumentFormat.Pdf
        : bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) ? LabelDocumentFormat.Png
        : bytes.IndexOf("^XA"u8) >= 0 ? LabelDocumentFormat.Zpl
        : null;

    private static DropOffPoint ToDropOffPoint(ScServicePoint point, GeoPoint near)
    {
        var location = new GeoPoint(point.Latitude!.Value, point.Longitude!.Value);
        var carrier = point.Carrier!.ToLowerInvariant();
        Address? address = null;
        if (CountryCode.TryParse(point.Country, out var country) && point.PostalCode is { Length: <= 16 } postcode)
        {
            var street = string.Join(' ', new[] { point.Street, point.HouseNumber }.Where(s => !string.IsNullOrWhiteSpace(s)));
            address = new Address(country, postcode) { Name = point.Name, Line1 = NullIfEmpty(street), City = point.City };
        }

        return new DropOffPoint(point.Id.ToString(CultureInfo.InvariantCulture), point.Name ?? carrier, SendcloudMapping.Kind(point.GeneralShopType, point.ShopType, point.Name), carrier, location)
        {
            Address = address,
            OpeningHours = SendcloudMapping.OpeningHours(point.FormattedOpeningTimes),
            DistanceKm = near.DistanceKmTo(location),
        };
    }

    private static ScAddress ToWire(Address address) => new()
    {
        Name = address.Name,
        AddressLine1 = address.Line1,
        AddressLine2 = NullIfEmpty(address.Line2),
        PostalCode = address.Postcode,
        City = address.City,
        CountryCode = address.Country.Value,
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private async Task<T> SendAsync<T>(HttpRequestMessage message, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await SendCoreAsync(message, cancellationToken).ConfigureAwait(false);
        try
        {
            return await response.Content.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false)
                ?? throw new CarrierException(Id, $"Carrier '{Id}' answered {(int)response.StatusCode} with an empty body.", isTransient: false);
        }
        catch (Exception exception) when (CarrierHttpErrors.TryMap(Id, exception, cancellationToken, out var mapped))
        {
            throw mapped;
        }
    }

    // Sends with HTTP Basic authentication and turns every failure into a typed CarrierException.
    private async Task<HttpResponseMessage> SendCoreAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue;
        message.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(options.PublicKey + ":" + options.SecretKey)));
        HttpResponseMessage response;
        try
        {
            response = await _httpClientFactory.CreateCarrierClient(Id).SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (CarrierHttpErrors.TryMap(Id, exception, cancellationToken, out var mapped))
        {
            LogCallFailed(_logger, message.Method.Method, mapped.GetType().Name, null);
            throw mapped;
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var error = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
            var exception = CarrierHttpErrors.FromResponse(Id, response, error, _timeProvider);
            LogCallFailed(_logger, message.Method.Method, exception.GetType().Name, (int)response.StatusCode);
            throw exception;
        }
    }

    private static async Task<CarrierErrorInfo?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadFromJsonAsync(SendcloudJsonContext.Default.ScErrorBody, cancellationToken).ConfigureAwait(false);
            return SendcloudErrors.ToInfo(body);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or HttpRequestException or InvalidOperationException)
        {
            return null; // Not Sendcloud's error shape (a proxy's HTML page, an empty body): the status alone decides.
        }
    }

    private sealed record Declaration(SendcloudOptions Source, CarrierCapabilities Capabilities);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "Sendcloud quoted {Count} rate(s)")]
    private static partial void LogQuoted(ILogger logger, int count);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Sendcloud announced a return with shipping option {ShippingOptionCode} for {DeliveryOption}")]
    private static partial void LogAnnounced(ILogger logger, string shippingOptionCode, string deliveryOption);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Information, Message = "Sendcloud accepted a return cancellation request")]
    private static partial void LogCancelled(ILogger logger);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning, Message = "Sendcloud {Method} call failed with status {StatusCode}: {Failure}")]
    private static partial void LogCallFailed(ILogger logger, string method, string failure, int? statusCode);
}
