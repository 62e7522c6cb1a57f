using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Returns.Carriers.Http;
using Returns.Carriers.Ups.Internal;
using Returns.Sdk;
using Returns.Sdk.Carriers;

namespace Returns.Carriers.Ups;

/// <summary>
/// The UPS adapter: rates return labels (Rating API), buys them (Shipping API return services Print Return Label and
/// Print and Mail), finds UPS Access Points and drop-off locations (Locator API), tracks (Tracking API) and voids
/// shipments, authenticated with OAuth client credentials, through the resilient named client from Returns.Carriers.Http.
/// </summary>
/// <remarks>
/// UPS has no idempotency key. A label purchase is therefore sent at most once per call (never retried by the HTTP
/// pipeline); the caller's idempotency key travels as the <c>transId</c> header and as a reference number on the
/// shipment, and a repeated purchase with the same key either gets the answer this process already has or, when an
/// earlier attempt ended without an answer, first asks UPS's Label Recovery for the label bought under that reference.
/// </remarks>
public sealed partial class UpsCarrier : CarrierAdapter
{
    /// <summary>The carrier id, also the name of its HTTP client options.</summary>
    public const string Id = "ups";

    // UPS's published package limits: 70 kg, 274 cm longest side, 400 cm length plus girth.
    private static readonly ParcelLimits PackageLimits = new()
    {
        MaxWeight = Weight.FromKilograms(70m),
        MaxLengthCm = 274m,
        MaxLengthPlusGirthCm = 400m,
    };

    private static readonly CarrierCapabilities Declared = new(
        [
            Service("11", "UPS Standard", ServiceArea.Worldwide),
            Service("65", "UPS Saver", ServiceArea.Worldwide),
            Service("03", "UPS Ground", ServiceArea.OfCountries(CountryCode.Parse("US"), CountryCode.Parse("PR"))),
        ],
        CarrierFeatures.LiveRates | CarrierFeatures.DropOffPoints | CarrierFeatures.Tracking | CarrierFeatures.Cancellation);

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptionsMonitor<UpsOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<UpsCarrier> _logger;
    private readonly UpsTokenProvider _tokens;
    private readonly UpsShipmentLedger _ledger;

    /// <summary>Creates the adapter; register it with <c>AddUps</c> rather than by hand.</summary>
    /// <param name="httpClientFactory">Gives the named client <c>Returns.Carriers.ups</c>.</param>
    /// <param name="options">Credentials, account and API versions.</param>
    /// <param name="timeProvider">The clock for token expiry and <c>Retry-After</c> dates.</param>
    /// <param name="logger">Where calls are logged, without personal data, tracking numbers or credentials.</param>
    public UpsCarrier(IHttpClientFactory httpClientFactory, IOptionsMonitor<UpsOptions> options, TimeProvider timeProvider, ILogger<UpsCarrier> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _httpClientFactory = httpClientFactory;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _tokens = new UpsTokenProvider(options, timeProvider, SendAsync);
        _ledger = new UpsShipmentLedger(timeProvider);
    }

    /// <inheritdoc />
    public override string CarrierId => Id;

    /// <inheritdoc />
    public override CarrierCapabilities Capabilities => Declared;

    /// <inheritdoc />
    public override async Task<IReadOnlyList<RateQuote>> QuoteAsync(RateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ReturnMethod is { } method && method != ReturnMethod.PickupPoint)
        {
            return [];
        }

        if (request.ServiceCode is { } code && Declared.FindService(code) is null)
        {
            return [];
        }

