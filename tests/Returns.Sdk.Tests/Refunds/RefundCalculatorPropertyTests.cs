using FsCheck;
using FsCheck.Fluent;
using Returns.Sdk.Refunds;

namespace Returns.Sdk.Tests.Refunds;

// Random orders in currencies with 0, 2 and 3 decimals, returned in random partial steps until nothing is left.
public sealed class RefundCalculatorPropertyTests
{
    private static readonly Currency[] Currencies = [Currency.EUR, Currency.FromCode("JPY"), Currency.FromCode("BHD")];

    private static Arbitrary<int> Seeds => Gen.Choose(0, int.MaxValue).ToArbitrary();

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property RepeatedPartialRefunds_NeverExceedWhatWasPaid_AndAddUpExactlyWithoutFees() =>
        Prop.ForAll(Seeds, seed =>
        {
            var random = new Random(seed);
            var (order, paid) = RandomOrder(random);
            var withFees = random.Next(2) == 0;
            var history = RefundHistory.None;
            var refunded = Money.Zero(order.Currency);
            foreach (var step in RandomSteps(random, order))
            {
                var request = new RefundCalculationRequest(order, step)
                {
                    History = history,
                    OriginalShipping = OriginalShippingRefund.WholeOrder,
                    ReturnFee = withFees ? Amount(random, order.Currency, 10m) : null,
                };
                var refund = RefundCalculator.Calculate(request);
                CheckInvariants(refund);
                Assert.Equal(refund, RefundCalculator.Calculate(request), RefundComparer);
                history = history.Add(refund);
                refunded += refund.Total;
                Assert.True(refunded <= paid, $"refunded {refunded} of {paid} paid (seed {seed})");
            }

            if (!withFees)
            {
                Assert.Equal(paid, refunded);
            }
        });

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property AnyOrderOfPartialReturns_RefundsEachLineExactly() =>
        Prop.ForAll(Seeds, seed =>
        {
            var random = new Random(seed);
            var (order, _) = RandomOrder(random);
            var line = order.Lines[random.Next(order.Lines.Count)];
            Money OneByOne(IEnumerable<int> sizes)
            {
                var history = RefundHistory.None;
                var total = Money.Zero(order.Currency);
                foreach (var size in sizes)
                {
                    var refund = RefundCalculator.Calculate(new RefundCalculationRequest(order, [new RefundItem(line.LineId, size)]) { History = history });
                    history = history.Add(refund);
                    total += refund.Total;
                }

                return total;
            }

            var all = OneByOne([line.Quantity]);
            var singles = OneByOne(Enumerable.Repeat(1, line.Quantity));
            Assert.Equal(all, singles);
        });

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property StoreCreditAndExchange_KeepTheirSums() =>
        Prop.ForAll(Seeds, seed =>
        {
            var random = new Random(seed);
            var (order, _) = RandomOrder(random);
            var line = order.Lines[0];
            var credit = RefundCalculator.Calculate(new RefundCalculationRequest(order, [new RefundItem(line.LineId, line.Quantity)])
            {
                Resolution = RefundTypes.StoreCredit,
                StoreCreditBonusPercent = random.Next(0, 101),
            });
            Assert.Equal(credit.Total + credit.StoreCreditBonus, credit.Payout);
            CheckInvariants(credit);

            var exchange = RefundCalculator.Calculate(new RefundCalculationRequest(order, [new RefundItem(line.LineId, line.Quantity)])
            {
                Resolution = RefundTypes.Exchange,
                ExchangeItems = [ExchangeItem.OtherProduct("X", 1, Amount(random, order.Currency, 300m))],
            });
            Assert.Equal(exchange.Total - exchange.ExchangeValue + exchange.AmountDue, exchange.Payout);
            Assert.True(exchange.AmountDue.IsZero || exchange.Payout.IsZero);
            CheckInvariants(exchange);
        });

    private static readonly IEqualityComparer<RefundCalculation> RefundComparer = EqualityComparer<RefundCalculation>.Create(
        (a, b) => a!.Total == b!.Total && a.Lines.SequenceEqual(b.Lines) && a.Tenders.SequenceEqual(b.Tenders) && a.Shipping == b.Shipping && a.ReturnFee == b.ReturnFee);

