using System.Text.RegularExpressions;
using System.Xml;
using Returns.Sdk;
using Returns.Sdk.Carriers;

namespace Returns.Carriers.Testing.Internal;

// One run of the kit against one adapter: each check records a pass or a failure with a readable reason, and an
// exception or a hang inside the adapter fails that check only.
internal sealed partial class ConformanceRun(CarrierAdapter adapter, ConformanceScenario scenario, CancellationToken cancellationToken)
{
    private static readonly string PrinterlessOnly = "printerless";

    public List<ConformanceCheck> Checks { get; } = [];

    public async Task ExecuteAsync()
    {
        if (!Check("declares a carrier id", CheckCarrierId) | !Check("declares its capabilities", CheckCapabilities))
        {
            return;
        }

        var capabilities = adapter.Capabilities;
        var request = new RateRequest(scenario.Parcel, scenario.From, scenario.To);
        await CheckAsync("quotes are positive money from declared services", () => CheckQuotesAsync(request, capabilities)).ConfigureAwait(false);
        await CheckAsync("quoting honours a cancelled token", () => ExpectCancellationAsync(token => adapter.QuoteAsync(request, token))).ConfigureAwait(false);
        await CheckAsync("quoting completes on a single-threaded synchronization context", () => CheckNoBlockingAsync(request)).ConfigureAwait(false);

        ReturnShipment? shipment = null;
        await CheckAsync("creates a shipment with a tracking number and a readable label", async () =>
        {
            shipment = await CreateShipmentAsync(capabilities, "conformance-1").ConfigureAwait(false);
            return Describe(shipment);
        }).ConfigureAwait(false);
        await CheckAsync("the same idempotency key never creates a second shipment", async () =>
        {
            var first = shipment ?? throw new ConformanceFailure("no first shipment to compare with.");
            var again = await CreateShipmentAsync(capabilities, "conformance-1").ConfigureAwait(false);
            return again.TrackingNumber == first.TrackingNumber
                ? $"both calls answered {first.TrackingNumber}."
                : throw new ConformanceFailure($"the retry created {again.TrackingNumber} after {first.TrackingNumber}: a second label was bought.");
        }).ConfigureAwait(false);

        await CheckOptionalAsync(CarrierFeatures.DropOffPoints, "lists drop-off points nearest first within the radius", CheckDropOffPointsAsync, token =>
            adapter.ListDropOffPointsAsync(new DropOffPointQuery(scenario.DropOffSearchCentre ?? new GeoPoint(0, 0), scenario.DropOffSearchRadiusKm, 5), token)).ConfigureAwait(false);
        await CheckOptionalAsync(CarrierFeatures.Tracking, "tracks its own shipment", () => CheckTrackingAsync(shipment), token =>
            adapter.TrackAsync("CONFORMANCE", token)).ConfigureAwait(false);
        await CheckOptionalAsync(CarrierFeatures.Cancellation, "cancels its own shipment", async () =>
        {
            await WithTimeout(token => adapter.CancelShipmentAsync(shipment ?? throw new ConformanceFailure("no shipment to cancel."), token)).ConfigureAwait(false);
            return "cancelled.";
        }, token => adapter.CancelShipmentAsync(new ReturnShipment(adapter.CarrierId, "x", "CONFORMANCE"), token)).ConfigureAwait(false);
        await CheckOptionalAsync(CarrierFeatures.PickupScheduling, "schedules a pickup for its own shipment", async () =>
        {
            var date = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2));
            var confirmation = await WithTimeout(token => adapter.SchedulePickupAsync(new PickupRequest(shipment ?? throw new ConformanceFailure("no shipment to collect."), scenario.From, date), token)).ConfigureAwait(false);
            return string.IsNullOrWhiteSpace(confirmation.ConfirmationNumber) ? throw new ConformanceFailure("the confirmation number is blank.") : $"confirmation {confirmation.ConfirmationNumber}.";
        }, token => adapter.SchedulePickupAsync(new PickupRequest(new ReturnShipment(adapter.CarrierId, "x", "CONFORMANCE"), scenario.From, new DateOnly(2030, 1, 1)), token)).ConfigureAwait(false);

        foreach (var probe in scenario.FaultProbes)
        {
            await CheckAsync($"fault '{probe.Name}' is a {(probe.ExpectTransient ? "transient" : "permanent")} CarrierException", () => CheckFaultAsync(probe)).ConfigureAwait(false);
        }
    }

    private string CheckCarrierId() =>
        adapter.CarrierId is { Length: > 0 } id && CarrierIdPattern().IsMatch(id)
            ? $"'{id}'."
            : throw new ConformanceFailure($"'{adapter.CarrierId}' must be lower-case letters, digits, '-' or '_' (e.g. \"ups\", \"dhl-parcel-de\").");

    private string CheckCapabilities() =>
        adapter.Capabilities is { } capabilities
            ? $"{capabilities.Services.Count} service(s), features {capabilities.Features}."
            : throw new ConformanceFailure("Capabilities is null.");

    private async Task<string> CheckQuotesAsync(RateRequest request, CarrierCapabilities capabilities)
    {
        var quotes = await WithTimeout(token => adapter.QuoteAsync(request, token)).ConfigureAwait(false)
            ?? throw new ConformanceFailure("QuoteAsync answered null; answer an empty list when nothing fits.");
        if (scenario.ExpectQuotes && quotes.Count == 0)
        {
            throw new ConformanceFailure("no quote for a parcel the scenario says every service can carry.");
        }

        foreach (var quote in quotes)
        {
            var where = $"quote {quote.ServiceCode}/{quote.ReturnMethod}";
            if (quote.CarrierId != adapter.CarrierId)
            {
                throw new ConformanceFailure($"{where} names carrier '{quote.CarrierId}' instead of '{adapter.CarrierId}'.");
            }

            if (quote.Price.Currency.IsDefault || quote.Price.Amount <= 0m || !quote.Price.Currency.IsWhole(quote.Price.Amount))
            {
                throw new ConformanceFailure($"{where} costs {quote.Price}: a price must be positive, in an ISO 4217 currency, in whole minor units.");
            }

            var service = capabilities.FindService(quote.ServiceCode)
                ?? throw new ConformanceFailure($"{where} is for a service the capabilities do not declare.");
            if (!service.ReturnMethods.Contains(quote.ReturnMethod))
            {
                throw new ConformanceFailure($"{where} uses a return method service '{service.Code}' does not declare.");
            }
        }

        return $"{quotes.Count} quote(s), from {quotes.Min(q => q.Price)}.";
    }

    private async Task<string> ExpectCancellationAsync(Func<CancellationToken, Task> call)
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync().ConfigureAwait(false);
        try
        {
            await call(cancelled.Token).WaitAsync(scenario.CallTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return "threw OperationCanceledException.";
        }
        catch (TimeoutException)
        {
            throw new ConformanceFailure($"still running after {scenario.CallTimeout.TotalSeconds:0} s with a cancelled token.");
        }

        throw new ConformanceFailure("completed normally although its token was cancelled before the call.");
    }

    private async Task<string> CheckNoBlockingAsync(RateRequest request)
    {
        // Sync-over-async (.Result, .Wait()) inside an adapter deadlocks on a single-threaded context, as in a
        // classic ASP.NET or UI host; an adapter that awaits all the way completes.
        var completed = await SingleThreadedContext.RunAsync(() => adapter.QuoteAsync(request, cancellationToken), scenario.CallTimeout).ConfigureAwait(false);
        return completed ? "completed." : throw new ConformanceFailure($"did not complete within {scenario.CallTimeout.TotalSeconds:0} s on a single-threaded context: something blocks on asynchronous work.");
    }

    private async Task<ReturnShipment> CreateShipmentAsync(CarrierCapabilities capabilities, string key)
    {
        var service = capabilities.Services[0];
        var mode = service.LabelModes.HasFlag(LabelModes.Printed) ? LabelModes.Printed : service.LabelModes.HasFlag(LabelModes.PrinterlessQr) ? LabelModes.PrinterlessQr : LabelModes.Mailed;
        var request = new ShipmentRequest(key, "RMA-CONFORMANCE-1", service.Code, service.ReturnMethods[0], scenario.Parcel, scenario.From, scenario.To)
        {
            LabelMode = mode,
            LabelFormat = service.LabelFormats.Count > 0 ? service.LabelFormats[0] : LabelDocumentFormat.Pdf,
        };
        var shipment = await WithTimeout(token => adapter.CreateShipmentAsync(request, token)).ConfigureAwait(false)
            ?? throw new ConformanceFailure("CreateShipmentAsync answered null.");
        if (string.IsNullOrWhiteSpace(shipment.TrackingNumber))
        {
            throw new ConformanceFailure("the shipment has no tracking number.");
        }

        if (shipment.CarrierId != adapter.CarrierId || shipment.ServiceCode != service.Code)
        {
            throw new ConformanceFailure($"the shipment names {shipment.CarrierId}/{shipment.ServiceCode} instead of {adapter.CarrierId}/{service.Code}.");
        }

        switch (mode)
        {
            case LabelModes.Printed:
                var label = shipment.Label ?? throw new ConformanceFailure("a printed label was asked for but none came back.");
                LabelFormats.Verify(label);
                if (scenario.LabelBarcodeReader is { } read && read(label) is var barcode && barcode != shipment.TrackingNumber)
                {
                    throw new ConformanceFailure($"the label's barcode reads '{barcode}', not the tracking number {shipment.TrackingNumber}.");
                }

                break;
            case LabelModes.PrinterlessQr when string.IsNullOrWhiteSpace(shipment.QrPayload):
                throw new ConformanceFailure($"a {PrinterlessOnly} QR code was asked for but no payload came back.");
            case LabelModes.Mailed when !shipment.LabelMailed:
                throw new ConformanceFailure("a mailed label was asked for but the shipment does not say it is mailed.");
        }

        return shipment;
    }

    private static string Describe(ReturnShipment shipment) =>
        $"tracking {shipment.TrackingNumber}{(shipment.Label is { } label ? $", {label.Format} label of {label.Content.Length} bytes" : string.Empty)}{(shipment.QrPayload is null ? string.Empty : ", QR payload")}.";

    private async Task<string> CheckDropOffPointsAsync()
    {
        var centre = scenario.DropOffSearchCentre ?? throw new ConformanceFailure("the adapter lists drop-off points; give the scenario a DropOffSearchCentre.");
        var query = new DropOffPointQuery(centre, scenario.DropOffSearchRadiusKm, 5);
        var points = await WithTimeout(token => adapter.ListDropOffPointsAsync(query, token)).ConfigureAwait(false)
            ?? throw new ConformanceFailure("ListDropOffPointsAsync answered null.");
        if (points.Count > query.Limit)
        {
            throw new ConformanceFailure($"{points.Count} points for a limit of {query.Limit}.");
        }

        // A point belongs to the adapter or to a network one of its services reaches (an aggregator's PostNL points).
        var networks = adapter.Capabilities.Services.Select(s => s.Network ?? adapter.CarrierId).Append(adapter.CarrierId).ToHashSet(StringComparer.Ordinal);
        var previous = 0d;
        foreach (var point in points)
        {
            var distance = centre.DistanceKmTo(point.Location);
            if (!networks.Contains(point.CarrierId) || string.IsNullOrWhiteSpace(point.Id))
            {
                throw new ConformanceFailure($"point '{point.Id}' names carrier '{point.CarrierId}', which is neither the adapter nor a network of its services ({string.Join(", ", networks.Order(StringComparer.Ordinal))}), or has a blank id.");
            }

            if (distance > query.RadiusKm + 0.01)
            {
                throw new ConformanceFailure($"point '{point.Id}' is {distance:0.00} km away, outside the {query.RadiusKm} km radius.");
            }

            if (distance + 0.01 < previous)
            {
                throw new ConformanceFailure($"point '{point.Id}' ({distance:0.00} km) comes after a farther one ({previous:0.00} km): points must be nearest first.");
            }

            previous = distance;
        }

        return $"{points.Count} point(s) within {previous:0.00} km.";
    }

    private async Task<string> CheckTrackingAsync(ReturnShipment? shipment)
    {
        var number = shipment?.TrackingNumber ?? throw new ConformanceFailure("no shipment to track.");
        var result = await WithTimeout(token => adapter.TrackAsync(number, token)).ConfigureAwait(false)
            ?? throw new ConformanceFailure("TrackAsync answered null.");
        if (result.TrackingNumber != number)
        {
            throw new ConformanceFailure($"asked for {number}, answered {result.TrackingNumber}.");
        }

        for (var i = 1; i < result.Events.Count; i++)
        {
            if (result.Events[i].OccurredAt < result.Events[i - 1].OccurredAt)
            {
                throw new ConformanceFailure("events are not oldest first.");
            }
        }

        return $"{result.Status} with {result.Events.Count} event(s).";
    }

    private async Task<string> CheckFaultAsync(FaultProbe probe)
    {
        try
        {
            await probe.Provoke(adapter, cancellationToken).WaitAsync(scenario.CallTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (CarrierException exception) when (exception.IsTransient == probe.ExpectTransient && exception.CarrierId == adapter.CarrierId)
        {
            return $"{exception.GetType().Name}: {exception.Message}";
        }
        catch (CarrierException exception)
        {
            throw new ConformanceFailure($"{exception.GetType().Name} from '{exception.CarrierId}' with IsTransient={exception.IsTransient}; expected IsTransient={probe.ExpectTransient} from '{adapter.CarrierId}'.");
        }
        catch (TimeoutException)
        {
            throw new ConformanceFailure($"still running after {scenario.CallTimeout.TotalSeconds:0} s.");
        }
        catch (Exception exception) when (exception is not ConformanceFailure)
        {
            throw new ConformanceFailure($"threw {exception.GetType().Name} ({exception.Message}); carrier failures must be CarrierExceptions.");
        }

        throw new ConformanceFailure("completed without failing.");
    }

    private async Task CheckOptionalAsync(CarrierFeatures feature, string name, Func<Task<string>> whenDeclared, Func<CancellationToken, Task> call)
    {
        if (adapter.Capabilities.Supports(feature))
        {
            await CheckAsync(name, whenDeclared).ConfigureAwait(false);
            return;
        }

        await CheckAsync($"undeclared {feature} answers CarrierOperationNotSupportedException", async () =>
        {
            try
            {
                await call(cancellationToken).WaitAsync(scenario.CallTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (CarrierOperationNotSupportedException)
            {
                return "as declared.";
            }
            catch (Exception exception) when (exception is not ConformanceFailure)
            {
                throw new ConformanceFailure($"threw {exception.GetType().Name} instead of CarrierOperationNotSupportedException.");
            }

            throw new ConformanceFailure($"succeeded although {feature} is not declared: declare it in Capabilities.Features.");
        }).ConfigureAwait(false);
    }

    private async Task<T> WithTimeout<T>(Func<CancellationToken, Task<T>> call)
    {
        try
        {
            return await call(cancellationToken).WaitAsync(scenario.CallTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new ConformanceFailure($"no answer within {scenario.CallTimeout.TotalSeconds:0} s.");
        }
    }

    private async Task WithTimeout(Func<CancellationToken, Task> call) =>
        await WithTimeout(async token =>
        {
            await call(token).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);

    private bool Check(string name, Func<string> check)
    {
        try
        {
            Checks.Add(new ConformanceCheck(name, true, check()));
            return true;
        }
#pragma warning disable CA1031 // Any failure of the adapter is a finding, reported as a failed check.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Checks.Add(new ConformanceCheck(name, false, Reason(exception)));
            return false;
        }
    }

    private async Task CheckAsync(string name, Func<Task<string>> check)
    {
        try
        {
            Checks.Add(new ConformanceCheck(name, true, await check().ConfigureAwait(false)));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any failure of the adapter is a finding, reported as a failed check.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Checks.Add(new ConformanceCheck(name, false, Reason(exception)));
        }
    }

    private static string Reason(Exception exception) =>
        exception is ConformanceFailure failure ? failure.Message : $"threw {exception.GetType().Name}: {exception.Message}";

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex CarrierIdPattern();
}

internal sealed class ConformanceFailure(string message) : Exception(message);

// Checks that a label document is what its format says, by its signature, so that a broken adapter cannot pass off an
// empty or mislabelled file.
internal static class LabelFormats
{
    public static void Verify(LabelDocument label)
    {
        var bytes = label.Content.Span;
        if (bytes.IsEmpty)
        {
            throw new ConformanceFailure("the label document is empty.");
        }

        var ok = label.Format switch
        {
            LabelDocumentFormat.Pdf => bytes.StartsWith("%PDF-"u8) && bytes.IndexOf("%%EOF"u8) > 0,
            LabelDocumentFormat.Png => bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
            LabelDocumentFormat.Gif => bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8),
            LabelDocumentFormat.Zpl => bytes.IndexOf("^XA"u8) >= 0 && bytes.IndexOf("^XZ"u8) > bytes.IndexOf("^XA"u8),
            LabelDocumentFormat.Svg => IsSvg(label.Content),
            _ => false,
        };
        if (!ok)
        {
            throw new ConformanceFailure($"the label claims to be {label.Format} but its content is not.");
        }
    }

    private static bool IsSvg(ReadOnlyMemory<byte> content)
    {
        try
        {
            using var stream = new MemoryStream(content.ToArray());
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            return reader.MoveToContent() == XmlNodeType.Element && reader.LocalName == "svg";
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
