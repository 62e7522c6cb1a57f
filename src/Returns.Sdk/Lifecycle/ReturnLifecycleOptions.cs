namespace Returns.Sdk.Lifecycle;

/// <summary>How <see cref="ReturnLifecycle"/> behaves; validated on start.</summary>
public sealed class ReturnLifecycleOptions
{
    /// <summary>How long a request holds its idempotency key before a retry may take it over (the holder is presumed crashed). Default 2 minutes.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a request waits for another request with the same key to finish. Default 10 seconds.</summary>
    public TimeSpan KeyWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many days an authorization lasts when none is given. Default 30.</summary>
    public int AuthorizationDays { get; set; } = 30;

    /// <summary>Whether a carrier's "delivered" scan counts as received at the warehouse. Default true; set false when the warehouse scans parcels in itself.</summary>
    public bool CarrierDeliveryMeansReceived { get; set; } = true;
}
