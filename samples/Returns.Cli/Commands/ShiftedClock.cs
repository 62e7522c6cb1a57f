namespace Returns.Cli.Commands;

/// <summary>
/// A clock that reads <c>start</c> when created and then moves as the underlying clock moves: <c>--at</c> sets "now"
/// without freezing time, so leases and waits inside the SDK still expire.
/// </summary>
internal sealed class ShiftedClock : TimeProvider
{
    private readonly TimeProvider _underlying;
    private readonly TimeSpan _shift;

    /// <summary>Creates the clock.</summary>
    /// <param name="underlying">The clock that keeps time (the system clock, or a test's fake one).</param>
    /// <param name="start">What this clock reads now.</param>
    public ShiftedClock(TimeProvider underlying, DateTimeOffset start)
    {
        _underlying = underlying ?? throw new ArgumentNullException(nameof(underlying));
        _shift = start.UtcDateTime - underlying.GetUtcNow().UtcDateTime;
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _underlying.GetUtcNow() + _shift;
}
