using System.Text.Json.Nodes;
using Returns.Sdk;
using Returns.Sdk.Policy;

namespace Returns.Benchmarks;

// The workload of the policy benchmarks: a 63-rule policy (20 window rules, 15 restocking rules, 8 refund rules,
// 5 exclusion flags, 3 excluded categories, 3 excluded SKUs, a seasonal extension, 6 method fees, a cap and keep-it)
// and a realistic 10-line web order delivered to the Netherlands, judged at a fixed instant.
internal static class PolicyBenchmarkData
{
    // 21 days after delivery: the EU 14-day withdrawal period has closed (so restocking fees apply and exclusions
    // hold), the 14-day electronics window has closed, the 21-day cameras window is on its last day, and the
    // clocks went back from CEST to CET in between (25 October 2026), so deadlines carry both offsets.
    public static readonly DateTimeOffset At = new(2026, 10, 28, 10, 0, 0, TimeSpan.FromHours(1));

    // Inside the EU withdrawal period: every retailer exclusion except gift cards gives way.
    public static readonly DateTimeOffset AtInsideEuPeriod = new(2026, 10, 15, 12, 0, 0, TimeSpan.FromHours(2));

    public static string PolicyJson()
    {
        var windowRules = new JsonArray
        {
            WindowRule("Electronics", Categories("electronics"), 14),
            WindowRule("Computers", Categories("computers"), 14),
            WindowRule("Phones", Categories("phones"), 14),
            WindowRule("Cameras", Categories("cameras"), 21),
            WindowRule("Furniture", Categories("furniture"), 60),
            WindowRule("Mattresses", Categories("mattresses"), 100),
            WindowRule("Bikes", Categories("bikes"), 45),
            WindowRule("Toys", Categories("toys"), 45),
            WindowRule("Books", Categories("books"), 21),
            WindowRule("Jewellery", Categories("jewellery"), 60),
            WindowRule("Watches", Categories("watches"), 60),
            WindowRule("Gold members: shoes", Categories("shoes").With("customerTiers", "gold"), 90),
            WindowRule("Gold members: apparel", Categories("apparel").With("customerTiers", "gold"), 90),
            WindowRule("Marketplace sports", Categories("sports").With("channels", "marketplace"), 20),
            WindowRule("Sports", Categories("sports"), 45),
            WindowRule("Garden", Categories("garden"), 60),
            WindowRule("Kitchen", Categories("kitchen"), 45),
            WindowRule("Luggage", Categories("luggage"), 90),
            WindowRule("Trail shoe launch", When("skus", "SNK-TRAIL-44", "SNK-TRAIL-45"), 60),
            WindowRule("Platinum members", When("customerTiers", "platinum"), 120),
        };

        var restocking = new JsonArray
        {
            Restocking("Opened electronics", Categories("electronics"), 10),
            Restocking("Computers", Categories("computers"), 15),
            Restocking("Phones", Categories("phones"), 10),
            Restocking("Cameras", Categories("cameras"), 12),
            Restocking("Furniture collection", Categories("furniture"), 20),
            Restocking("Mattresses", Categories("mattresses"), 25),
            Restocking("Bikes", Categories("bikes"), 15),
            Restocking("Jewellery", Categories("jewellery"), 5),
            Restocking("Watches", Categories("watches"), 5),
            Restocking("Luggage", Categories("luggage"), 10),
            Restocking("Marketplace kitchen", Categories("kitchen").With("channels", "marketplace"), 10),
            Restocking("Garden", Categories("garden"), 8),
            Restocking("Collector sets", Categories("toys").With("skus", "LEGO-CITY-60321", "LEGO-TECH-42151"), 10),
            Restocking("Sports", Categories("sports"), 5),
            Restocking("Appliances", Categories("appliances"), 15),
        };

        var refundRules = new JsonArray
        {
            Refund("Outlet credit only", Categories("outlet"), "store_credit", "exchange"),
            Refund("Clearance credit", Categories("clearance"), "store_credit"),
            Refund("Gift sets exchange", Categories("gift_sets"), "exchange"),
            Refund("Marketplace electronics", Categories("electronics").With("channels", "marketplace"), "original_payment"),
            Refund("Books", Categories("books"), "store_credit", "exchange"),
            Refund("Jewellery", Categories("jewellery"), "original_payment", "exchange"),
            Refund("Gold apparel", Categories("apparel").With("customerTiers", "gold"), "original_payment", "store_credit", "exchange"),
            Refund("Benelux furniture", Categories("furniture").With("countries", "NL", "BE"), "original_payment", "exchange"),
        };

        var version = new JsonObject
        {
            ["version"] = "2026.2",
            ["effectiveFrom"] = "2026-01-01",
            ["timeZone"] = "Europe/Amsterdam",
            ["currencies"] = Strings("EUR"),
            ["jurisdictions"] = Strings("eu_withdrawal"),
            ["window"] = new JsonObject { ["days"] = 30 },
            ["windowRules"] = windowRules,
            ["seasonalExtensions"] = new JsonArray
            {
                new JsonObject { ["name"] = "Holiday returns 2026", ["purchasedFrom"] = "2026-11-15", ["purchasedTo"] = "2026-12-24", ["returnUntil"] = "2027-01-31" },
            },
            ["exclusions"] = new JsonObject
            {
                ["finalSale"] = true,
                ["hygiene"] = true,
                ["personalised"] = true,
                ["hazardous"] = true,
                ["giftCards"] = true,
                ["categories"] = Strings("food", "underwear", "digital_downloads"),
                ["skus"] = Strings("SAMPLE-001", "CLEARANCE-BIN", "PRINT-ON-DEMAND"),
            },
            ["fees"] = new JsonObject
            {
                ["methods"] = new JsonObject
                {
                    ["in_store"] = Eur(0m),
                    ["post_office"] = Eur(3.95m),
                    ["pickup_point"] = Eur(2.95m),
                    ["parcel_locker"] = Eur(2.95m),
                    ["mailbox"] = Eur(3.95m),
                    ["home_pickup"] = Eur(6.95m),
                },
                ["waivedForFaults"] = Strings("retailer", "carrier"),
                ["restocking"] = restocking,
                ["cap"] = Eur(15m),
            },
            ["refunds"] = new JsonObject
            {
                ["allowed"] = Strings("original_payment", "store_credit", "exchange"),
                ["storeCreditBonusPercent"] = 10,
                ["rules"] = refundRules,
            },
            ["keepIt"] = new JsonObject { ["recoveryRatePercent"] = 40, ["maxItemValue"] = Eur(10m), ["assumedReturnCost"] = Eur(5.5m) },
        };

        var document = new JsonObject { ["policyId"] = "benchmark-shop", ["versions"] = new JsonArray { version } };
        return document.ToJsonString();
    }

