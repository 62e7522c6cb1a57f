using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Returns.Sdk.Lifecycle.Internal;

// Identifies a request by its operation and parameters, so that a key sent again with other parameters is caught.
// Hashed: the canonical text may hold a customer id, which has no business sitting in an index in clear.
internal static class Fingerprint
{
    public static string Of(string operation, params object?[] parts)
    {
        var text = new StringBuilder(operation);
        foreach (var part in parts)
        {
            text.Append('\u001f');
            Append(text, part);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public static string Of(string operation, NewReturn request)
    {
        var parts = new List<object?> { request.CustomerId, request.Method, request.CarrierId, request.ServiceCode, request.WarehouseId, request.StoreId, request.ExpectedArrival, request.Resolution, request.StoreHandling?.StoreId, request.StoreHandling?.AssociateId, request.StoreHandling?.VisitId, request.ConfirmationKey };
        foreach (var e in request.ExchangeItems)
        {
            parts.AddRange([e.Sku, e.Quantity, e.UnitPrice, e.ReplacesLineId]);
        }

        foreach (var l in request.Lines)
        {
            parts.AddRange([l.OrderNumber, l.LineId, l.Sku, l.Quantity, l.ReasonCode, l.Comment, l.Category,
                l.Condition?.Packaging, l.Condition?.SignsOfUse, l.Condition?.TagsAttached, l.Condition?.DefectDescription, l.Condition?.PhotoCount]);
        }

        return Of(operation, [.. parts]);
    }

    private static void Append(StringBuilder text, object? part)
    {
        switch (part)
        {
            case null:
                text.Append('\u2400');
                break;
            case DateTimeOffset at:
                text.Append(at.UtcTicks.ToString(CultureInfo.InvariantCulture));
                break;
            case IFormattable formattable:
                text.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                text.Append(part);
                break;
        }
    }
}
