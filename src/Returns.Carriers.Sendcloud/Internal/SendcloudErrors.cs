using System.Text.Json;
using Returns.Carriers.Http;

namespace Returns.Carriers.Sendcloud.Internal;

// Reads Sendcloud's error bodies into what CarrierHttpErrors needs: the error code and the field at fault. The carrier's
// free text (title, detail, message) is never kept: it may repeat the customer's name or address.
internal static class SendcloudErrors
{
    public static CarrierErrorInfo? ToInfo(ScErrorBody? body)
    {
        if (body is null)
        {
            return null;
        }

        if (body.Errors is { Count: > 0 } errors)
        {
            // An error that points at an address field decides the exception type, wherever it is in the list.
            var chosen = errors.FirstOrDefault(e => AddressField(e.Source?.Pointer) is not null) ?? errors[0];
            return FromError(chosen);
        }

        if (body.Error is { } legacy)
        {
            var field = legacy.Code is { } code && code.Contains("postal_code", StringComparison.Ordinal) ? "postcode" : null;
            return new CarrierErrorInfo(legacy.Code, field, IsAddressField: field is not null);
        }

        // Parcel tracking answers FastAPI's {"detail": [{"loc": [...], "msg", "type"}]} on 422 and {"detail": "..."} on 404.
        if (body.Detail is { ValueKind: JsonValueKind.Array } detail && detail.GetArrayLength() > 0 && detail[0].ValueKind == JsonValueKind.Object)
        {
            var first = detail[0];
            var type = first.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var location = first.TryGetProperty("loc", out var loc) && loc.ValueKind == JsonValueKind.Array && loc.GetArrayLength() > 0 && loc[loc.GetArrayLength() - 1].ValueKind == JsonValueKind.String
                ? loc[loc.GetArrayLength() - 1].GetString()
                : null;
            return new CarrierErrorInfo(type, location);
        }

        return null;
    }

    public static CarrierErrorInfo FromError(ScError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (AddressField(error.Source?.Pointer) is { } addressField)
        {
            return new CarrierErrorInfo(error.Code, addressField, IsAddressField: true);
        }

        var field = error.Source?.Pointer is { Length: > 0 } pointer
            ? pointer.Trim('/').Replace('/', '.')
            : error.Source?.Parameter ?? error.Source?.Header;
        return new CarrierErrorInfo(error.Code, field);
    }

    // "/from_address/postal_code", "/data/attributes/to_address/name" and the quote filter's "/from_postal_code" name
    // address fields; the SDK speaks of them by its own names ("postcode", "line1", ...).
    public static string? AddressField(string? pointer)
    {
        if (string.IsNullOrEmpty(pointer))
        {
            return null;
        }

        var segments = pointer.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            switch (segments[i])
            {
                case "from_address" or "to_address":
                    return i + 1 < segments.Length ? SdkName(segments[i + 1]) : "address";
                case "from_postal_code" or "to_postal_code":
                    return "postcode";
                case "from_country_code" or "to_country_code":
                    return "country";
            }
        }

        return null;
    }

    private static string SdkName(string sendcloudField) => sendcloudField switch
    {
        "postal_code" => "postcode",
        "address_line_1" => "line1",
        "address_line_2" => "line2",
        "house_number" => "houseNumber",
        "country_code" => "country",
        "state_province_code" => "state",
        "phone_number" => "phone",
        "company_name" => "company",
        _ => sendcloudField,
    };
}
