using FsCheck;
using FsCheck.Fluent;
using Returns.Sdk.Carriers;
using Returns.Sdk.ReturnOptions;
using static Returns.Sdk.Tests.ReturnOptions.OptionFixtures;

namespace Returns.Sdk.Tests.ReturnOptions;

public sealed class ReturnOptionPropertyTests
{
    private static readonly (string Carrier, string Service, ReturnMethod Method)[] Candidates =
    [
        ("postnl", "parcel", ReturnMethod.PostOffice),
        ("postnl", "parcel", ReturnMethod.ParcelLocker),
        ("postnl", "parcel", ReturnMethod.Mailbox),
        ("dhl", "return", ReturnMethod.PickupPoint),
        ("dhl", "return", ReturnMethod.HomePickup),
        ("ups", "std", ReturnMethod.PickupPoint),
    ];

    private static readonly ReturnOptionEngine SharedEngine = Engine();

    // Random prices (whole cents) and transit days for every candidate, in a random order.
    private static Gen<RateQuote[]> QuoteSets =>
        from prices in Gen.ArrayOf(Gen.Choose(0, 2_000), Candidates.Length)
        from days in Gen.ArrayOf(Gen.Choose(0, 6), Candidates.Length)
        let quotes = Candidates.Select((c, i) => Quote(c.Carrier, c.Service, c.Method, prices[i] / 100m, days[i])).ToArray()
        from shuffled in Gen.Shuffle(quotes)
        select shuffled;

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Rank_AnyQuoteOrder_SameRankingForEveryStrategy()
    {
        return Prop.ForAll(QuoteSets.ToArbitrary(), quotes =>
        {
            foreach (var ranking in ReturnOptionRankings.All)
            {
                var forward = SharedEngine.Rank(Request(quotes), ranking).Options.Select(Describe);
                var backward = SharedEngine.Rank(Request([.. quotes.Reverse()]), ranking).Options.Select(Describe);
                if (!forward.SequenceEqual(backward))
                {
                    return false;
                }
            }

            return true;
        });
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Rank_DominatedOption_NeverRanksAboveItsDominator()
    {
        return Prop.ForAll(QuoteSets.ToArbitrary(), quotes =>
        {
            foreach (var ranking in ReturnOptionRankings.All)
            {
                var options = SharedEngine.Rank(Request(quotes), ranking).Options;
                for (var better = 0; better < options.Count; better++)
                {
                    for (var worse = 0; worse < options.Count; worse++)
                    {
                        if (Dominates(options[better], options[worse]) && options[better].Rank > options[worse].Rank)
                        {
                            return false;
                        }
                    }
                }
            }

            return true;
        });
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Rank_Cheapest_RetailerCostNeverDecreasesDownTheList()
    {
        return Prop.ForAll(QuoteSets.ToArbitrary(), quotes =>
        {
            var options = SharedEngine.Rank(Request(quotes), ReturnOptionRankings.CheapestForRetailer).Options;
            return options.Zip(options.Skip(1)).All(p => p.First.RetailerCost.Amount <= p.Second.RetailerCost.Amount);
        });
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Rank_NeverOffersWhatThePolicyDoesNotAllow()
    {
        return Prop.ForAll(QuoteSets.ToArbitrary(), quotes =>
            ReturnOptionRankings.All.All(r => SharedEngine.Rank(Request(quotes), r).Options.All(o => o.Method != ReturnMethod.Mailbox && o.CarrierId != "ups")));
    }

    private static bool Dominates(ReturnOption a, ReturnOption b)
    {
        int[] order =
        [
            a.RetailerCost.Amount.CompareTo(b.RetailerCost.Amount),
            a.CustomerFee.Amount.CompareTo(b.CustomerFee.Amount),
            a.DistanceKm.CompareTo(b.DistanceKm),
            a.ExpectedArrival.CompareTo(b.ExpectedArrival),
        ];
        return order.All(o => o <= 0) && order.Any(o => o < 0);
    }

    private static string Describe(ReturnOption o) => $"{o.Rank}:{o.CarrierId}/{o.ServiceCode}/{o.Method}/{o.RetailerCost}";
}
