namespace Returns.Sdk.Lifecycle;

/// <summary>Where a change to a return came from.</summary>
public enum ReturnChannel
{
    /// <summary>The customer, through the returns portal.</summary>
    Portal,

    /// <summary>An associate at a store desk.</summary>
    Store,

    /// <summary>Warehouse staff receiving or inspecting.</summary>
    Warehouse,

    /// <summary>A carrier tracking event, pushed or polled.</summary>
    CarrierEvent,

    /// <summary>The retailer's own systems or customer service, through the API.</summary>
    Api,

    /// <summary>The SDK itself, e.g. expiring an authorization.</summary>
    System,
}

/// <summary>Who changed a return and from where; recorded in the audit history.</summary>
/// <param name="Channel">Where the change came from.</param>
/// <param name="ActorId">The associate, user or carrier id; <see langword="null"/> for the customer or the system. Never an email or a name.</param>
public sealed record ReturnActor(ReturnChannel Channel, string? ActorId = null)
{
    /// <summary>The store or warehouse where the change happened, when it happened at one.</summary>
    public string? LocationId { get; init; }

    /// <summary>The customer through the portal.</summary>
    public static ReturnActor Customer { get; } = new(ReturnChannel.Portal);

    /// <summary>The SDK itself.</summary>
    public static ReturnActor System { get; } = new(ReturnChannel.System);
}