    private static void CheckInvariants(RefundCalculation refund)
    {
        var lines = refund.Lines.Aggregate(Money.Zero(refund.Currency), (sum, l) => sum + l.Amount);
        Assert.Equal(refund.Total, lines + refund.Shipping - refund.ReturnFee);
        Assert.Equal(refund.Payout, refund.Tenders.Aggregate(Money.Zero(refund.Currency), (sum, t) => sum + t.Amount));
        if (refund.Resolution == RefundTypes.OriginalPayment)
        {
            Assert.Equal(refund.Total, refund.Payout);
        }

        Assert.False(refund.Total.IsNegative);
        Assert.All(refund.Tenders, t => Assert.True(t.Amount.Amount > 0m));
        var amounts = refund.Lines.SelectMany(l => new[] { l.Paid, l.Tax, l.Discount, l.RestockingFee, l.Deduction, l.Amount })
            .Concat([refund.Total, refund.Shipping, refund.ReturnFee, refund.Payout, refund.StoreCreditBonus, refund.AmountDue])
            .Concat(refund.Tenders.Select(t => t.Amount));
        Assert.All(amounts, m => Assert.True(refund.Currency.IsWhole(m.Amount) && !m.IsNegative, $"{m} is not a whole, non-negative amount"));
    }

    private static (Order Order, Money Paid) RandomOrder(Random random)
    {
        var currency = Currencies[random.Next(Currencies.Length)];
        var lines = new List<OrderLine>();
        for (var i = 0; i < random.Next(1, 6); i++)
        {
            var quantity = random.Next(1, 6);
            var price = Amount(random, currency, 500m);
            var gross = price * quantity;
            lines.Add(new OrderLine($"L{i}", $"SKU-{i}", quantity, price, new ProductAttributes("any"))
            {
                Discount = random.Next(3) == 0 ? gross.Multiply((decimal)random.NextDouble()).Round() : Money.Zero(currency),
                Tax = gross.Multiply(0.2m).Round(),
            });
        }

        var includeTax = random.Next(2) == 0;
        var net = lines.Aggregate(Money.Zero(currency), (sum, l) => sum + l.Net);
        var orderDiscount = random.Next(3) == 0 ? net.Multiply((decimal)random.NextDouble() / 2).Round() : Money.Zero(currency);
        var shipping = random.Next(2) == 0 ? Amount(random, currency, 15m) : Money.Zero(currency);
        var tax = includeTax ? Money.Zero(currency) : lines.Aggregate(Money.Zero(currency), (sum, l) => sum + l.Tax);
        var paid = net - orderDiscount + shipping + tax;
        var tenders = new List<Tender>();
        var left = paid;
        var kinds = Enum.GetValues<TenderKind>();
        while (left.Amount > 0m)
        {
            var part = tenders.Count < 3 ? Money.Min(left, left.Multiply((decimal)random.NextDouble()).Round()) : left;
            if (part.Amount <= 0m)
            {
                part = left;
            }

            tenders.Add(new Tender(kinds[random.Next(kinds.Length)], part) { Reference = $"t{tenders.Count}" });
            left -= part;
        }

        var order = new Order("R-1", SalesChannel.Web, currency, DateTimeOffset.UnixEpoch, new Customer("C"), lines)
        {
            PricesIncludeTax = includeTax,
            ShippingPaid = shipping,
            OrderDiscount = orderDiscount,
            Tenders = tenders,
        };
        return (order, paid);
    }

    // Random partial returns until every unit is back: each step takes some units of some lines.
    private static IEnumerable<RefundItem[]> RandomSteps(Random random, Order order)
    {
        var left = order.Lines.ToDictionary(l => l.LineId, l => l.Quantity);
        while (left.Values.Any(q => q > 0))
        {
            var step = left.Where(p => p.Value > 0 && random.Next(2) == 0).Select(p => new RefundItem(p.Key, random.Next(1, p.Value + 1))).ToArray();
            if (step.Length == 0)
            {
                continue;
            }

            foreach (var item in step)
            {
                left[item.LineId] -= item.Quantity;
            }

            yield return step;
        }
    }

    private static Money Amount(Random random, Currency currency, decimal max) =>
        new Money((decimal)random.NextDouble() * max, currency).Round() is { IsZero: false } amount ? amount : new Money(1m, currency);
}
