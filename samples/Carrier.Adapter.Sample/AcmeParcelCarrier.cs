using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Carrier.Adapter.Sample.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Returns.Carriers.Http;
using Returns.Sdk;
using Returns.Sdk.Carriers;
using Returns.Sdk.Locations;

namespace Carrier.Adapter.Sample;

/// <summary>
/// The Acme Parcel adapter: quotes, creates return shipments (idempotently, by <c>Idempotency-Key</c>), lists drop-off
/// locations, tracks and cancels, through the resilient named client from Returns.Carriers.Http.
/// </summary>
public sealed partial class AcmeParcelCarrier : CarrierAdapter
{
    /// <summary>The carrier id, also the name of its HTTP client options.</summary>
    public const string Id = "acme-parcel";

    /// <summary>The one service Acme offers for returns.</summary>
    public const string ReturnServiceCode = "acme-return";

    private static readonly CarrierCapabilities Declared = new(
        [
            new CarrierService(ReturnServiceCode, "Acme Return", [ReturnMethod.PostOffice, ReturnMethod.PickupPoint, ReturnMethod.ParcelLocker], LabelModes.Printed | LabelModes.PrinterlessQr)
            {
                Limits = new ParcelLimits { MaxWeight = Weight.FromKilograms(20m), MaxLengthCm = 100m },
                Area = ServiceArea.OfCountries(CountryCode.Parse("NL"), CountryCode.Parse("BE"), CountryCode.Parse("DE")),
                LabelFormats = [LabelDocumentFormat.Pdf, LabelDocumentFormat.Zpl],
            },
        ],
        CarrierFeatures.LiveRates | CarrierFeatures.DropOffPoints | CarrierFeatures.Tracking | CarrierFeatures.Cancellation);

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptionsMonitor<AcmeParcelOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<AcmeParcelCarrier> _logger;