    // Counts the rules the policy states, to keep the workload honest: window, restocking and refund rules,
    // exclusions (flags, categories, SKUs), seasonal extensions, method fees, the cap and keep-it.
    public static int CountRules(string policyJson)
    {
        var version = JsonNode.Parse(policyJson)!["versions"]![0]!;
        var exclusions = version["exclusions"]!.AsObject();
        var flags = exclusions.Count(p => p.Value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.True);
        return version["windowRules"]!.AsArray().Count
            + version["fees"]!["restocking"]!.AsArray().Count
            + version["refunds"]!["rules"]!.AsArray().Count
            + flags
            + exclusions["categories"]!.AsArray().Count
            + exclusions["skus"]!.AsArray().Count
            + version["seasonalExtensions"]!.AsArray().Count
            + version["fees"]!["methods"]!.AsObject().Count
            + (version["fees"]!["cap"] is null ? 0 : 1)
            + (version["keepIt"] is null ? 0 : 1);
    }

    public static Order Order(DateTimeOffset placedAt, DateTimeOffset deliveredAt)
    {
        static Money Eur(decimal amount) => new(amount, Currency.EUR);

        OrderLine[] lines =
        [
            new("1", "SNK-RUN-42", 1, Eur(89.95m), new ProductAttributes("shoes")) { Tax = Eur(15.61m) },
            new("2", "TEE-BASIC-M", 3, Eur(19.95m), new ProductAttributes("apparel")) { Discount = Eur(6.00m), Tax = Eur(9.35m) },
            new("3", "HP-NC-700", 1, Eur(249.00m), new ProductAttributes("electronics")) { Tax = Eur(43.21m) },
            new("4", "CAM-X100", 1, Eur(899.00m), new ProductAttributes("cameras")) { Tax = Eur(156.02m) },
            new("5", "SOFA-OSLO-3", 1, Eur(1299.00m), new ProductAttributes("furniture")) { Discount = Eur(100.00m), Tax = Eur(208.09m) },
            new("6", "KETTLE-STEEL", 1, Eur(39.95m), new ProductAttributes("kitchen")) { Tax = Eur(6.93m) },
            new("7", "SOCK-OUTLET", 2, Eur(4.50m), new ProductAttributes("outlet") { FinalSale = true }) { Tax = Eur(1.56m) },
            new("8", "GIFT-25", 1, Eur(25.00m), new ProductAttributes("gift_cards") { GiftCard = true }),
            new("9", "BOOK-ATLAS", 2, Eur(24.50m), new ProductAttributes("books")) { Tax = Eur(4.05m) },
            new("10", "LEGO-CITY-60321", 3, Eur(49.99m), new ProductAttributes("toys")) { Discount = Eur(10.00m), Tax = Eur(24.29m) },
        ];

        var gross = lines.Sum(l => l.Net.Amount) + 4.95m;
        return new Order("WEB-100987", SalesChannel.Web, Currency.EUR, placedAt, new Customer("C-0042") { Email = "anna@example.com", Tier = "gold" }, lines)
        {
            DeliveredAt = deliveredAt,
            ShippingAddress = new Address(CountryCode.Parse("NL"), "1012 AB") { City = "Amsterdam" },
            ShippingPaid = Eur(4.95m),
            Tenders = [new Tender(TenderKind.Card, Eur(gross - 50m)) { Reference = "psp_7Hq2" }, new Tender(TenderKind.GiftCard, Eur(50m))],
        };
    }

