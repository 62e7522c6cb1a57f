using FsCheck;
using FsCheck.Fluent;
using Returns.Sdk.Events.Internal;

namespace Returns.Sdk.Tests.Events;

public sealed class OutboxBackoffTests
{
    [Fact]
    public void Delay_NoRetryAfter_DoublesPerFailureUntilTheCap()
    {
        var delays = Enumerable.Range(0, 8).Select(n => OutboxBackoff.Delay(n, TimeSpan.FromSeconds(30), TimeSpan.FromHours(1), null).TotalSeconds);

        Assert.Equal([30, 60, 120, 240, 480, 960, 1920, 3600], delays);
    }

    [Fact]
    public void Delay_VeryManyFailures_StaysAtTheCapWithoutOverflow()
    {
        Assert.Equal(TimeSpan.FromDays(7), OutboxBackoff.Delay(int.MaxValue, TimeSpan.FromDays(1), TimeSpan.FromDays(7), null));
    }

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property Delay_AnyInput_IsNonDecreasingWithinBoundsAndHonoursRetryAfterUpToTheCap() =>
        Prop.ForAll(
            (from failedBefore in Gen.Choose(0, 80)
             from initialMs in Gen.Choose(1, 3_600_000)
             from extraMs in Gen.Choose(1, 86_400_000)
             from retryAfterMs in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(0, 100_000_000).Select(ms => (int?)ms))
             select (failedBefore, initialMs, extraMs, retryAfterMs)).ToArbitrary(),
            ((int FailedBefore, int InitialMs, int ExtraMs, int? RetryAfterMs) input) =>
            {
                var initial = TimeSpan.FromMilliseconds(input.InitialMs);
                var max = initial + TimeSpan.FromMilliseconds(input.ExtraMs);
                TimeSpan? retryAfter = input.RetryAfterMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null;
                var delay = OutboxBackoff.Delay(input.FailedBefore, initial, max, retryAfter);
                var next = OutboxBackoff.Delay(input.FailedBefore + 1, initial, max, retryAfter);
                var honoured = retryAfter is not { } asked || delay >= (asked < max ? asked : max);
                return delay >= initial && delay <= max && next >= delay && honoured;
            });
}
