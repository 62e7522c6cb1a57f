namespace Returns.Sdk.Carriers.Internal;

// Decides from the declared capabilities alone whether a carrier is worth asking, so that no call is spent on a
// carrier that cannot serve the origin or carry the parcel.
internal static class CarrierEligibility
{
    public static string? WhyNot(CarrierAdapter carrier, RateRequest request)
    {
        string? firstReason = null;
        foreach (var service in carrier.Capabilities.Services)
        {
            if (request.ServiceCode is { } code && !string.Equals(code, service.Code, StringComparison.Ordinal))
            {
                continue;
            }

            if (request.ReturnMethod is { } method && !service.ReturnMethods.Contains(method))
            {
                firstReason ??= $"no service accepts {method}.";
                continue;
            }

            if (!service.Area.Covers(request.From))
            {
                firstReason ??= $"service '{service.Code}' does not collect in {request.From.Country}.";
                continue;
            }

            if (!service.Limits.Fits(request.Parcel, out var limit))
            {
                firstReason ??= $"the parcel does not fit service '{service.Code}': {limit}.";
                continue;
            }

            return null;
        }

        return firstReason ?? (request.ServiceCode is { } missing ? $"no service '{missing}'." : "no service fits.");
    }
}
