using System.Text;
using System.Text.Json;
using Returns.Sdk;
using Returns.Sdk.Carriers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Returns.Carriers.DhlParcelDe.Tests;

public sealed class CreateShipmentTests : IDisposable
{
    private readonly DhlTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task CreateShipmentAsync_Printed_PostsTheDocumentedOrderWithKeyAndBasicAuth()
    {
        var request = DhlTestHost.Shipment("idem-42") with { Parcel = DhlTestHost.Parcel with { DeclaredValue = Money.Of(59.90m, "EUR") }, CustomerPhone = "+49 228 1234567" };

        await _host.Adapter.CreateShipmentAsync(request, TestContext.Current.CancellationToken);

        var entry = Assert.Single(_host.Requests(DhlTestHost.OrdersPath));
        Assert.Equal("POST", entry.RequestMessage!.Method);
        Assert.Equal("SHIPMENT_LABEL", DhlTestHost.Query(entry, "labelType"));
        Assert.Equal(DhlTestHost.ApiKey, DhlTestHost.Header(entry, "dhl-api-key"));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("gkp-user:gkp-pass-93ab")), DhlTestHost.Header(entry, "Authorization"));
        using var body = JsonDocument.Parse(entry.RequestMessage.Body!);
        var root = body.RootElement;
        Assert.Equal("deu", root.GetProperty("receiverId").GetString());
        Assert.Equal("RMA-2030-0042", root.GetProperty("customerReference").GetString());
        Assert.Equal("idem-42", root.GetProperty("shipmentReference").GetString());
        var shipper = root.GetProperty("shipper");
        Assert.Equal("Erika Mustermann", shipper.GetProperty("name1").GetString());
        Assert.Equal("Charles-de-Gaulle-Str.", shipper.GetProperty("addressStreet").GetString());
        Assert.Equal("20", shipper.GetProperty("addressHouse").GetString());
        Assert.Equal("53113", shipper.GetProperty("postalCode").GetString());
        Assert.Equal("Bonn", shipper.GetProperty("city").GetString());
        Assert.Equal("erika@example.org", shipper.GetProperty("email").GetString());
        Assert.Equal("+49 228 1234567", shipper.GetProperty("phone").GetString());
        Assert.Equal("g", root.GetProperty("itemWeight").GetProperty("uom").GetString());
        Assert.Equal(1200m, root.GetProperty("itemWeight").GetProperty("value").GetDecimal());
        Assert.Equal("EUR", root.GetProperty("itemValue").GetProperty("currency").GetString());
        Assert.Equal(59.90m, root.GetProperty("itemValue").GetProperty("value").GetDecimal());
        Assert.False(root.TryGetProperty("customsDetails", out _));
    }

    [Fact]
    public async Task CreateShipmentAsync_Printed_MapsShipmentNumberAndPdfLabel()
    {
        var shipment = await _host.Adapter.CreateShipmentAsync(DhlTestHost.Shipment("idem-pdf"), TestContext.Current.CancellationToken);

        Assert.Equal(DhlTestHost.ShipmentNo, shipment.TrackingNumber);
        Assert.Equal(DhlParcelDeCarrier.ReturnServiceCode, shipment.ServiceCode);
        var label = shipment.Label!;
        Assert.Equal(LabelDocumentFormat.Pdf, label.Format);
        Assert.Equal("application/pdf", label.MediaType);
        Assert.Equal(Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"), label.Content.ToArray());
        Assert.Null(shipment.QrPayload);
        Assert.Null(shipment.CarrierShipmentId);
    }

    [Fact]
    public async Task CreateShipmentAsync_Printed_HasNoQrImage()
    {
        var shipment = await _host.Adapter.CreateShipmentAsync(DhlTestHost.Shipment("idem-pdf-only"), TestContext.Current.CancellationToken);

        Assert.NotNull(shipment.Label);
        Assert.Null(shipment.QrImage);
    }

    [Fact]
    public async Task CreateShipmentAsync_PrinterlessQr_AsksForQrLabelAndReturnsThePngAsQrImage()
    {
        var shipment = await _host.Adapter.CreateShipmentAsync(DhlTestHost.Shipment("idem-qr", mode: LabelModes.PrinterlessQr), TestContext.Current.CancellationToken);

        Assert.Equal("QR_LABEL", DhlTestHost.Query(Assert.Single(_host.Requests(DhlTestHost.OrdersPath)), "labelType"));
        Assert.Equal("999991587228", shipment.TrackingNumber);
        var qr = shipment.QrImage!;
        Assert.Equal(LabelDocumentFormat.Png, qr.Format);
        Assert.Equal("image/png", qr.MediaType);
        Assert.Equal(Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUi1mYWtlLXFy"), qr.Content.ToArray());
        Assert.Null(shipment.Label); // No printed label was asked for.
        Assert.Null(shipment.QrPayload);
    }

    [Fact]
    public async Task CreateShipmentAsync_PrintedAndQr_AsksForBothAndReturnsPdfLabelAndPngQrImage()
    {
        var shipment = await _host.Adapter.CreateShipmentAsync(DhlTestHost.Shipment("idem-both", mode: LabelModes.Printed | LabelModes.PrinterlessQr), TestContext.Current.CancellationToken);

        Assert.Equal("BOTH", DhlTestHost.Query(Assert.Single(_host.Requests(DhlTestHost.OrdersPath)), "labelType"));
        Assert.Equal(LabelDocumentFormat.Pdf, shipment.Label!.Format);
        Assert.Equal("application/pdf", shipment.Label.MediaType);
        Assert.True(shipment.Label.Content.Span.StartsWith("%PDF-"u8));
        Assert.Equal(LabelDocumentFormat.Png, shipment.QrImage!.Format);
        Assert.Equal("image/png", shipment.QrImage.MediaType);
        Assert.True(shipment.QrImage.Content.Span.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]));
        Assert.Equal("999991587235", shipment.TrackingNumber);
        Assert.Equal("CX123456789DE", shipment.CarrierShipmentId);
    }

    [Fact]
    public async Task CreateShipmentAsync_BothButNoQrInTheAnswer_KeepsTheCreatedPdfLabel()
    {
        _host.Server.Given(Request.Create().WithPath(DhlTestHost.OrdersPath).UsingPost().WithParam("labelType", "BOTH")).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json")
                .WithBody("{\"shipmentNo\":\"999991587242\",\"label\":{\"b64\":\"JVBERi0xLjQK\"},\"routingCode\":\"1\",\"sstatus\":{\"title\":\"Created\",\"status\":201}}"));

        var shipment = await _host.Adapter.CreateShipmentAsync(DhlTestHost.Shipment("idem-both-noqr", mode: LabelModes.Printed | LabelModes.PrinterlessQr), TestContext.Current.CancellationToken);

        Assert.Equal("999991587242", shipment.TrackingNumber);
        Assert.Equal(LabelDocumentFormat.Pdf, shipment.Label!.Format);
        Assert.Null(shipment.QrImage);
    }

    [Fact]
    public async Task CreateShipmentAsync_QrAnswerWithoutQrCode_OutcomeUnknownAndNotResent()
    {
        _host.Server.Given(Request.Create().WithPath(DhlTestHost.OrdersPath).UsingPost().WithParam("labelType", "QR_LABEL")).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json")
                .WithBody("{\"shipmentNo\":\"999991587259\",\"label\":{\"b64\":\"\"},\"routingCode\":\"1\",\"sstatus\":{\"title\":\"Created\",\"status\":201}}"));

        var first = await Assert.ThrowsAsync<ShipmentOutcomeUnknownException>(() => _host.Adapter.CreateShipmentAsync(DhlTestHost.Shipment("idem-qr-empty", mode: LabelModes.PrinterlessQr), TestContext.Current.CancellationToken));
        var again = await Assert.ThrowsAsync<ShipmentOutcomeUnknownException>(() => _host.Adapter.CreateShipmentAsync(DhlTestHost.Shipment("idem-qr-empty", mode: LabelModes.PrinterlessQr), TestContext.Current.CancellationToken));

        Assert.Equal("outcome_unknown", first.CarrierErrorCode);
        Assert.False(first.IsTransient);
        Assert.Equal("outcome_unknown", again.CarrierErrorCode);
        Assert.Single(_host.Requests(DhlTestHost.OrdersPath));
    }

    [Fact]
    public async Task CreateShipmentAsync_CreatedWithoutShipmentNumber_OutcomeUnknown()
    {
        _host.Server.Given(Request.Create().WithPath(DhlTestHost.OrdersPath).UsingPost()).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json").WithBody("{}"));

        var exception = await Assert.ThrowsAsync<ShipmentOutcomeUnknownException>(() => _host.Adapter.CreateShipmentAsync(DhlTestHost.Shipment("idem-no-number"), TestContext.Current.CancellationToken));

        Assert.Equal(DhlParcelDeCarrier.Id, exception.CarrierId);
        Assert.Equal("outcome_unknown", exception.CarrierErrorCode);
        Assert.IsType<CarrierException>(exception.InnerException);
    }

    [Fact]
    public async Task CreateShipmentAsync_Mailed_ThrowsWithoutCallingDhl()
    {
        var exception = await Assert.ThrowsAsync<CarrierException>(() => _host.Adapter.CreateShipmentAsync(DhlTestHost.Shipment("idem-mail", mode: LabelModes.Mailed), TestContext.Current.CancellationToken));

        Assert.Equal("label_mode_not_supported", exception.CarrierErrorCode);
        Assert.Empty(_host.Server.LogEntries);
    }

    [Fact]
    public async Task CreateShipmentAsync_SameKeyTwice_PostsOnceAndAnswersTheSameShipment()
    {
        var first = await _host.Adapter.CreateShipmentAsync(DhlTestHost.Shipment("idem-twice"), TestContext.Current.CancellationToken);
        var second = await _host.Adapter.CreateShipmentAsync(DhlTestHost.Shipment("idem-twice"), TestContext.Current.CancellationToken);

        Assert.Same(first, second);
        Assert.Single(_host.Requests(DhlTestHost.OrdersPath));
    }

    [Fact]
    public async Task CreateShipmentAsync_SenderOutsideTheEuWithoutReceiverId_ThrowsReceiverNotConfiguredWithoutCallingDhl()
    {
        var norway = new Address(CountryCode.Parse("NO"), "0150") { Name = "Kari Nordmann", Line1 = "Karl Johans gate 1", City = "Oslo" };

        var exception = await Assert.ThrowsAsync<CarrierException>(() => _host.Adapter.CreateShipmentAsync(DhlTestHost.Shipment("idem-no", norway), TestContext.Current.CancellationToken));

        Assert.Equal("receiver_not_configured", exception.CarrierErrorCode);
        Assert.Empty(_host.Server.LogEntries);
    }

    [Fact]
    public async Task CreateShipmentAsync_SenderCountryDhlDoesNotServe_ThrowsInvalidAddressNamingTheCountry()
    {
        var us = new Address(CountryCode.Parse("US"), "10001") { Name = "Erika Mustermann", Line1 = "5th Avenue 1", City = "New York" };

        var exception = await Assert.ThrowsAsync<InvalidAddressException>(() => _host.Adapter.CreateShipmentAsync(DhlTestHost.Shipment("idem-us", us), TestContext.Current.CancellationToken));

        Assert.Equal("From.Country", exception.Field);
        Assert.Empty(_host.Server.LogEntries);
    }

    [Theory]
    [InlineData(null, "Hauptstr. 5", "Bonn", "shipper.name1")]
    [InlineData("Erika Mustermann", "Hauptstraße", "Bonn", "shipper.addressHouse")]
    [InlineData("Erika Mustermann", null, "Bonn", "shipper.addressStreet")]
    [InlineData("Erika Mustermann", "Hauptstr. 5", null, "shipper.city")]
    public async Task CreateShipmentAsync_MissingAddressPart_ThrowsInvalidAddressNamingTheField(string? name, string? line1, string? city, string field)
    {
        var from = new Address(CountryCode.Parse("DE"), "53113") { Name = name, Line1 = line1, City = city };

        var exception = await Assert.ThrowsAsync<InvalidAddressException>(() => _host.Adapter.CreateShipmentAsync(DhlTestHost.Shipment("idem-field", from), TestContext.Current.CancellationToken));

        Assert.Equal(field, exception.Field);
        Assert.DoesNotContain("Mustermann", exception.Message, StringComparison.Ordinal);
        Assert.Empty(_host.Server.LogEntries);
    }

    [Fact]
    public async Task CreateShipmentAsync_ParcelAbove31Point5Kg_ThrowsParcelOutsideLimits()
    {
        var heavy = DhlTestHost.Shipment("idem-heavy") with { Parcel = new Parcel(Weight.FromKilograms(32m)) };

        await Assert.ThrowsAsync<ParcelOutsideLimitsException>(() => _host.Adapter.CreateShipmentAsync(heavy, TestContext.Current.CancellationToken));

        Assert.Empty(_host.Server.LogEntries);
    }
}