        var settings = _options.CurrentValue;
        var imperial = UsesImperialUnits(request.To);
        var body = new UpsRateRequestBody(new UpsRateRequest(
            new UpsRequestInfo { TransactionReference = new UpsTransactionReference("Returns.Sdk rate") },
            new UpsRateShipment(Shipper(request.To, settings), Party(request.To), Party(request.From), Package(request.Parcel, imperial, "PackagingType"))
            {
                PaymentDetails = new UpsPaymentDetails([new UpsShipmentCharge("01", new UpsBillShipper(settings.AccountNumber!))]),
                Service = request.ServiceCode is { } only ? new UpsCode(only) : null,
                ShipmentServiceOptions = new UpsRateServiceOptions(new UpsCode(ReturnServices.PrintReturnLabel)),
                ShipmentRatingOptions = new UpsRatingOptions { NegotiatedRatesIndicator = string.Empty },
            }));
        var option = request.ServiceCode is null ? "Shop" : "Rate";
        var response = await SendJsonAsync(
            () =>
            {
                var message = new HttpRequestMessage(HttpMethod.Post, $"api/rating/{settings.RatingVersion}/{option}")
                {
                    Content = JsonContent.Create(body, UpsJsonContext.Default.UpsRateRequestBody),
                };

                // Rating has no side effect, so this POST is safe to retry.
                return message.WithRetries(true);
            },
            Guid.NewGuid().ToString("N"),
            UpsJsonContext.Default.UpsRateResponseBody,
            cancellationToken).ConfigureAwait(false);

