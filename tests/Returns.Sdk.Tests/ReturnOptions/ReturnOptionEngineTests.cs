using Returns.Sdk.Carriers;
using Returns.Sdk.Locations;
using Returns.Sdk.ReturnOptions;
using Returns.Sdk.Tests.Policy;
using static Returns.Sdk.Tests.ReturnOptions.OptionFixtures;

namespace Returns.Sdk.Tests.ReturnOptions;

public sealed class ReturnOptionEngineTests
{
    private static string Key(ReturnOption o) => $"{o.CarrierId ?? "store"}/{o.Method}";

    [Fact]
    public void Rank_AllowedCandidates_OneOptionPerCarrierServiceMethodPlusStore()
    {
        var result = Engine().Rank(Request());

        Assert.Equal(
            ["dhl/HomePickup", "dhl/PickupPoint", "postnl/ParcelLocker", "postnl/PostOffice", "store/InStore"],
            result.Options.Select(Key).Order(StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(1, 5), result.Options.Select(o => o.Rank));
    }

    [Fact]
    public void Rank_MethodMissingFromPolicy_NeverOfferedAndExplained()
    {
        var result = Engine().Rank(Request());

        Assert.DoesNotContain(result.Options, o => o.Method == ReturnMethod.Mailbox);
        var mailbox = Assert.Single(result.Excluded, e => e.Method == ReturnMethod.Mailbox);
        Assert.Equal(ExclusionReason.NotAllowedByPolicy, mailbox.Reason);
        Assert.Contains("mailbox", mailbox.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rank_ServiceNotCollectingInCustomerCountry_Excluded()
    {
        var result = Engine().Rank(Request());

        var ups = Assert.Single(result.Excluded, e => e.CarrierId == "ups");
        Assert.Equal(ExclusionReason.OutsideServiceArea, ups.Reason);
    }

    [Fact]
    public void Rank_CheapestForRetailer_OrdersByRetailerCost()
    {
        var result = Engine().Rank(Request(), ReturnOptionRankings.CheapestForRetailer);

        Assert.Equal(["store/InStore", "dhl/PickupPoint", "postnl/ParcelLocker", "postnl/PostOffice", "dhl/HomePickup"], result.Options.Select(Key));
        Assert.Equal("cheapest", result.Strategy);
    }

    [Fact]
    public void Rank_CheapestForCustomer_OrdersByFeeThenRetailerCost()
    {
        var result = Engine().Rank(Request(), ReturnOptionRankings.CheapestForCustomer);

        Assert.Equal(["store/InStore", "dhl/PickupPoint", "postnl/ParcelLocker", "postnl/PostOffice", "dhl/HomePickup"], result.Options.Select(Key));
        Assert.Equal([0m, 2.95m, 2.95m, 2.95m, 6.95m], result.Options.Select(o => o.CustomerFee.Amount));
    }

    [Fact]
    public void Rank_Nearest_HomePickupFirstThenByDistance()
    {
        var result = Engine().Rank(Request(), ReturnOptionRankings.Nearest);

        Assert.Equal(["dhl/HomePickup", "postnl/PostOffice", "dhl/PickupPoint", "postnl/ParcelLocker", "store/InStore"], result.Options.Select(Key));
        Assert.Equal(0.5, result.Options[1].DistanceKm, 3);
        Assert.Equal("po-damrak", result.Options[1].NearestLocation!.Point.Id);
    }

    [Fact]
    public void Rank_Fastest_OrdersByArrivalInWorkingDays()
    {
        var result = Engine().Rank(Request(), ReturnOptionRankings.Fastest);

        Assert.Equal(["postnl/ParcelLocker", "postnl/PostOffice", "dhl/PickupPoint", "dhl/HomePickup", "store/InStore"], result.Options.Select(Key));
        var locker = result.Options[0];
        Assert.Equal(new DateOnly(2026, 11, 27), locker.HandoverDate);   // Friday
        Assert.Equal(new DateOnly(2026, 11, 30), locker.ExpectedArrival); // 1 working day later: Monday
        Assert.Equal(new DateOnly(2026, 12, 1), result.Options[2].ExpectedArrival);
        var store = result.Options[4];
        Assert.Equal(new DateOnly(2026, 11, 26), store.HandoverDate);
        Assert.Equal(new DateOnly(2026, 12, 7), store.ExpectedArrival);   // 7 working days from Thursday
    }

    [Fact]
    public void Rank_InStore_CostsTheHandlingCostAndNeedsNoLabel()
    {
        var result = Engine(settings: new ReturnOptionSettings { InStoreHandlingCost = 1.25m }).Rank(Request());

        var store = Assert.Single(result.Options, o => o.Method == ReturnMethod.InStore);
        Assert.Equal(Money.Of(1.25m, "EUR"), store.RetailerCost);
        Assert.Equal(LabelModes.None, store.PreferredLabelMode);
        Assert.Null(store.CarrierId);
        Assert.Equal("store-kalverstraat", store.NearestLocation!.Point.Id);
    }

    [Fact]
    public void Rank_ParcelTooHeavyForService_ExcludedWithTheLimit()
    {
        var result = Engine().Rank(Request(parcel: new Parcel(Weight.FromKilograms(30))));

        Assert.DoesNotContain(result.Options, o => o.CarrierId == "postnl");
        var excluded = result.Excluded.Where(e => e.CarrierId == "postnl" && e.Method != ReturnMethod.Mailbox).ToList();
        Assert.Equal(2, excluded.Count);
        Assert.All(excluded, e => Assert.Equal(ExclusionReason.ParcelOutsideLimits, e.Reason));
        Assert.Contains("23 kg", excluded[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rank_NoPlaceWithinReach_DropOffsExcludedHomePickupStays()
    {
        var groningen = new GeoPoint(53.2194, 6.5665);

        var result = Engine().Rank(Request(at: groningen));

        Assert.Equal(["dhl/HomePickup"], result.Options.Select(Key));
        Assert.Contains(result.Excluded, e => e.CarrierId == "postnl" && e.Method == ReturnMethod.PostOffice && e.Reason == ExclusionReason.NoLocationNearby && e.Message.Contains("25 km", StringComparison.Ordinal));
        Assert.Contains(result.Excluded, e => e.Method == ReturnMethod.InStore && e.Reason == ExclusionReason.NoLocationNearby);
    }

    [Fact]
    public void Rank_OnlyPlacesOfTheServicesNetworkAndKind_AreListed()
    {
        var result = Engine().Rank(Request());

        foreach (var option in result.Options.Where(o => o.CarrierId is not null))
        {
            Assert.All(option.Locations, l => Assert.Equal(option.CarrierId, l.Point.CarrierId));
        }

        var postOffice = Assert.Single(result.Options, o => o.Method == ReturnMethod.PostOffice);
        Assert.Equal(["po-damrak"], postOffice.Locations.Select(l => l.Point.Id)); // Rotterdam is beyond 25 km
    }

    [Fact]
    public void Rank_LiveLocations_JoinTheCatalogsNearestFirst()
    {
        var request = Request() with
        {
            LiveLocations = [Point("po-live", "Live post office", DropOffKind.PostOffice, "postnl", 0.2), Point("dhl-far", "Far", DropOffKind.PickupPoint, "dhl", 60)],
        };

        var result = Engine().Rank(request);

        var postOffice = Assert.Single(result.Options, o => o.Method == ReturnMethod.PostOffice);
        Assert.Equal(["po-live", "po-damrak"], postOffice.Locations.Select(l => l.Point.Id));
        var dhl = Assert.Single(result.Options, o => o.Method == ReturnMethod.PickupPoint);
        Assert.Equal(["pp-jordaan"], dhl.Locations.Select(l => l.Point.Id));
    }

    [Fact]
    public void Rank_LocationsPerOption_ListsThatManyNearestFirst()
    {
        var catalog = new LocationCatalog([.. Enumerable.Range(1, 6).Select(i => Point($"po-{i}", $"PO {i}", DropOffKind.PostOffice, "postnl", 7 - i))]);

        var result = Engine(catalog, new ReturnOptionSettings { LocationsPerOption = 4 }).Rank(Request());

        var postOffice = Assert.Single(result.Options, o => o.Method == ReturnMethod.PostOffice);
        Assert.Equal(["po-6", "po-5", "po-4", "po-3"], postOffice.Locations.Select(l => l.Point.Id));
    }

    [Fact]
    public void Rank_OpeningHours_OpenNowOrNextOpeningInCustomersZone()
    {
        var result = Engine().Rank(Request());

        var postOffice = Assert.Single(result.Options, o => o.Method == ReturnMethod.PostOffice).NearestLocation!;
        Assert.True(postOffice.OpenNow);
        Assert.Null(postOffice.NextOpening);
        var dhl = Assert.Single(result.Options, o => o.Method == ReturnMethod.PickupPoint).NearestLocation!;
        Assert.False(dhl.OpenNow);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.FromHours(1)), dhl.NextOpening);
    }

    [Fact]
    public void Rank_QuoteInAnotherCurrency_ExcludedAsMismatch()
    {
        var result = Engine().Rank(Request([Quote("postnl", "parcel", ReturnMethod.PostOffice, 7m, 1, "GBP")]));

        var excluded = Assert.Single(result.Excluded, e => e.CarrierId == "postnl");
        Assert.Equal(ExclusionReason.CurrencyMismatch, excluded.Reason);
        Assert.Contains("GBP", excluded.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rank_QuoteForUnknownService_Excluded()
    {
        var result = Engine().Rank(Request([Quote("postnl", "express", ReturnMethod.PostOffice, 7m, 1), Quote("gls", "x", ReturnMethod.PostOffice, 7m, 1)]));

        Assert.Equal(2, result.Excluded.Count(e => e.Reason == ExclusionReason.UnknownService));
    }

    [Fact]
    public void Rank_SameServiceQuotedTwice_OffersTheCheaper()
    {
        var result = Engine().Rank(Request([Quote("postnl", "parcel", ReturnMethod.PostOffice, 7m, 1), Quote("postnl", "parcel", ReturnMethod.PostOffice, 6m, 1)]));

        var postOffice = Assert.Single(result.Options, o => o.Method == ReturnMethod.PostOffice);
        Assert.Equal(6m, postOffice.RetailerCost.Amount);
    }

    [Fact]
    public void Rank_CarrierOmissions_ReportedAsUnavailable()
    {
        var request = Request() with { Omissions = [new CarrierOmission("dpd", CarrierOmissionReason.TimedOut, "no answer within 2 s")] };

        var result = Engine().Rank(request);

        var dpd = Assert.Single(result.Excluded, e => e.CarrierId == "dpd");
        Assert.Equal(ExclusionReason.CarrierUnavailable, dpd.Reason);
    }

    [Fact]
    public void Rank_NothingReturnable_NoOptionsAndThePolicyReason()
    {
        var late = Evaluation(order: PolicyFixtures.Order(placed: Thursday10.AddDays(-90), delivered: Thursday10.AddDays(-80)));

        var result = Engine().Rank(Request(policy: late));

        Assert.Empty(result.Options);
        Assert.Null(result.Best);
        Assert.Contains(result.Excluded, e => e.Reason == ExclusionReason.NotAllowedByPolicy && e.Method is null);
    }

    [Fact]
    public void Rank_PreferredLabel_QrAtCountersPrintedForPickups()
    {
        var result = Engine().Rank(Request());

        Assert.Equal(LabelModes.PrinterlessQr, Assert.Single(result.Options, o => o.Method == ReturnMethod.ParcelLocker).PreferredLabelMode);
        // DHL's service has no QR: the quote's modes are limited to what the service declares.
        Assert.Equal(LabelModes.Printed, Assert.Single(result.Options, o => o.Method == ReturnMethod.PickupPoint).PreferredLabelMode);
        Assert.Equal(LabelModes.Printed | LabelModes.Mailed, Assert.Single(result.Options, o => o.Method == ReturnMethod.HomePickup).LabelModes);
    }

    [Fact]
    public void Explanation_NamesCostsPlaceAndArrival()
    {
        var postOffice = Assert.Single(Engine().Rank(Request()).Options, o => o.Method == ReturnMethod.PostOffice);

        Assert.Equal(
            "Drop off at a post office with PostNL Parcel: the retailer pays 6.95 EUR, you pay 2.95 EUR. Nearest: Post office Damrak, 0.5 km, open now. " +
            "You get a QR code to show, no printer needed. Hand over on Fri 27 Nov; expected at the warehouse on Mon 30 Nov (1 working day in transit).",
            postOffice.Explanation);
    }

    [Fact]
    public void Rank_QuoteWithoutTransitDays_UsesTheDefault()
    {
        var result = Engine(settings: new ReturnOptionSettings { DefaultTransitDays = 4 }).Rank(Request([Quote("postnl", "parcel", ReturnMethod.PostOffice, 7m, null)]));

        var postOffice = Assert.Single(result.Options, o => o.Method == ReturnMethod.PostOffice);
        Assert.Equal(4, postOffice.TransitDays);
        Assert.Equal(new DateOnly(2026, 12, 3), postOffice.ExpectedArrival);
    }

    [Fact]
    public void Constructor_InvalidSettings_ThrowsNamingTheSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => Engine(settings: new ReturnOptionSettings { MaxDistanceKm = 0 }));

        Assert.Contains("MaxDistanceKm", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DuplicateCarrierIds_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ReturnOptionEngine([PostNl, PostNl], Catalog, new ReturnOptionSettings(), TimeProvider.System));
    }
}
