using System.Text.RegularExpressions;
using Returns.Carriers.TableRate.Carrier.Internal;
using Returns.Labels;
using Returns.Sdk;
using Returns.Sdk.Carriers;
using Returns.Sdk.Locations;

namespace Returns.Carriers.TableRate;

/// <summary>
/// The offline carrier: quotes from a rate card and zone chart, issues its own check-digit tracking numbers and
/// renders its own labels (PDF, ZPL, SVG) or a QR code for printerless drop-off, and lists drop-off points from a
/// location catalog. No network, no key.
/// </summary>
/// <remarks>
/// Each rate-card service travels in the network its <c>carrier</c> column names (e.g. <c>postnl</c>), so its
/// <see cref="CarrierService.Network"/> is that name and the catalog's points of that carrier are its drop-off points.
/// </remarks>
public sealed partial class TableRateCarrier : CarrierAdapter
{
    private readonly TableRateEngine _engine;
    private readonly ReturnLabelRenderer _renderer = new();
    private readonly TableRateCarrierOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<string, RateCardService> _servicesByCode;
    private readonly LocationCatalog _dropOffPoints;
    private readonly (string Network, DropOffKind Kind)[] _pointKinds;

    /// <summary>Creates the carrier.</summary>
    /// <param name="engine">The rate card and zone chart.</param>
    /// <param name="options">Its id, label name and tracking prefix.</param>
    /// <param name="timeProvider">The clock for label dates.</param>
    /// <exception cref="ArgumentException">The options are invalid or the rate card is empty.</exception>
    public TableRateCarrier(TableRateEngine engine, TableRateCarrierOptions options, TimeProvider timeProvider)
        : this(engine, options, timeProvider, LocationCatalog.Empty)
    {
    }

    /// <summary>Creates the carrier with drop-off points.</summary>
    /// <param name="engine">The rate card and zone chart.</param>
    /// <param name="options">Its id, label name and tracking prefix.</param>
    /// <param name="timeProvider">The clock for label dates.</param>
    /// <param name="dropOffPoints">
    /// Where customers hand parcels over: the catalog's points whose carrier is a rate-card carrier and whose kind one of
    /// that carrier's services accepts. With at least one such point the carrier declares <see cref="CarrierFeatures.DropOffPoints"/>.
    /// </param>
    /// <exception cref="ArgumentException">The options are invalid or the rate card is empty.</exception>
    public TableRateCarrier(TableRateEngine engine, TableRateCarrierOptions options, TimeProvider timeProvider, LocationCatalog dropOffPoints)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(dropOffPoints);
        if (!CarrierIdPattern().IsMatch(options.CarrierId ?? string.Empty))
        {
            throw new ArgumentException($"CarrierId '{options.CarrierId}' must be lower-case letters, digits, '-' or '_'.", nameof(options));
        }