        var quotes = new List<RateQuote>();
        foreach (var rated in response.RateResponse?.RatedShipment ?? [])
        {
            if (rated.Service?.Code is not { } serviceCode || Declared.FindService(serviceCode) is not { } service || !service.Area.Covers(request.From)
                || ToMoney(rated.NegotiatedRateCharges?.TotalCharge ?? rated.TotalCharges) is not { } price || price.Amount <= 0m)
            {
                continue; // A service this adapter does not declare, or a rate without a usable price.
            }

            quotes.Add(new RateQuote(Id, service.Code, ReturnMethod.PickupPoint, price)
            {
                TransitDays = int.TryParse(rated.GuaranteedDelivery?.BusinessDaysInTransit, NumberStyles.None, CultureInfo.InvariantCulture, out var days) ? days : null,
                BillableWeight = ToWeight(rated.BillingWeight),
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
        var service = Declared.FindService(request.ServiceCode)
            ?? throw new CarrierOperationNotSupportedException(Id, $"service '{request.ServiceCode}'");
        if (!service.ReturnMethods.Contains(request.ReturnMethod))
        {
            throw new CarrierOperationNotSupportedException(Id, $"return method {request.ReturnMethod}");
        }

        var imageFormat = request.LabelMode switch
        {
            LabelModes.Printed when request.LabelFormat == LabelDocumentFormat.Gif => "GIF",
            LabelModes.Printed when request.LabelFormat == LabelDocumentFormat.Zpl => "ZPL",
            LabelModes.Printed => throw new CarrierOperationNotSupportedException(Id, $"{request.LabelFormat} labels (UPS prints GIF or ZPL)"),
            LabelModes.Mailed => null,
            _ => throw new CarrierOperationNotSupportedException(Id, $"label mode {request.LabelMode}"),
        };

        if (!_ledger.TryBegin(request.IdempotencyKey, out var previous, out var known))
        {
            throw new CarrierUnavailableException(Id, "A UPS label purchase with the same idempotency key is still running; try again when it has finished.");
        }

        if (known is not null)
        {
            return known;
        }

        var token = UpsMapping.RequestToken(request.IdempotencyKey);
        try
        {
            var settings = _options.CurrentValue;
            if (previous == UpsShipmentLedger.State.Uncertain || settings.LookUpBeforeEveryCreate)
            {
                if (await RecoverAsync(request, token, imageFormat, cancellationToken).ConfigureAwait(false) is { } recovered)
                {
                    LogRecovered(_logger, request.ServiceCode);
                    _ledger.Created(request.IdempotencyKey, recovered);
                    return recovered;
                }
            }

            var shipment = await BuyAsync(request, token, imageFormat, settings, cancellationToken).ConfigureAwait(false);
            _ledger.Created(request.IdempotencyKey, shipment);
            LogShipmentCreated(_logger, request.ServiceCode, imageFormat ?? "mailed");
            return shipment;
        }
        catch (CarrierException exception) when (exception is not CarrierUnavailableException && exception.StatusCode is >= 400 and < 500)
        {
            // UPS answered and refused: nothing was bought, the key is free for a corrected request.
            _ledger.NotCreated(request.IdempotencyKey);
            throw;
        }
        catch (Exception)
        {
            // A timeout, a 5xx, a dropped connection, a cancellation or an unreadable answer: UPS may have bought
            // the label, so a repeat with this key looks it up first.
            _ledger.Uncertain(request.IdempotencyKey);
            throw;
        }
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<DropOffPoint>> ListDropOffPointsAsync(DropOffPointQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);

        // Option 64 searches UPS Access Points (staffed shops); option 1 UPS's own drop locations, drop boxes included.
        var requestOption = query.Kind switch
        {
            null or DropOffKind.PickupPoint => "64",
            DropOffKind.Mailbox => "1",
            _ => null,
        };
        if (requestOption is null)
        {
            return [];
        }

        var settings = _options.CurrentValue;
        var body = new UpsLocatorRequestBody(new UpsLocatorRequest(
            new UpsLocatorRequestInfo("Locator"),
            new UpsOriginAddress(new UpsGeocode(UpsMapping.Coordinate(query.Near.Latitude), UpsMapping.Coordinate(query.Near.Longitude)))
            {
                AddressKeyFormat = query.Country is { } country ? new UpsOriginKeyFormat(country.Value) : null,
            },
            new UpsTranslate(settings.Locale))
        {
            UnitOfMeasurement = new UpsCode("KM"),
            LocationSearchCriteria = new UpsLocationSearchCriteria(
                Math.Clamp(query.Limit, 1, 50).ToString(CultureInfo.InvariantCulture),
                Math.Clamp((int)Math.Ceiling(query.RadiusKm), 5, 150).ToString(CultureInfo.InvariantCulture))
            {
                AccessPointSearch = requestOption == "64" ? new UpsAccessPointSearch("01") : null,
            },
        });
        var response = await SendJsonAsync(
            () =>
            {
                var message = new HttpRequestMessage(HttpMethod.Post, $"api/locations/{settings.LocatorVersion}/search/availabilities/{requestOption}?Locale={Uri.EscapeDataString(settings.Locale)}")
                {
                    Content = JsonContent.Create(body, UpsJsonContext.Default.UpsLocatorRequestBody),
                };

                // A search has no side effect.
                return message.WithRetries(true);
            },
            Guid.NewGuid().ToString("N"),
            UpsJsonContext.Default.UpsLocatorResponseBody,
            cancellationToken).ConfigureAwait(false);

        // UPS reports distance in its own units and order; distances are recomputed great-circle from the query
        // centre, so the radius, the order and the limit hold whatever UPS sends.
        var points = new List<DropOffPoint>();
        foreach (var location in response.LocatorResponse?.SearchResults?.DropLocation ?? [])
        {
            if (ToPoint(location, requestOption, query.Near) is { } point && point.DistanceKm <= query.RadiusKm && (query.Kind is null || point.Kind == query.Kind))
            {
                points.Add(point);
            }
        }

        return [.. points.OrderBy(p => p.DistanceKm).ThenBy(p => p.Id, StringComparer.Ordinal).Take(query.Limit)];
    }

    /// <inheritdoc />
    public override async Task<TrackingResult> TrackAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(trackingNumber);
        var settings = _options.CurrentValue;
        var response = await SendJsonAsync(
            () => new HttpRequestMessage(HttpMethod.Get, $"api/track/v1/details/{Uri.EscapeDataString(trackingNumber)}?locale={Uri.EscapeDataString(settings.Locale)}"),
            Guid.NewGuid().ToString("N"),
            UpsJsonContext.Default.UpsTrackResponseBody,
            cancellationToken).ConfigureAwait(false);

        var package = response.TrackResponse?.Shipment?.SelectMany(s => s.Package ?? []).FirstOrDefault()
            ?? throw new CarrierException(Id, "UPS answered the tracking request without a package.", isTransient: false) { StatusCode = 200 };
        var events = (package.Activity ?? [])
            .Select(a => (Activity: a, At: UpsMapping.ToInstant(a)))
            .Where(x => x.At is not null)
            .OrderBy(x => x.At)
            .Select(x => new TrackingEvent(x.At!.Value, UpsMapping.ToStatus(x.Activity.Status?.Type), x.Activity.Status?.Description ?? string.Empty)
            {
                CarrierCode = x.Activity.Status?.Code,
                Location = x.Activity.Location?.Address is { } place ? string.Join(", ", new[] { place.City, place.CountryCode }.Where(p => !string.IsNullOrWhiteSpace(p))) : null,
            })
            .ToList();
        var status = package.CurrentStatus?.Type is { } current ? UpsMapping.ToStatus(current)
            : events.Count > 0 ? events[^1].Status
            : TrackingStatus.LabelCreated;
        var scheduled = package.DeliveryDate?.FirstOrDefault(d => d.Type is "RDD") ?? package.DeliveryDate?.FirstOrDefault(d => d.Type is "SDD");
        return new TrackingResult(trackingNumber, status, events)
        {
            EstimatedDelivery = status == TrackingStatus.Delivered ? null : UpsMapping.ToDate(scheduled?.Date),
        };
    }

    /// <inheritdoc />
    public override async Task CancelShipmentAsync(ReturnShipment shipment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        var settings = _options.CurrentValue;
        var identification = shipment.CarrierShipmentId ?? shipment.TrackingNumber;
        using var response = await SendAuthorizedAsync(
            () => new HttpRequestMessage(HttpMethod.Delete, $"api/shipments/{settings.ShippingVersion}/void/cancel/{Uri.EscapeDataString(identification)}"),
            Guid.NewGuid().ToString("N"),
            cancellationToken).ConfigureAwait(false);
        LogCancelled(_logger);
    }

    private static CarrierService Service(string code, string name, ServiceArea area) =>
        new(code, name, [ReturnMethod.PickupPoint], LabelModes.Printed | LabelModes.Mailed)
        {
            Limits = PackageLimits,
            Area = area,
            LabelFormats = [LabelDocumentFormat.Gif, LabelDocumentFormat.Zpl],
        };

    private async Task<ReturnShipment> BuyAsync(ShipmentRequest request, string token, string? imageFormat, UpsOptions settings, CancellationToken cancellationToken)
    {
        var imperial = UsesImperialUnits(request.To);
        var references = new List<UpsReferenceNumber>
        {
            new(Truncate(request.RmaNumber, 35)) { Code = "RZ" },
            new(token) { Code = "TN" },
        };

        // UPS takes reference numbers on the package within the US and Puerto Rico and on the shipment elsewhere.
        var domesticUs = request.From.Country == request.To.Country && request.From.Country.Value is "US" or "PR";
        var package = Package(request.Parcel, imperial, "Packaging") with
        {
            Description = Truncate("Return " + request.RmaNumber, 35),
            ReferenceNumber = domesticUs ? references : null,
        };
        var shipFrom = Party(request.From) with { Phone = request.CustomerPhone is { Length: > 0 } phone ? new UpsPhone(phone) : null };
        var body = new UpsShipRequestBody(new UpsShipmentRequest(
            new UpsRequestInfo { RequestOption = "nonvalidate", TransactionReference = new UpsTransactionReference(Truncate(request.RmaNumber, 512)) },
            new UpsShipment(Shipper(request.To, settings), Party(request.To), shipFrom, new UpsCode(request.ServiceCode), package)
            {
                Description = "Returned merchandise",
                ReturnService = new UpsCode(imageFormat is null ? ReturnServices.PrintAndMail : ReturnServices.PrintReturnLabel),
                PaymentInformation = new UpsPaymentInformation(new UpsShipmentCharge("01", new UpsBillShipper(settings.AccountNumber!))),
                ReferenceNumber = domesticUs ? null : references,
                ShipmentRatingOptions = new UpsRatingOptions { NegotiatedRatesIndicator = string.Empty },
            })
        {
            LabelSpecification = imageFormat is null ? null : LabelSpecification(imageFormat),
        });

        var created = await SendJsonAsync(
            () =>
            {
                var message = new HttpRequestMessage(HttpMethod.Post, $"api/shipments/{settings.ShippingVersion}/ship")
                {
                    Content = JsonContent.Create(body, UpsJsonContext.Default.UpsShipRequestBody),
                };

                // Buying a label must reach UPS at most once: UPS has no idempotency key, so a pipeline retry could buy two.
                return message.WithRetries(false);
            },
            token,
            UpsJsonContext.Default.UpsShipResponseBody,
            cancellationToken).ConfigureAwait(false);

        var results = created.ShipmentResponse?.ShipmentResults;
        var first = results?.PackageResults?.FirstOrDefault(p => !string.IsNullOrWhiteSpace(p.TrackingNumber))
            ?? throw new CarrierException(Id, "UPS answered the shipment request without a tracking number.", isTransient: false) { StatusCode = 200 };
        return new ReturnShipment(Id, request.ServiceCode, first.TrackingNumber!)
        {
            CarrierShipmentId = results!.ShipmentIdentificationNumber ?? first.TrackingNumber,
            Label = imageFormat is null ? null : ToLabel(first.ShippingLabel?.ImageFormat?.Code ?? imageFormat, first.ShippingLabel?.GraphicImage),
            LabelMailed = imageFormat is null,
            Price = ToMoney(results.NegotiatedRateCharges?.TotalCharge ?? results.ShipmentCharges?.TotalCharges),
        };
    }

    // Asks Label Recovery for a label bought under this request's reference. Null when UPS knows none (400/404);
    // any other failure propagates, because buying without knowing could buy a second label.
    private async Task<ReturnShipment?> RecoverAsync(ShipmentRequest request, string token, string? imageFormat, CancellationToken cancellationToken)
    {
        var settings = _options.CurrentValue;
        var body = new UpsLabelRecoveryRequestBody(new UpsLabelRecoveryRequest(
            new UpsRequestInfo { SubVersion = "1903", TransactionReference = new UpsTransactionReference(Truncate(request.RmaNumber, 512)) },
            LabelSpecification(imageFormat ?? "GIF"),
            new UpsReferenceValues(new UpsReferenceValue(token), settings.AccountNumber!)));
        UpsLabelRecoveryResponseBody recovered;
        try
        {
            recovered = await SendJsonAsync(
                () =>
                {
                    var message = new HttpRequestMessage(HttpMethod.Post, $"api/labels/{settings.LabelRecoveryVersion}/recovery")
                    {
                        Content = JsonContent.Create(body, UpsJsonContext.Default.UpsLabelRecoveryRequestBody),
                    };

                    // Recovering a label buys nothing.
                    return message.WithRetries(true);
                },
                Guid.NewGuid().ToString("N"),
                UpsJsonContext.Default.UpsLabelRecoveryResponseBody,
                cancellationToken).ConfigureAwait(false);
        }
        catch (CarrierException exception) when (exception.StatusCode is 400 or 404 && exception is not CarrierUnauthorizedException)
        {
            return null;
        }

        var result = recovered.LabelRecoveryResponse;
        if (result?.LabelResults?.FirstOrDefault(r => !string.IsNullOrWhiteSpace(r.TrackingNumber)) is not { } label)
        {
            return null;
        }

        return new ReturnShipment(Id, request.ServiceCode, label.TrackingNumber!)
        {
            CarrierShipmentId = result.ShipmentIdentificationNumber ?? label.TrackingNumber,
            Label = imageFormat is null ? null : ToLabel(label.LabelImage?.LabelImageFormat?.Code ?? imageFormat, label.LabelImage?.GraphicImage),
            LabelMailed = imageFormat is null,
        };
    }

    private static UpsLabelSpecification LabelSpecification(string imageFormat) =>
        new(new UpsCode(imageFormat)) { LabelStockSize = new UpsLabelStockSize("6", "4") };

    private static LabelDocument ToLabel(string format, string? base64)
    {
        var (documentFormat, mediaType) = format.Trim().ToUpperInvariant() switch
        {
            "GIF" => (LabelDocumentFormat.Gif, "image/gif"),
            "ZPL" => (LabelDocumentFormat.Zpl, "application/x-zpl"),
            "PNG" => (LabelDocumentFormat.Png, "image/png"),
            "PDF" => (LabelDocumentFormat.Pdf, "application/pdf"),
            _ => throw new CarrierException(Id, "UPS sent a label in a format this adapter does not handle.", isTransient: false),
        };
        if (string.IsNullOrEmpty(base64))
        {
            throw new CarrierException(Id, "UPS sent no label image.", isTransient: false);
        }

        try
        {
            return new LabelDocument(documentFormat, mediaType, Convert.FromBase64String(base64));
        }
        catch (FormatException exception)
        {
            throw new CarrierException(Id, "UPS sent a label that is not base64.", isTransient: false, exception);
        }
    }

    private static DropOffPoint? ToPoint(UpsDropLocation location, string requestOption, GeoPoint near)
    {
        if (UpsMapping.ParseDouble(location.Geocode?.Latitude) is not { } latitude || UpsMapping.ParseDouble(location.Geocode?.Longitude) is not { } longitude
            || latitude is < -90 or > 90 || longitude is < -180 or > 180)
        {
            return null;
        }

        var id = location.AccessPointInformation?.PublicAccessPointID ?? location.LocationID;
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var at = new GeoPoint(latitude, longitude);
        var isDropBox = requestOption == "1" && (location.LocationAttribute ?? [])
            .Where(a => a.OptionType?.Code == "01")
            .SelectMany(a => a.OptionCode ?? [])
            .Any(c => c.Description?.Contains("drop box", StringComparison.OrdinalIgnoreCase) == true);
        var kind = isDropBox ? DropOffKind.Mailbox : DropOffKind.PickupPoint;
        var place = location.AddressKeyFormat;
        return new DropOffPoint(id, place?.ConsigneeName ?? (kind == DropOffKind.Mailbox ? "UPS Drop Box" : "UPS Access Point"), kind, Id, at)
        {
            Address = place is { PostcodePrimaryLow: { Length: > 0 } postcode } && CountryCode.TryParse(place.CountryCode, out var country)
                ? new Address(country, postcode) { Name = place.ConsigneeName, Line1 = place.AddressLine is { Count: > 0 } lines ? lines[0] : null, City = place.PoliticalDivision2 }
                : null,
            OpeningHours = UpsMapping.ToOpeningHours(location.OperatingHours),
            DistanceKm = near.DistanceKmTo(at),
        };
    }

    // The units must be valid for the shipper's country: pounds and inches in the US and Puerto Rico.
    private static bool UsesImperialUnits(Address shipper) => shipper.Country.Value is "US" or "PR";

    private static UpsPackage Package(Parcel parcel, bool imperial, string packagingField)
    {
        const decimal PoundsPerKilogram = 2.20462262m;
        const decimal CentimetresPerInch = 2.54m;
        var weight = imperial ? parcel.Weight.Kilograms * PoundsPerKilogram : parcel.Weight.Kilograms;
        var packaging = new UpsCode("02") { Description = "Customer Supplied Package" };
        return new UpsPackage(new UpsWeight(new UpsCode(imperial ? "LBS" : "KGS"), UpsMapping.Number(RoundUp(weight))))
        {
            Packaging = packagingField == "Packaging" ? packaging : null,
            PackagingType = packagingField == "PackagingType" ? packaging : null,
            Dimensions = parcel.Dimensions is { } d
                ? new UpsDimensions(
                    new UpsCode(imperial ? "IN" : "CM"),
                    UpsMapping.Number(RoundUp(imperial ? d.LengthCm / CentimetresPerInch : d.LengthCm)),
                    UpsMapping.Number(RoundUp(imperial ? d.WidthCm / CentimetresPerInch : d.WidthCm)),
                    UpsMapping.Number(RoundUp(imperial ? d.HeightCm / CentimetresPerInch : d.HeightCm)))
                : null,
        };
    }

    // Rounded up to a tenth so a parcel is never declared lighter or smaller than it is.
    private static decimal RoundUp(decimal value) => decimal.Ceiling(value * 10m) / 10m;

    private static UpsParty Shipper(Address warehouse, UpsOptions settings) =>
        Party(warehouse) with { ShipperNumber = settings.AccountNumber, AttentionName = null };

    private static UpsParty Party(Address address)
    {
        var name = Truncate(string.IsNullOrWhiteSpace(address.Name) ? "Returns" : address.Name, 35);
        var lines = new[] { address.Line1, address.Line2 }.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => Truncate(l!, 35)).ToList();
        return new UpsParty(name, new UpsAddress(address.Country.Value)
        {
            AddressLine = lines.Count > 0 ? lines : null,
            City = address.City,
            PostalCode = address.Postcode,
        })
        {
            AttentionName = name,
        };
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    private static Money? ToMoney(UpsMoney? money) =>
        money is not null && UpsMapping.ParseDecimal(money.MonetaryValue) is { } amount && Currency.TryFromCode(money.CurrencyCode, out var currency)
            ? new Money(amount, currency)
            : null;

    private static Weight? ToWeight(UpsWeight? weight)
    {
        if (weight is null || UpsMapping.ParseDecimal(weight.Weight) is not { } value || value <= 0m)
        {
            return null;
        }

        return weight.UnitOfMeasurement.Code.ToUpperInvariant() switch
        {
            "KGS" => Weight.FromKilograms(value),
            "LBS" => Weight.FromKilograms(decimal.Round(value * 0.45359237m, 3)),
            _ => null,
        };
    }

    private async Task<T> SendJsonAsync<T>(Func<HttpRequestMessage> build, string transId, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var response = await SendAuthorizedAsync(build, transId, cancellationToken).ConfigureAwait(false);
        try
        {
            return await response.Content.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false)
                ?? throw new CarrierException(Id, $"UPS answered {(int)response.StatusCode} with an empty body.", isTransient: false) { StatusCode = (int)response.StatusCode };
        }
        catch (Exception exception) when (CarrierHttpErrors.TryMap(Id, exception, cancellationToken, out var mapped))
        {
            throw mapped;
        }
    }

