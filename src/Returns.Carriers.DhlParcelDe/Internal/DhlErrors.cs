using System.Net.Http.Json;
using System.Text.Json;
using Returns.Carriers.Http;

namespace Returns.Carriers.DhlParcelDe.Internal;

// Reads DHL's documented error bodies (RFC 7807 problem details; the gateway's Apigee fault for a refused key) into
// what CarrierHttpErrors needs: a code and, for the returns API's validation answers, the request field at fault. The
// free text itself never leaves this class: it may repeat the customer's name or address.
internal static class DhlErrors
{
    // The returns API names the offending shipper field in its validation "detail"; the address ones, longest first so
    // that "addressStreet" is not read as a shorter name. German spellings appear in answers from the German portal.
    private static readonly (string Token, string Field)[] AddressFields =
    [
        ("addressStreet", "shipper.addressStreet"),
        ("addressHouse", "shipper.addressHouse"),
        ("postalCode", "shipper.postalCode"),
        ("postal code", "shipper.postalCode"),
        ("postleitzahl", "shipper.postalCode"),
        ("hausnummer", "shipper.addressHouse"),
        ("house number", "shipper.addressHouse"),
        ("street", "shipper.addressStreet"),
        ("city", "shipper.city"),
        ("name1", "shipper.name1"),
        ("name2", "shipper.name2"),
        ("name3", "shipper.name3"),
        ("email", "shipper.email"),
        ("phone", "shipper.phone"),
    ];

    private static readonly (string Token, string Field)[] OtherFields =
    [
        ("receiverId", "receiverId"),
        ("customerReference", "customerReference"),
        ("shipmentReference", "shipmentReference"),
        ("itemWeight", "itemWeight"),
        ("itemValue", "itemValue"),
        ("customsDetails", "customsDetails"),
        ("trackingNumber", "trackingNumber"),
    ];

    public static async Task<CarrierErrorInfo?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        DhlProblem? problem;
        try
        {
            problem = await response.Content.ReadFromJsonAsync(DhlJsonContext.Default.DhlProblem, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or HttpRequestException)
        {
            return null; // Not DHL's error shape (a proxy's HTML page, an empty body): the status alone decides.
        }

        return problem is null ? null : Interpret(problem);
    }

    internal static CarrierErrorInfo Interpret(DhlProblem problem)
    {
        var code = CodeOf(problem.Type) ?? problem.Fault?.Detail?.ErrorCode;
        var detail = problem.Detail ?? string.Empty;
        foreach (var (token, field) in AddressFields)
        {
            if (detail.Contains(token, StringComparison.OrdinalIgnoreCase))
            {
                return new CarrierErrorInfo(code, field, IsAddressField: true);
            }
        }

        foreach (var (token, field) in OtherFields)
        {
            if (detail.Contains(token, StringComparison.OrdinalIgnoreCase))
            {
                return new CarrierErrorInfo(code, field);
            }
        }

        return new CarrierErrorInfo(code);
    }

    // DHL's problem "type" is a page per error, e.g. https://api.dhl.com/parcel/de/shipping/e0001.html: its name is the code.
    private static string? CodeOf(string? type)
    {
        if (string.IsNullOrWhiteSpace(type) || !Uri.TryCreate(type, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var name = uri.Segments.Length > 0 ? uri.Segments[^1].Trim('/') : string.Empty;
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        name = dot > 0 ? name[..dot] : name;
        return name.Length > 0 ? name : null;
    }
}
