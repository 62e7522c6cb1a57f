namespace Returns.Sdk.Events.Internal;

internal static class OutboxBackoff
{
    // initial × 2^failedBefore, capped; a subscriber's Retry-After wins when longer, but never beyond the cap, so that
    // a misbehaving endpoint cannot park events for days.
    public static TimeSpan Delay(int failedBefore, TimeSpan initial, TimeSpan max, TimeSpan? retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(failedBefore);
        var ticks = initial.Ticks * Math.Pow(2, Math.Min(failedBefore, 62));
        var backoff = ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
        if (retryAfter is { } asked && asked > backoff)
        {
            backoff = asked < max ? asked : max;
        }

        return backoff;
    }
}
