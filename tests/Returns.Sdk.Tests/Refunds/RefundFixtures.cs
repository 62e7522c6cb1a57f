namespace Returns.Sdk.Tests.Refunds;

// A web order worked through by hand in RefundCalculatorTests:
//   line 1: 3 x 19.95, line discount 6.00 -> net 53.85, tax 9.35
//   line 2: 1 x 89.95 -> net 89.95, tax 15.61
//   order discount 10.00 prorated by net (5385 : 8995 cents) -> 3.74 and 6.26
//   paid: line 1 50.11, line 2 83.69, shipping 4.95 -> 138.75 = gift card 38.75 + card 100.00
internal static class RefundFixtures
{
    public static readonly DateTimeOffset Placed = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(1));

    public static Money Eur(decimal amount) => new(amount, Currency.EUR);

    public static Order WebOrder(bool pricesIncludeTax = true, IReadOnlyList<Tender>? tenders = null, string number = "WEB-1") =>
        new(number, SalesChannel.Web, Currency.EUR, Placed, new Customer("C-1") { Email = "anna@example.com" },
        [
            new OrderLine("1", "TEE-M", 3, Eur(19.95m), new ProductAttributes("apparel")) { Discount = Eur(6.00m), Tax = Eur(9.35m) },
            new OrderLine("2", "SNK-42", 1, Eur(89.95m), new ProductAttributes("shoes")) { Tax = Eur(15.61m) },
        ])
        {
            DeliveredAt = Placed.AddDays(2),
            ShippingAddress = new Address(CountryCode.Parse("NL"), "1012 AB"),
            PricesIncludeTax = pricesIncludeTax,
            ShippingPaid = Eur(4.95m),
            OrderDiscount = Eur(10.00m),
            Tenders = tenders ?? [new Tender(TenderKind.Card, Eur(100.00m)) { Reference = "psp_card" }, new Tender(TenderKind.GiftCard, Eur(38.75m)) { Reference = "gc_1" }],
        };
}
