namespace Returns.Sdk.Carriers;

/// <summary>
/// A carrier call failed. <see cref="IsTransient"/> tells whether the same call may succeed later; the subclasses
/// say why, so callers can react without parsing messages.
/// </summary>
public class CarrierException : ReturnsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="carrierId">The carrier.</param>
    /// <param name="message">What failed.</param>
    /// <param name="isTransient">True when a retry may succeed.</param>
    /// <param name="innerException">The underlying cause.</param>
    public CarrierException(string carrierId, string message, bool isTransient, Exception? innerException = null)
        : base(message, innerException)
    {
        CarrierId = carrierId;
        IsTransient = isTransient;
    }

    /// <summary>The carrier.</summary>
    public string CarrierId { get; }

    /// <summary>True when a retry may succeed.</summary>
    public bool IsTransient { get; }

    /// <summary>The HTTP status the carrier answered with, when the call was HTTP.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The carrier's own error code.</summary>
    public string? CarrierErrorCode { get; init; }
}

/// <summary>The carrier is down, overloaded or timed out; try again later.</summary>
public sealed class CarrierUnavailableException : CarrierException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="carrierId">The carrier.</param>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The underlying cause.</param>
    public CarrierUnavailableException(string carrierId, string message, Exception? innerException = null)
        : base(carrierId, message, isTransient: true, innerException)
    {
    }
}

/// <summary>The carrier is rate limiting this client.</summary>
public sealed class CarrierRateLimitedException : CarrierException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="carrierId">The carrier.</param>
    /// <param name="retryAfter">How long the carrier asked to wait, when it said.</param>
    /// <param name="message">What failed.</param>
    public CarrierRateLimitedException(string carrierId, TimeSpan? retryAfter, string message)
        : base(carrierId, message, isTransient: true)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long the carrier asked to wait.</summary>
    public TimeSpan? RetryAfter { get; }
}

/// <summary>The carrier rejected an address; fix it before retrying.</summary>
public sealed class InvalidAddressException : CarrierException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="carrierId">The carrier.</param>
    /// <param name="field">The address field at fault (e.g. <c>postcode</c>), when known.</param>
    /// <param name="message">What is wrong.</param>
    public InvalidAddressException(string carrierId, string? field, string message)
        : base(carrierId, message, isTransient: false)
    {
        Field = field;
    }

    /// <summary>The address field at fault.</summary>
    public string? Field { get; }
}

/// <summary>The parcel is too heavy or too large for the service.</summary>
public sealed class ParcelOutsideLimitsException : CarrierException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="carrierId">The carrier.</param>
    /// <param name="message">Which limit is exceeded.</param>
    public ParcelOutsideLimitsException(string carrierId, string message)
        : base(carrierId, message, isTransient: false)
    {
    }
}

/// <summary>The credentials were refused; a retry will not help until they are fixed.</summary>
public sealed class CarrierUnauthorizedException : CarrierException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="carrierId">The carrier.</param>
    /// <param name="message">What was refused.</param>
    public CarrierUnauthorizedException(string carrierId, string message)
        : base(carrierId, message, isTransient: false)
    {
    }
}

/// <summary>The adapter does not support the operation (see <see cref="CarrierCapabilities.Features"/>).</summary>
public sealed class CarrierOperationNotSupportedException : CarrierException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="carrierId">The carrier.</param>
    /// <param name="operation">The operation, e.g. <c>SchedulePickupAsync</c>.</param>
    public CarrierOperationNotSupportedException(string carrierId, string operation)
        : base(carrierId, $"Carrier '{carrierId}' does not support {operation}; check its capabilities first.", isTransient: false)
    {
        Operation = operation;
    }

    /// <summary>The operation.</summary>
    public string Operation { get; }
}

/// <summary>
/// The carrier may or may not have created the shipment (the call timed out or the answer was lost) and offers no way
/// to find out; retrying could buy a second label. A person must check with the carrier before trying again.
/// </summary>
public sealed class ShipmentOutcomeUnknownException : CarrierException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="carrierId">The carrier.</param>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The underlying cause.</param>
    public ShipmentOutcomeUnknownException(string carrierId, string message, Exception? innerException = null)
        : base(carrierId, message, isTransient: false, innerException)
    {
    }
}