        TrackingNumbers.ValidatePrefix(options.TrackingPrefix);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DisplayName, nameof(options));
        if (engine.RateCard.Services.Count == 0)
        {
            throw new ArgumentException("The rate card has no services.", nameof(engine));
        }

        _engine = engine;
        _options = options;
        _timeProvider = timeProvider;
        _servicesByCode = engine.RateCard.Services.ToDictionary(ServiceCode, StringComparer.Ordinal);
        var services = engine.RateCard.Services.Select(Describe).ToList();
        _dropOffPoints = dropOffPoints;
        var inCatalog = dropOffPoints.Locations.Select(p => (p.CarrierId, p.Kind)).ToHashSet();
        _pointKinds = [.. services
            .SelectMany(s => s.ReturnMethods.Select(m => (Network: s.Network!, Kind: m.PlaceKind())))
            .Where(p => p.Kind is not null)
            .Select(p => (p.Network, p.Kind!.Value))
            .Distinct()
            .Where(inCatalog.Contains)];
        Capabilities = new CarrierCapabilities(services, _pointKinds.Length > 0 ? CarrierFeatures.DropOffPoints : CarrierFeatures.None);
    }

    /// <inheritdoc />
    public override string CarrierId => _options.CarrierId;

    /// <inheritdoc />
    public override CarrierCapabilities Capabilities { get; }

    /// <inheritdoc />
    public override Task<IReadOnlyList<RateQuote>> QuoteAsync(RateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<IReadOnlyList<RateQuote>>(cancellationToken);
        }

        var query = new RateQuery(request.From.Country, request.To.Country, request.Parcel.Weight, request.Parcel.Dimensions);
        var quotes = new List<RateQuote>();
        foreach (var rate in _engine.RateAll(query, request.ReturnMethod))
        {
            var code = ServiceCode(rate.Definition!);
            if (!rate.IsRated || (request.ServiceCode is { } wanted && wanted != code))
            {
                continue;
            }

            foreach (var method in rate.Methods.Where(m => request.ReturnMethod is null || request.ReturnMethod == m))
            {
                quotes.Add(new RateQuote(CarrierId, code, method, rate.Price!.Value)
                {
                    BillableWeight = rate.BillableWeight,
                    TransitDays = rate.TransitDays,
                    LabelModes = LabelModes.Printed | LabelModes.PrinterlessQr,
                });
            }
        }

        return Task.FromResult<IReadOnlyList<RateQuote>>(quotes);
    }

    /// <inheritdoc />
    public override Task<IReadOnlyList<DropOffPoint>> ListDropOffPointsAsync(DropOffPointQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<IReadOnlyList<DropOffPoint>>(cancellationToken);
        }

        if (_pointKinds.Length == 0)
        {
            return base.ListDropOffPointsAsync(query, cancellationToken);
        }

        string? network = null;
        if (query.ServiceCode is { } code)
        {
            if (!_servicesByCode.TryGetValue(code, out var service))
            {
                return Task.FromException<IReadOnlyList<DropOffPoint>>(new CarrierException(CarrierId, $"No service '{code}'; the rate card offers {string.Join(", ", _servicesByCode.Keys)}.", isTransient: false));
            }

            network = service.Carrier;
        }

        // Each (network, kind) is its own exact nearest search; merging their nearest-first lists keeps the answer exact.
        var found = new List<DropOffPoint>();
        foreach (var (pointNetwork, kind) in _pointKinds)
        {
            if ((network is not null && network != pointNetwork) || (query.Kind is { } wanted && wanted != kind))
            {
                continue;
            }

            foreach (var (point, distance) in _dropOffPoints.Nearest(query.Near, query.Limit, new LocationFilter { CarrierId = pointNetwork, Kind = kind }))
            {
                if (distance <= query.RadiusKm)
                {
                    found.Add(point with { DistanceKm = distance });
                }
            }
        }

        found.Sort(static (a, b) => a.DistanceKm!.Value.CompareTo(b.DistanceKm!.Value) is var order and not 0 ? order : string.CompareOrdinal(a.Id, b.Id));
        return Task.FromResult<IReadOnlyList<DropOffPoint>>(found.Count > query.Limit ? found[..query.Limit] : found);
    }

    /// <inheritdoc />
    public override Task<ReturnShipment> CreateShipmentAsync(ShipmentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<ReturnShipment>(cancellationToken);
        }

        try
        {
            return Task.FromResult(Create(request));
        }
        catch (CarrierException exception)
        {
            return Task.FromException<ReturnShipment>(exception);
        }
    }

    private ReturnShipment Create(ShipmentRequest request)
    {
        if (!_servicesByCode.TryGetValue(request.ServiceCode, out var service))
        {
            throw new CarrierException(CarrierId, $"No service '{request.ServiceCode}'; the rate card offers {string.Join(", ", _servicesByCode.Keys)}.", isTransient: false);
        }

        var rate = _engine.Rate(service.Carrier, service.Service, new RateQuery(request.From.Country, request.To.Country, request.Parcel.Weight, request.Parcel.Dimensions));
        if (!rate.IsRated)
        {
            throw rate.Outcome is RateOutcome.TooHeavy or RateOutcome.TooLarge
                ? new ParcelOutsideLimitsException(CarrierId, rate.Message)
                : new CarrierException(CarrierId, rate.Message, isTransient: false);
        }

        var tracking = TrackingNumbers.Create(_options.TrackingPrefix, request.IdempotencyKey);
        var shipment = new ReturnShipment(CarrierId, request.ServiceCode, tracking) { Price = rate.Price };
        switch (request.LabelMode)
        {
            case LabelModes.Printed:
                var content = new ReturnLabelContent(tracking, request.RmaNumber, _options.DisplayName, $"{service.Carrier} {service.Service}", request.From, request.To, request.ReturnMethod, ReturnInstructions.For(request.ReturnMethod), _timeProvider.GetUtcNow())
                {
                    Weight = request.Parcel.Weight,
                };
                return shipment with { Label = _renderer.Render(content, LabelFormatFor(request.LabelFormat)).ToLabelDocument() };
            case LabelModes.PrinterlessQr:
                return shipment with { QrPayload = $"{CarrierId}:{tracking}:{request.RmaNumber}" };
            default:
                throw new CarrierException(CarrierId, $"Label mode {request.LabelMode} is not offered; use a printed label or a QR code.", isTransient: false);
        }
    }

    private LabelFormat LabelFormatFor(LabelDocumentFormat format) => format switch
    {
        LabelDocumentFormat.Pdf => LabelFormat.Pdf4x6,
        LabelDocumentFormat.Zpl => LabelFormat.Zpl,
        LabelDocumentFormat.Svg => LabelFormat.Svg,
        _ => throw new CarrierException(CarrierId, $"Label format {format} is not offered; use PDF, ZPL or SVG.", isTransient: false),
    };

    private CarrierService Describe(RateCardService service)
    {
        var heaviest = service.Bands.Max(b => b.MaxWeight);
        var methods = service.Methods.Count > 0 ? service.Methods : [ReturnMethod.PostOffice];
        return new CarrierService(ServiceCode(service), $"{service.Carrier} {service.Service}", methods, LabelModes.Printed | LabelModes.PrinterlessQr)
        {
            Limits = new ParcelLimits { MaxWeight = heaviest },
            Network = service.Carrier,
            LabelFormats = [LabelDocumentFormat.Pdf, LabelDocumentFormat.Zpl, LabelDocumentFormat.Svg],
        };
    }

    private static string ServiceCode(RateCardService service) => $"{service.Carrier}:{service.Service}";

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex CarrierIdPattern();
}
