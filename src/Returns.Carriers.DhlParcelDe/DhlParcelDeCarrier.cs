using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Returns.Carriers.DhlParcelDe.Internal;
using Returns.Carriers.Http;
using Returns.Carriers.TableRate;
using Returns.Sdk;
using Returns.Sdk.Carriers;

namespace Returns.Carriers.DhlParcelDe;

/// <summary>
/// DHL Parcel Germany returns (DHL Retoure Online / International): creates return labels through the Parcel DE
/// Returns API (PDF label, printerless QR label), lists parcel shops, Packstations and post offices through the
/// Location Finder - Unified API, and tracks through the Shipment Tracking - Unified API. DHL has no rates API for
/// returns, so quotes come from the rate card in <see cref="DhlParcelDeOptions"/>; the adapter does not declare
/// <see cref="CarrierFeatures.LiveRates"/>.
/// </summary>
/// <remarks>
/// The returns API documents no idempotency key and no look-up by reference, so the create call is sent at most once
/// (never retried by the pipeline) and the adapter remembers per process what became of each idempotency key: the same
/// key answers the same shipment, and a key whose create ended without a definite answer is never sent again.
/// </remarks>
public sealed partial class DhlParcelDeCarrier : CarrierAdapter
{
    /// <summary>The carrier id, also the name of its HTTP client options and the rate card's carrier column.</summary>
    public const string Id = "dhl-parcel-de";

    /// <summary>The return service (DHL Retoure), also the rate card's service column.</summary>
    public const string ReturnServiceCode = "retoure";

    private const string OrdersPath = "parcel/de/shipping/returns/v1/orders";
    private const string FindByGeoPath = "location-finder/v1/find-by-geo";
    private const string TrackingPath = "track/shipments";
    private const int MaxLocations = 50;
    private const double MaxRadiusKm = 25d;
    private const int MaxReference = 50;
    private const int MaxName = 50;
    private const int MaxCity = 40;
    private const int MaxPhone = 20;

    private static readonly ParcelLimits Limits = new() { MaxWeight = Weight.FromKilograms(31.5m), MaxLengthCm = 120m };

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptionsMonitor<DhlParcelDeOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<DhlParcelDeCarrier> _logger;
    private readonly CreateLedger _ledger;
    private volatile RatingEngine? _engine;

    /// <summary>Creates the adapter; register it with <c>AddDhlParcelDe</c> rather than by hand.</summary>
    /// <param name="httpClientFactory">Gives the named client <c>Returns.Carriers.dhl-parcel-de</c>.</param>
    /// <param name="options">Credentials, receiver ids, rate card; validated.</param>
    /// <param name="timeProvider">The clock for <c>Retry-After</c> dates and for how long created shipments are remembered.</param>
    /// <param name="logger">Where calls are logged, without personal data, tracking numbers or credentials.</param>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public DhlParcelDeCarrier(IHttpClientFactory httpClientFactory, IOptionsMonitor<DhlParcelDeOptions> options, TimeProvider timeProvider, ILogger<DhlParcelDeCarrier> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _httpClientFactory = httpClientFactory;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _ledger = new CreateLedger(timeProvider);