    /// <summary>Creates the adapter; register it with <c>AddAcmeParcel</c> rather than by hand.</summary>
    /// <param name="httpClientFactory">Gives the named client <c>Returns.Carriers.acme-parcel</c>.</param>
    /// <param name="options">The API key.</param>
    /// <param name="timeProvider">The clock for <c>Retry-After</c> dates.</param>
    /// <param name="logger">Where calls are logged, without personal data or the key.</param>
    public AcmeParcelCarrier(IHttpClientFactory httpClientFactory, IOptionsMonitor<AcmeParcelOptions> options, TimeProvider timeProvider, ILogger<AcmeParcelCarrier> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _httpClientFactory = httpClientFactory;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <inheritdoc />
    public override string CarrierId => Id;

    /// <inheritdoc />
    public override CarrierCapabilities Capabilities => Declared;

    /// <inheritdoc />
    public override async Task<IReadOnlyList<RateQuote>> QuoteAsync(RateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new AcmeRatesRequest(ToWire(request.From), ToWire(request.To), ToWire(request.Parcel))
        {
            Service = request.ServiceCode,
            DropOff = request.ReturnMethod is { } method ? ToDropOff(method) : null,
        };
        using var message = new HttpRequestMessage(HttpMethod.Post, "v1/rates")
        {
            Content = JsonContent.Create(body, AcmeJsonContext.Default.AcmeRatesRequest),
        };

        // Rating has no side effect, so this POST is safe to retry although it carries no idempotency key.
        message.WithRetries(true);
        var response = await SendAsync(message, AcmeJsonContext.Default.AcmeRatesResponse, cancellationToken).ConfigureAwait(false);
        var quotes = new List<RateQuote>();
        foreach (var rate in response.Rates)
        {
            if (Declared.FindService(rate.Service) is not { } service || FromDropOff(rate.DropOff) is not { } returnMethod || !service.ReturnMethods.Contains(returnMethod))
            {
                continue; // A service or drop-off type this adapter does not declare yet.
            }

            quotes.Add(new RateQuote(Id, service.Code, returnMethod, new Money(rate.Price.Amount, Currency.FromCode(rate.Price.Currency)))
            {
                TransitDays = rate.TransitDays,
                LabelModes = service.LabelModes,
            });
        }

        LogQuoted(_logger, quotes.Count);
        return quotes;
    }

    /// <inheritdoc />
    public override async Task<ReturnShipment> CreateShipmentAsync(ShipmentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var label = request.LabelMode switch
        {
            LabelModes.PrinterlessQr => "qr",
            _ when request.LabelFormat == LabelDocumentFormat.Zpl => "zpl",
            _ => "pdf",
        };
        var body = new AcmeCreateReturnRequest(request.RmaNumber, request.ServiceCode, ToDropOff(request.ReturnMethod), label, ToWire(request.From), ToWire(request.To), ToWire(request.Parcel))
        {
            OrderNumbers = request.OrderNumbers,
        };
        using var message = new HttpRequestMessage(HttpMethod.Post, "v1/returns")
        {
            Content = JsonContent.Create(body, AcmeJsonContext.Default.AcmeCreateReturnRequest),
        };

        // Acme de-duplicates by this key, which is what makes retrying this POST safe (see CarrierHttpRequests).
        message.Headers.Add("Idempotency-Key", request.IdempotencyKey);
        var created = await SendAsync(message, AcmeJsonContext.Default.AcmeReturn, cancellationToken).ConfigureAwait(false);
        LogShipmentCreated(_logger, request.ServiceCode, label);
        return new ReturnShipment(Id, request.ServiceCode, created.TrackingNumber)
        {
            CarrierShipmentId = created.Id,
            Label = created.Label is { } document ? ToLabel(document) : null,
            QrPayload = created.QrPayload,
            Price = created.Price is { } price ? new Money(price.Amount, Currency.FromCode(price.Currency)) : null,
        };
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<DropOffPoint>> ListDropOffPointsAsync(DropOffPointQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var uri = string.Create(CultureInfo.InvariantCulture, $"v1/locations?lat={query.Near.Latitude:0.######}&lon={query.Near.Longitude:0.######}&radius_km={query.RadiusKm:0.###}&limit={query.Limit}");
        using var message = new HttpRequestMessage(HttpMethod.Get, uri);
        var response = await SendAsync(message, AcmeJsonContext.Default.AcmeLocationsResponse, cancellationToken).ConfigureAwait(false);

        // Distances are recomputed great-circle from the query point, so ordering and the radius hold whatever Acme sends.
        return [.. response.Locations
            .Select(l => (Location: l, Point: new GeoPoint(l.Lat, l.Lon)))
            .Select(x => new DropOffPoint(x.Location.Id, x.Location.Name, ToKind(x.Location.Type), Id, x.Point)
            {
                OpeningHours = ToOpeningHours(x.Location.OpeningHours),
                DistanceKm = query.Near.DistanceKmTo(x.Point),
            })
            .Where(p => p.DistanceKm <= query.RadiusKm && (query.Kind is null || p.Kind == query.Kind))
            .OrderBy(p => p.DistanceKm).ThenBy(p => p.Id, StringComparer.Ordinal)
            .Take(query.Limit)];
    }

    /// <inheritdoc />
    public override async Task<TrackingResult> TrackAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(trackingNumber);
        using var message = new HttpRequestMessage(HttpMethod.Get, "v1/tracking/" + Uri.EscapeDataString(trackingNumber));
        var tracking = await SendAsync(message, AcmeJsonContext.Default.AcmeTracking, cancellationToken).ConfigureAwait(false);
        var events = tracking.Events
            .OrderBy(e => e.At)
            .Select(e => new TrackingEvent(e.At, ToStatus(e.Status), e.Description) { CarrierCode = e.Status, Location = e.Location })
            .ToList();
        return new TrackingResult(tracking.TrackingNumber, ToStatus(tracking.Status), events) { EstimatedDelivery = tracking.EstimatedDelivery };
    }

    /// <inheritdoc />
    public override async Task CancelShipmentAsync(ReturnShipment shipment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        using var message = new HttpRequestMessage(HttpMethod.Delete, "v1/returns/" + Uri.EscapeDataString(shipment.CarrierShipmentId ?? shipment.TrackingNumber));
        using var response = await SendCoreAsync(message, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage message, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(message, cancellationToken).ConfigureAwait(false);
        try
        {
            return await response.Content.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false)
                ?? throw new CarrierException(Id, $"Acme Parcel answered {(int)response.StatusCode} with an empty body.", isTransient: false);
        }
        catch (Exception exception) when (CarrierHttpErrors.TryMap(Id, exception, cancellationToken, out var mapped))
        {
            throw mapped;
        }
    }

    // Sends with the API key, and turns every failure into a typed CarrierException.
    private async Task<HttpResponseMessage> SendCoreAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        message.Headers.Add("X-Api-Key", _options.CurrentValue.ApiKey);
        HttpResponseMessage response;
        try
        {
            response = await _httpClientFactory.CreateCarrierClient(Id).SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (CarrierHttpErrors.TryMap(Id, exception, cancellationToken, out var mapped))
        {
            LogCallFailed(_logger, message.Method.Method, mapped.GetType().Name);
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
            LogCallFailed(_logger, message.Method.Method, exception.GetType().Name);
            throw exception;
        }
    }

    private static async Task<CarrierErrorInfo?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadFromJsonAsync(AcmeJsonContext.Default.AcmeErrorBody, cancellationToken).ConfigureAwait(false);
            return body?.Error is { } error
                ? new CarrierErrorInfo(error.Code, error.Field, IsAddressField(error.Field))
                : null;
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or HttpRequestException)
        {
            return null; // Not Acme's error shape (a proxy's HTML page, an empty body): the status alone decides.
        }
    }

    // Acme names address fields "from.<part>" or "to.<part>".
    private static bool IsAddressField(string? field) =>
        field is not null && (field.StartsWith("from.", StringComparison.Ordinal) || field.StartsWith("to.", StringComparison.Ordinal));

    private static AcmeAddress ToWire(Address address) =>
        new(address.Country.Value, address.Postcode) { City = address.City, Line1 = address.Line1 };

    private static AcmeParcelDto ToWire(Parcel parcel) =>
        new((int)decimal.Ceiling(parcel.Weight.Grams), parcel.Dimensions?.LengthCm, parcel.Dimensions?.WidthCm, parcel.Dimensions?.HeightCm);

    private static string ToDropOff(ReturnMethod method) => method switch
    {
        ReturnMethod.PostOffice => "post_office",
        ReturnMethod.PickupPoint => "shop",
        ReturnMethod.ParcelLocker => "locker",
        _ => throw new CarrierOperationNotSupportedException(Id, $"return method {method}"),
    };

    private static ReturnMethod? FromDropOff(string dropOff) => dropOff switch
    {
        "post_office" => ReturnMethod.PostOffice,
        "shop" => ReturnMethod.PickupPoint,
        "locker" => ReturnMethod.ParcelLocker,
        _ => null,
    };

    // Hours Acme writes outside the supported opening_hours subset are unknown rather than a failed search.
    private static OpeningHours? ToOpeningHours(string? text) =>
        OpeningHours.TryParse(text, out var hours, out _) ? hours : null;

    private static DropOffKind ToKind(string type) => type switch
    {
        "post_office" => DropOffKind.PostOffice,
        "locker" => DropOffKind.ParcelLocker,
        _ => DropOffKind.PickupPoint,
    };

    private static TrackingStatus ToStatus(string status) => status switch
    {
        "label_created" => TrackingStatus.LabelCreated,
        "dropped_off" => TrackingStatus.HandedOver,
        "in_transit" => TrackingStatus.InTransit,
        "out_for_delivery" => TrackingStatus.OutForDelivery,
        "delivered" => TrackingStatus.Delivered,
        "cancelled" => TrackingStatus.Cancelled,
        "returned" => TrackingStatus.ReturnedToSender,
        _ => TrackingStatus.Exception,
    };

    private static LabelDocument ToLabel(AcmeLabel label)
    {
        var format = label.Format switch
        {
            "zpl" => LabelDocumentFormat.Zpl,
            "png" => LabelDocumentFormat.Png,
            _ => LabelDocumentFormat.Pdf,
        };
        try
        {
            return new LabelDocument(format, label.ContentType, Convert.FromBase64String(label.Data));
        }
        catch (FormatException exception)
        {
            throw new CarrierException(Id, "Acme Parcel sent a label that is not base64.", isTransient: false, exception);
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Acme Parcel quoted {Count} rate(s)")]
    private static partial void LogQuoted(ILogger logger, int count);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Acme Parcel created a return shipment for service {ServiceCode} with a {Label} label")]
    private static partial void LogShipmentCreated(ILogger logger, string serviceCode, string label);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Acme Parcel {Method} call failed: {Failure}")]
    private static partial void LogCallFailed(ILogger logger, string method, string failure);
}
