using Returns.Sdk.Carriers;
using Returns.Sdk.Policy;
using Returns.Sdk.Serialization;

namespace Returns.Sdk.Tests.Serialization;

public sealed class SnakeCaseNamesTests
{
    [Fact]
    public void ToName_EveryDecisionCode_IsDistinctSnakeCase()
    {
        var names = Enum.GetValues<PolicyDecisionCode>().Select(c => c.ToName()).ToArray();

        Assert.All(names, n => Assert.Matches("^[a-z]+(_[a-z]+)*$", n));
        Assert.Equal(names.Length, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("within_eu_withdrawal_period", PolicyDecisionCode.WithinEuWithdrawalPeriod.ToName());
    }

    [Fact]
    public void ToName_EveryWindowSource_IsDistinctSnakeCase()
    {
        var names = Enum.GetValues<WindowSource>().Select(s => s.ToName()).ToArray();

        Assert.Equal(["standard", "rule", "seasonal_extension", "eu_withdrawal"], names);
    }

    [Fact]
    public void DropOffKindNames_RoundTripExactlyOrIgnoringCaseWhenAsked()
    {
        foreach (var kind in Enum.GetValues<DropOffKind>())
        {
            Assert.True(SnakeCaseNames.TryParseDropOffKind(kind.ToName(), out var parsed));
            Assert.Equal(kind, parsed);
            Assert.False(SnakeCaseNames.TryParseDropOffKind(kind.ToName().ToUpperInvariant(), out _));
            Assert.True(SnakeCaseNames.TryParseDropOffKind(kind.ToName().ToUpperInvariant(), out parsed, StringComparison.OrdinalIgnoreCase));
            Assert.Equal(kind, parsed);
        }

        Assert.Equal(["post_office", "parcel_locker", "pickup_point", "store", "mailbox"], SnakeCaseNames.DropOffKinds);
        Assert.False(SnakeCaseNames.TryParseDropOffKind("locker", out _));
        Assert.False(SnakeCaseNames.TryParseDropOffKind("", out _));
    }

    [Fact]
    public void PlaceKind_EveryMethodButHomePickupNeedsAPlace()
    {
        Assert.Equal(DropOffKind.Store, ReturnMethod.InStore.PlaceKind());
        Assert.Equal(DropOffKind.ParcelLocker, ReturnMethod.ParcelLocker.PlaceKind());
        Assert.Equal(DropOffKind.Mailbox, ReturnMethod.Mailbox.PlaceKind());
        Assert.Null(ReturnMethod.HomePickup.PlaceKind());
    }

    [Fact]
    public void ReturnMethodNames_RoundTrip()
    {
        foreach (var method in Enum.GetValues<ReturnMethod>())
        {
            Assert.True(SnakeCaseNames.TryParseReturnMethod(method.ToName(), out var parsed));
            Assert.Equal(method, parsed);
        }

        Assert.False(SnakeCaseNames.TryParseReturnMethod("PostOffice", out _));
    }

    [Fact]
    public void RefundTypeNames_RoundTrip()
    {
        var all = RefundTypes.OriginalPayment | RefundTypes.StoreCredit | RefundTypes.Exchange;
        var parsed = all.ToNames().Aggregate(RefundTypes.None, (set, name) => SnakeCaseNames.TryParseRefundType(name, out var t) ? set | t : set);

        Assert.Equal(all, parsed);
        Assert.Empty(RefundTypes.None.ToNames());
    }
}