        // Served: every configured sender country. Returns from Switzerland, Norway and the UK are declared to customs
        // from ShipmentRequest.Items (see CreateShipmentAsync).
        var served = ReceiverCountries(options.CurrentValue).Keys.ToList();
        Capabilities = new CarrierCapabilities(
            [
                new CarrierService(ReturnServiceCode, "DHL Retoure", [ReturnMethod.PostOffice, ReturnMethod.PickupPoint, ReturnMethod.ParcelLocker], LabelModes.Printed | LabelModes.PrinterlessQr)
                {
                    Limits = Limits,
                    Area = ServiceArea.OfCountries(served),
                    LabelFormats = [LabelDocumentFormat.Pdf],
                },
            ],
            CarrierFeatures.DropOffPoints | CarrierFeatures.Tracking);
    }

    /// <inheritdoc />
    public override string CarrierId => Id;

    /// <inheritdoc />
    public override CarrierCapabilities Capabilities { get; }

    /// <inheritdoc />
    /// <remarks>Prices come from the rate card, locally and at once; nothing is sent to DHL.</remarks>
    public override Task<IReadOnlyList<RateQuote>> QuoteAsync(RateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<IReadOnlyList<RateQuote>>(cancellationToken);
        }

        var service = Capabilities.Services[0];
        if ((request.ServiceCode is { } code && code != service.Code) || !service.Area.Covers(request.From) || !service.Limits.Fits(request.Parcel, out _))
        {
            return Task.FromResult<IReadOnlyList<RateQuote>>([]);
        }

        var rate = Engine().Rate(Id, ReturnServiceCode, new RateQuery(request.From.Country, request.To.Country, request.Parcel.Weight, request.Parcel.Dimensions));
        if (!rate.IsRated)
        {
            return Task.FromResult<IReadOnlyList<RateQuote>>([]);
        }

        IReadOnlyList<RateQuote> quotes = [.. rate.Methods
            .Where(m => service.ReturnMethods.Contains(m) && (request.ReturnMethod is null || request.ReturnMethod == m))
            .Select(m => new RateQuote(Id, service.Code, m, rate.Price!.Value)
            {
                BillableWeight = rate.BillableWeight,
                TransitDays = rate.TransitDays,
                LabelModes = service.LabelModes,
            })];
        return Task.FromResult(quotes);
    }

    /// <inheritdoc />
    /// <remarks>
    /// <see cref="LabelModes.Printed"/> asks for <c>SHIPMENT_LABEL</c> (a PDF <see cref="ReturnShipment.Label"/>),
    /// <see cref="LabelModes.PrinterlessQr"/> for <c>QR_LABEL</c> (the QR code as a PNG <see cref="ReturnShipment.QrImage"/>,
    /// no label), both together for <c>BOTH</c> (the PDF label and the PNG QR code). DHL does not say what the QR code
    /// encodes, so <see cref="ReturnShipment.QrPayload"/> stays empty. A return from Switzerland, Norway or the United
    /// Kingdom is declared to customs (<c>customsDetails</c>) from <see cref="ShipmentRequest.Items"/>.
    /// The create is sent at most once per idempotency key; see the class remarks.
    /// </remarks>
    /// <exception cref="InvalidAddressException">The customer's address lacks or overflows a field DHL requires.</exception>
    /// <exception cref="ParcelOutsideLimitsException">The parcel is heavier than 31.5 kg or longer than 120 cm.</exception>
    /// <exception cref="ShipmentOutcomeUnknownException">
    /// This create, or an earlier one with the same key, ended without a definite answer (<c>outcome_unknown</c>): DHL
    /// may have created a label, so the adapter does not create another for the key.
    /// </exception>
    /// <exception cref="CarrierException">
    /// A return from outside the EU lacks customs item data (<c>customs_items_required</c>; the message names the field,
    /// e.g. <c>Items[0].Weight</c>) or has item data DHL cannot declare (<c>customs_item_invalid</c>), the sender's
    /// country has no receiver id (<c>receiver_not_configured</c>), or the same key is being created right now
    /// (<c>create_in_progress</c>, transient).
    /// </exception>
    public override async Task<ReturnShipment> CreateShipmentAsync(ShipmentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.IdempotencyKey, nameof(request));
        cancellationToken.ThrowIfCancellationRequested();
        if (request.ServiceCode != ReturnServiceCode)
        {
            throw new CarrierException(Id, $"DHL Parcel DE has no service '{request.ServiceCode}'; it offers '{ReturnServiceCode}'.", isTransient: false) { CarrierErrorCode = "unknown_service" };
        }

        var options = _options.CurrentValue;
        var labelType = LabelTypeOf(request.LabelMode);
        var order = BuildOrder(request, options);

        switch (_ledger.TryClaim(request.IdempotencyKey, out var remembered))
        {
            case CreateLedger.State.Created:
                LogAnsweredFromLedger(_logger);
                return remembered!;
            case CreateLedger.State.InFlight:
                throw new CarrierException(Id, "A DHL Parcel DE create with the same idempotency key is still running; ask again when it has finished.", isTransient: true) { CarrierErrorCode = "create_in_progress" };
            case CreateLedger.State.InDoubt:
                throw OutcomeUnknown(null);
        }

        var settled = false;
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, OrdersPath + "?labelType=" + labelType)
            {
                Content = JsonContent.Create(order, DhlJsonContext.Default.DhlReturnOrder),
            };

            // DHL documents no idempotency key for this POST: it must reach DHL at most once.
            message.WithRetries(false);
            AddReturnsCredentials(message, options);
            HttpResponseMessage response;
            try
            {
                response = await _httpClientFactory.CreateCarrierClient(Id).SendAsync(message, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (CarrierHttpErrors.TryMap(Id, exception, cancellationToken, out var mapped))
            {
                LogCallFailed(_logger, "create", mapped.GetType().Name);
                if (NeverReachedDhl(exception))
                {
                    _ledger.Release(request.IdempotencyKey);
                    settled = true;
                    throw mapped;
                }

                throw OutcomeUnknown(mapped);
            }

            using (response)
            {
                if (!response.IsSuccessStatusCode)
                {
                    var error = CarrierHttpErrors.FromResponse(Id, response, await DhlErrors.ReadAsync(response, cancellationToken).ConfigureAwait(false), _timeProvider);
                    LogCallFailed(_logger, "create", error.GetType().Name);
                    if (!MayHaveCreated(response.StatusCode))
                    {
                        _ledger.Release(request.IdempotencyKey);
                        settled = true;
                        throw error;
                    }

                    throw OutcomeUnknown(error);
                }

                var shipment = await ReadShipmentAsync(response, labelType, cancellationToken).ConfigureAwait(false);
                _ledger.Created(request.IdempotencyKey, shipment);
                settled = true;
                LogShipmentCreated(_logger, labelType);
                return shipment;
            }
        }
        finally
        {
            // Anything that ended the call after the request may have reached DHL, the caller's cancellation included.
            if (!settled)
            {
                _ledger.InDoubt(request.IdempotencyKey);
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Asks the Location Finder for places taking parcel drop-offs (<c>serviceType=parcel:drop-off</c>) within at most
    /// 25 km and 50 results; distances are recomputed great-circle from the query point.
    /// </remarks>
    public override async Task<IReadOnlyList<DropOffPoint>> ListDropOffPointsAsync(DropOffPointQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        if (query.Kind is DropOffKind.Store or DropOffKind.Mailbox || (query.ServiceCode is { } code && code != ReturnServiceCode))
        {
            return [];
        }

        var options = _options.CurrentValue;
        var locationType = query.Kind switch
        {
            DropOffKind.ParcelLocker => "locker",
            DropOffKind.PickupPoint => "servicepoint",
            _ => null, // Post offices are "postoffice" and "postbank" branches: asked for together, filtered below.
        };
        var radiusMetres = (int)Math.Ceiling(Math.Min(query.RadiusKm, MaxRadiusKm) * 1000d);
        var relative = string.Create(CultureInfo.InvariantCulture, $"{FindByGeoPath}?latitude={query.Near.Latitude:0.######}&longitude={query.Near.Longitude:0.######}&radius={radiusMetres}&limit={Math.Min(query.Limit, MaxLocations)}&serviceType=parcel:drop-off")
            + (query.Country is { } country ? "&countryCode=" + country.Value : string.Empty)
            + (locationType is null ? string.Empty : "&locationType=" + locationType);
        using var message = new HttpRequestMessage(HttpMethod.Get, Under(options.LocationFinderBaseAddress, relative));
        message.Headers.Add("DHL-API-Key", options.ApiKey);
        var response = await SendAsync(message, "locations", DhlJsonContext.Default.DhlLocationsResponse, cancellationToken).ConfigureAwait(false);

        return [.. response.Locations
            .Select(l => ToPoint(l, query.Near))
            .OfType<DropOffPoint>()
            .Where(p => p.DistanceKm <= query.RadiusKm && (query.Kind is null || p.Kind == query.Kind))
            .OrderBy(p => p.DistanceKm).ThenBy(p => p.Id, StringComparer.Ordinal)
            .Take(query.Limit)];
    }

    /// <inheritdoc />
    public override async Task<TrackingResult> TrackAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(trackingNumber);
        cancellationToken.ThrowIfCancellationRequested();
        var options = _options.CurrentValue;
        using var message = new HttpRequestMessage(HttpMethod.Get, Under(options.TrackingBaseAddress, TrackingPath + "?trackingNumber=" + Uri.EscapeDataString(trackingNumber)));
        message.Headers.Add("DHL-API-Key", options.ApiKey);
        var response = await SendAsync(message, "tracking", DhlJsonContext.Default.DhlTrackingResponse, cancellationToken).ConfigureAwait(false);
        var shipment = response.Shipments.FirstOrDefault(s => string.Equals(s.Id, trackingNumber, StringComparison.OrdinalIgnoreCase))
            ?? (response.Shipments.Count > 0 ? response.Shipments[0] : null)
            ?? throw new CarrierException(Id, "DHL Parcel DE tracking answered without a shipment.", isTransient: false) { CarrierErrorCode = "no_shipment" };
        return DhlTracking.ToResult(trackingNumber, shipment);
    }

    private TableRateEngine Engine()
    {
        var options = _options.CurrentValue;
        var card = options.RateCard!;
        var zones = options.Zones!;
        if (_engine is not { } cached || !ReferenceEquals(cached.Card, card) || !ReferenceEquals(cached.Zones, zones))
        {
            // Options reload with configuration: the engine follows the rate card and zones they hold now.
            cached = new RatingEngine(card, zones, new TableRateEngine(card, zones));
            _engine = cached;
        }

        return cached.Engine;
    }

    private sealed record RatingEngine(RateCard Card, ZoneMap Zones, TableRateEngine Engine);

    private static Dictionary<CountryCode, string> ReceiverCountries(DhlParcelDeOptions options)
    {
        var receivers = new Dictionary<CountryCode, string>();
        foreach (var (key, receiverId) in options.ReceiverIds)
        {
            if (DhlCountries.TryParseConfigured(key, out var country) && DhlCountries.IsReturnSender(country) && !string.IsNullOrWhiteSpace(receiverId))
            {
                receivers[country] = receiverId.Trim();
            }
        }

        return receivers;
    }

    private static string LabelTypeOf(LabelModes mode) => mode switch
    {
        LabelModes.Printed => "SHIPMENT_LABEL",
        LabelModes.PrinterlessQr => "QR_LABEL",
        LabelModes.Printed | LabelModes.PrinterlessQr => "BOTH",
        _ => throw new CarrierException(Id, $"DHL Parcel DE makes printed and QR labels only, not {mode}.", isTransient: false) { CarrierErrorCode = "label_mode_not_supported" },
    };

    private static DhlReturnOrder BuildOrder(ShipmentRequest request, DhlParcelDeOptions options)
    {
        var from = request.From;
        if (!DhlCountries.IsReturnSender(from.Country))
        {
            throw new InvalidAddressException(Id, "From.Country", "DHL Parcel DE takes returns only from the EU, Norway, Switzerland and the United Kingdom; the sender's country is not one of them.");
        }

        if (!ReceiverCountries(options).TryGetValue(from.Country, out var receiverId))
        {
            throw new CarrierException(Id, "No DHL receiver id is configured for the sender's country; add it to DhlParcelDeOptions.ReceiverIds.", isTransient: false) { CarrierErrorCode = "receiver_not_configured" };
        }

        if (!Limits.Fits(request.Parcel, out var reason))
        {
            throw new ParcelOutsideLimitsException(Id, "DHL Retoure does not take the parcel: it " + reason + ".");
        }

        var name = Required(from.Name, "shipper.name1", MaxName);
        var city = Required(from.City, "shipper.city", MaxCity);
        if (!StreetAndHouse.TrySplit(from.Line1, out var street, out var house))
        {
            throw new InvalidAddressException(Id, string.IsNullOrWhiteSpace(from.Line1) ? "shipper.addressStreet" : "shipper.addressHouse", "DHL Parcel DE needs the street and the house number (at most 10 characters) of the sender.");
        }

        if (street.Length > MaxName)
        {
            throw new InvalidAddressException(Id, "shipper.addressStreet", $"DHL Parcel DE accepts a street of at most {MaxName} characters.");
        }

        if (from.Postcode.Length is < 3 or > 10)
        {
            throw new InvalidAddressException(Id, "shipper.postalCode", "DHL Parcel DE needs a postal code of 3 to 10 characters.");
        }

        var line2 = string.IsNullOrWhiteSpace(from.Line2) ? null : Required(from.Line2, "shipper.name2", MaxName);

        // Outside the EU customs union DHL Retoure International needs the CN23 declaration of the parcel's items.
        var customs = DhlCountries.NeedsCustomsDeclaration(from.Country) ? DhlCustoms.Declare(request.Items) : null;
        var value = request.Parcel.DeclaredValue is { } declared && DhlCustoms.ValueCurrencies.Contains(declared.Currency.Code, StringComparer.Ordinal)
            ? DhlCustoms.Value(declared.Amount, declared.Currency.Code)
            : customs is null ? null : DhlCustoms.TotalValue(request.Items);
        return new DhlReturnOrder(receiverId, new DhlContactAddress(name, street, house, from.Postcode, city)
        {
            Name2 = line2,
            Email = string.IsNullOrWhiteSpace(request.CustomerEmail) ? null : request.CustomerEmail.Trim(),

            // The phone is optional contact data: one DHL cannot take is left out rather than failing the label.
            Phone = request.CustomerPhone?.Trim() is { Length: > 0 and <= MaxPhone } phone ? phone : null,
        })
        {
            // The RMA number is printed on the label (its first 30 characters); the idempotency key shows in the
            // returns overview of the business customer portal, which is where a create in doubt can be looked up.
            CustomerReference = Truncate(request.RmaNumber, MaxReference),
            ShipmentReference = Truncate(request.IdempotencyKey, MaxReference),
            ItemWeight = new DhlWeight("g", decimal.Round(request.Parcel.Weight.Grams, 3, MidpointRounding.AwayFromZero)),
            ItemValue = value,
            CustomsDetails = customs,
        };
    }

    private static string Required(string? value, string field, int maxLength)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new InvalidAddressException(Id, field, $"DHL Parcel DE requires {field} of the sender.");
        }

        return text.Length <= maxLength
            ? text
            : throw new InvalidAddressException(Id, field, $"DHL Parcel DE accepts {field} of at most {maxLength} characters.");
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    private static void AddReturnsCredentials(HttpRequestMessage message, DhlParcelDeOptions options)
    {
        message.Headers.Add("dhl-api-key", options.ApiKey);
        message.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(options.Username + ":" + options.Password)));
    }

    // An open circuit or a connection that was never made cannot have created anything; everything else might have.
    private static bool NeverReachedDhl(Exception exception) => exception switch
    {
        BrokenCircuitException => true,
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError } => true,
        _ => false,
    };

    // A refusal (4xx, 429) or "unavailable" (503) means DHL did not process the order; a 500, 502 or 504 may come after it did.
    private static bool MayHaveCreated(HttpStatusCode status) =>
        (int)status >= 500 && status != HttpStatusCode.ServiceUnavailable;

    private static ShipmentOutcomeUnknownException OutcomeUnknown(CarrierException? cause) =>
        new(Id, "DHL Parcel DE may have created a return label, but the create call ended without a definite answer. The adapter does not send it again for this idempotency key; look for the key as shipment reference in the returns overview of the DHL business customer portal before creating with a new key.", cause)
        {
            StatusCode = cause?.StatusCode,
            CarrierErrorCode = "outcome_unknown",
        };

    private static async Task<ReturnShipment> ReadShipmentAsync(HttpResponseMessage response, string labelType, CancellationToken cancellationToken)
    {
        DhlReturnOrderConfirmation? confirmation;
        try
        {
            confirmation = await response.Content.ReadFromJsonAsync(DhlJsonContext.Default.DhlReturnOrderConfirmation, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (CarrierHttpErrors.TryMap(Id, exception, cancellationToken, out var mapped))
        {
            throw OutcomeUnknown(mapped);
        }

        if (confirmation?.ShipmentNo is not { Length: > 0 } shipmentNo)
        {
            throw OutcomeUnknown(new CarrierException(Id, "DHL Parcel DE confirmed a return order without a shipment number.", isTransient: false));
        }

        // SHIPMENT_LABEL answers the PDF label, QR_LABEL the QR code as a PNG, BOTH the two. The document that was asked
        // for alone must be there; with BOTH the PDF is, and a missing QR code does not throw away a label DHL created.
        var label = labelType == "QR_LABEL" ? null
            : ToDocument(confirmation.Label, LabelDocumentFormat.Pdf) ?? throw OutcomeUnknown(new CarrierException(Id, "DHL Parcel DE confirmed a return order without a readable label.", isTransient: false));
        var qrImage = labelType == "SHIPMENT_LABEL" ? null : ToDocument(confirmation.QrLabel, LabelDocumentFormat.Png);
        if (label is null && qrImage is null)
        {
            throw OutcomeUnknown(new CarrierException(Id, "DHL Parcel DE confirmed a return order without a readable QR code.", isTransient: false));
        }

        // An international return also gets the number of the sender country's post, printed on its label.
        return new ReturnShipment(Id, ReturnServiceCode, shipmentNo)
        {
            Label = label,
            QrImage = qrImage,
            CarrierShipmentId = string.IsNullOrWhiteSpace(confirmation.InternationalShipmentNo) ? null : confirmation.InternationalShipmentNo,
        };
    }

    private static LabelDocument? ToDocument(DhlDocument? document, LabelDocumentFormat expected)
    {
        if (document?.B64 is not { Length: > 0 } b64)
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(b64);
        }
        catch (FormatException)
        {
            return null;
        }

        // Trust the bytes over the request: a PNG is a PNG whatever was asked for.
        var format = bytes.AsSpan().StartsWith("%PDF-"u8) ? LabelDocumentFormat.Pdf
            : bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) ? LabelDocumentFormat.Png
            : expected;
        return new LabelDocument(format, format == LabelDocumentFormat.Png ? "image/png" : "application/pdf", bytes);
    }

    private static DropOffPoint? ToPoint(DhlLocationEntry entry, GeoPoint near)
    {
        var kind = entry.Location?.Type?.Trim().ToLowerInvariant() switch
        {
            "locker" => DropOffKind.ParcelLocker,
            "postoffice" or "postbank" => DropOffKind.PostOffice,
            "servicepoint" => DropOffKind.PickupPoint,
            _ => (DropOffKind?)null, // PO boxes, letter boxes: no parcel drop-off.
        };
        var id = entry.Location?.Ids.Select(i => i.LocationId ?? i.LocatorId).FirstOrDefault(i => !string.IsNullOrWhiteSpace(i));
        if (kind is null || id is null || entry.Place?.Geo is not { } geo || geo.Latitude is < -90 or > 90 || geo.Longitude is < -180 or > 180)
        {
            return null;
        }

        var location = new GeoPoint(geo.Latitude, geo.Longitude);
        var address = entry.Place.Address;
        return new DropOffPoint(id, entry.Name ?? entry.Location?.Keyword ?? id, kind.Value, Id, location)
        {
            Address = address is not null && CountryCode.TryParse(address.CountryCode, out var country)
                ? new Address(country, address.PostalCode is { Length: <= 16 } postcode ? postcode : string.Empty) { City = address.AddressLocality, Line1 = address.StreetAddress }
                : null,
            OpeningHours = DhlOpeningHours.ToOpeningHours(entry.OpeningHours),
            DistanceKm = near.DistanceKmTo(location),
        };
    }

    private static Uri Under(Uri root, string relative) =>
        new(root.AbsoluteUri.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/"), relative);

    private async Task<T> SendAsync<T>(HttpRequestMessage message, string operation, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _httpClientFactory.CreateCarrierClient(Id).SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (CarrierHttpErrors.TryMap(Id, exception, cancellationToken, out var mapped))
        {
            LogCallFailed(_logger, operation, mapped.GetType().Name);
            throw mapped;
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var error = CarrierHttpErrors.FromResponse(Id, response, await DhlErrors.ReadAsync(response, cancellationToken).ConfigureAwait(false), _timeProvider);
                LogCallFailed(_logger, operation, error.GetType().Name);
                throw error;
            }

            try
            {
                return await response.Content.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false)
                    ?? throw new CarrierException(Id, $"DHL Parcel DE answered {operation} with an empty body.", isTransient: false);
            }
            catch (Exception exception) when (CarrierHttpErrors.TryMap(Id, exception, cancellationToken, out var mapped))
            {
                throw mapped;
            }
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "DHL Parcel DE created a return label ({LabelType})")]
    private static partial void LogShipmentCreated(ILogger logger, string labelType);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "DHL Parcel DE answered a repeated create from the ledger; nothing was sent")]
    private static partial void LogAnsweredFromLedger(ILogger logger);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "DHL Parcel DE {Operation} call failed: {Failure}")]
    private static partial void LogCallFailed(ILogger logger, string operation, string failure);
}