    // Placed before the holiday season, delivered two days later.
    public static Order Order() =>
        Order(new DateTimeOffset(2026, 10, 5, 19, 42, 0, TimeSpan.FromHours(2)), new DateTimeOffset(2026, 10, 7, 13, 10, 0, TimeSpan.FromHours(2)));

    // What the customer asks to return: seven of the ten lines, one of them defective (which waives fees).
    public static PolicyEvaluationRequest Request(Order order, DateTimeOffset at) => new(order)
    {
        At = at,
        AlreadyReturned = new Dictionary<string, int>(StringComparer.Ordinal) { ["2"] = 1, ["9"] = 2, ["10"] = 1 },
        Items =
        [
            new RequestedReturnLine("1", 1) { Reason = ReturnReason.TooSmall, Condition = new DeclaredCondition(PackagingState.Opened, UsageLevel.Light) },
            new RequestedReturnLine("2", 1) { Reason = ReturnReason.ChangedMind },
            new RequestedReturnLine("3", 1) { Reason = ReturnReason.ChangedMind, Condition = new DeclaredCondition(PackagingState.Opened, UsageLevel.Light) },
            new RequestedReturnLine("4", 1) { Reason = ReturnReason.ChangedMind, Condition = new DeclaredCondition(PackagingState.Sealed, UsageLevel.None) },
            new RequestedReturnLine("5", 1) { Reason = ReturnReason.BetterPriceFound },
            new RequestedReturnLine("6", 1)
            {
                Reason = ReturnReason.Defective,
                Comment = "Stops heating after a minute.",
                Condition = new DeclaredCondition(PackagingState.Opened, UsageLevel.Light) { DefectDescription = "Switches off after about a minute.", PhotoCount = 2 },
            },
            new RequestedReturnLine("10", 2) { Reason = ReturnReason.ChangedMind },
        ],
    };

    private static JsonObject WindowRule(string name, JsonObject when, int days) => new() { ["name"] = name, ["when"] = when, ["days"] = days };

    private static JsonObject Restocking(string name, JsonObject when, decimal percent) => new() { ["name"] = name, ["when"] = when, ["percent"] = percent };

    private static JsonObject Refund(string name, JsonObject when, params string[] allowed) => new() { ["name"] = name, ["when"] = when, ["allowed"] = Strings(allowed) };

    private static JsonObject Categories(params string[] categories) => When("categories", categories);

    private static JsonObject When(string dimension, params string[] values) => new() { [dimension] = Strings(values) };

    private static JsonObject With(this JsonObject when, string dimension, params string[] values)
    {
        when[dimension] = Strings(values);
        return when;
    }

    private static JsonArray Strings(params string[] values) => [.. values.Select(v => (JsonNode)JsonValue.Create(v))];

    private static JsonObject Eur(decimal amount) => new() { ["EUR"] = amount };
}
