namespace Returns.Sdk.ReturnOptions;

/// <summary>How the option engine searches and what it assumes; bindable from configuration.</summary>
public sealed class ReturnOptionSettings
{
    /// <summary>How far a drop-off point or store may be from the customer, in great-circle kilometres. Default 25.</summary>
    public double MaxDistanceKm { get; set; } = 25;

    /// <summary>How many places each option lists, nearest first. Default 3.</summary>
    public int LocationsPerOption { get; set; } = 3;

    /// <summary>Days from the request until the parcel is typically handed over, per method. Missing methods use 1.</summary>
    public Dictionary<ReturnMethod, int> HandoverDays { get; set; } = new()
    {
        [ReturnMethod.InStore] = 0,
        [ReturnMethod.PostOffice] = 1,
        [ReturnMethod.PickupPoint] = 1,
        [ReturnMethod.ParcelLocker] = 1,
        [ReturnMethod.Mailbox] = 1,
        [ReturnMethod.HomePickup] = 1,
    };

    /// <summary>Working days in transit when a quote does not say. Default 3.</summary>
    public int DefaultTransitDays { get; set; } = 3;

    /// <summary>Working days for a store to send its returns on to the warehouse. Default 7.</summary>
    public int InStoreTransferDays { get; set; } = 7;

    /// <summary>What a return in store costs the retailer, in the policy's currency. Default 0.</summary>
    public decimal InStoreHandlingCost { get; set; }

    /// <summary>
    /// How long the option service waits for carriers that list drop-off points live (those whose networks have no
    /// points in the location catalog). Default 2 seconds; a carrier that has not answered by then adds no places.
    /// </summary>
    public TimeSpan LiveLocationDeadline { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The warehouse returns go to: its ISO 3166 country code. Required by the option service.</summary>
    public string? WarehouseCountry { get; set; }

    /// <summary>The warehouse returns go to: its postcode.</summary>
    public string? WarehousePostcode { get; set; }

    /// <summary>The ranking used when a request names none: <c>cheapest</c>, <c>cheapest-for-customer</c>, <c>nearest</c>, <c>fastest</c> or <c>balanced</c>.</summary>
    public string DefaultStrategy { get; set; } = ReturnOptionRankings.BalancedName;
}