    // Sends with the current access token. A 401 means UPS refused the token without acting on the request, so the
    // token is replaced once and the request repeated once; that repeat cannot buy a second label.
    private async Task<HttpResponseMessage> SendAuthorizedAsync(Func<HttpRequestMessage> build, string transId, CancellationToken cancellationToken)
    {
        var token = await _tokens.GetAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var first = Prepare(build(), token, transId);
            return await SendAsync(first, cancellationToken).ConfigureAwait(false);
        }
        catch (CarrierUnauthorizedException exception) when (exception.StatusCode == (int)HttpStatusCode.Unauthorized)
        {
            _tokens.Invalidate(token);
            LogTokenRefused(_logger);
        }

        var fresh = await _tokens.GetAsync(cancellationToken).ConfigureAwait(false);
        using var second = Prepare(build(), fresh, transId);
        return await SendAsync(second, cancellationToken).ConfigureAwait(false);
    }

    private HttpRequestMessage Prepare(HttpRequestMessage message, string token, string transId)
    {
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        message.Headers.Add("transId", transId);
        message.Headers.Add("transactionSrc", _options.CurrentValue.TransactionSource);
        return message;
    }

    // Sends one request and turns every failure into a typed CarrierException.
    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _httpClientFactory.CreateCarrierClient(Id).SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (CarrierHttpErrors.TryMap(Id, exception, cancellationToken, out var mapped))
        {
            LogCallFailed(_logger, message.Method.Method, mapped.GetType().Name, mapped.StatusCode);
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
            LogCallFailed(_logger, message.Method.Method, exception.GetType().Name, exception.StatusCode);
            throw exception;
        }
    }

    private static async Task<CarrierErrorInfo?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadFromJsonAsync(UpsJsonContext.Default.UpsErrorBody, cancellationToken).ConfigureAwait(false);
            if (body?.Response?.Errors is not { Count: > 0 } errors)
            {
                return null;
            }

            var error = errors[0];
            var (field, isAddress) = response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity
                ? UpsMapping.AddressField(error.Message)
                : (null, false);
            return new CarrierErrorInfo(error.Code, field, isAddress);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or HttpRequestException or InvalidOperationException)
        {
            return null; // Not UPS's error shape (a gateway's HTML page, an empty body): the status alone decides.
        }
    }

    private static class ReturnServices
    {
        public const string PrintAndMail = "2";
        public const string PrintReturnLabel = "9";
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "UPS quoted {Count} rate(s)")]
    private static partial void LogQuoted(ILogger logger, int count);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "UPS created a return shipment for service {ServiceCode} with a {Label} label")]
    private static partial void LogShipmentCreated(ILogger logger, string serviceCode, string label);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "UPS label for service {ServiceCode} recovered after an earlier attempt ended without an answer")]
    private static partial void LogRecovered(ILogger logger, string serviceCode);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "UPS shipment voided")]
    private static partial void LogCancelled(ILogger logger);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "UPS refused the access token; fetching a new one")]
    private static partial void LogTokenRefused(ILogger logger);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "UPS {Method} call failed: {Failure} (status {StatusCode})")]
    private static partial void LogCallFailed(ILogger logger, string method, string failure, int? statusCode);
}
