namespace Returns.Sdk.Lifecycle;

/// <summary>One change in a return's history: the version it produced, when, by whom and what.</summary>
/// <param name="Version">The version of the return after the change (1 for its creation).</param>
/// <param name="At">When the change was made.</param>
/// <param name="Actor">Who made it and from where.</param>
/// <param name="From">The state before; <see langword="null"/> for the creation.</param>
/// <param name="To">The state after (equal to <paramref name="From"/> when only details changed, e.g. an expected arrival).</param>
/// <param name="Action">What happened, a snake_case word such as <c>created</c>, <c>authorized</c> or <c>tracking_updated</c>.</param>
public sealed record ReturnAuditEntry(long Version, DateTimeOffset At, ReturnActor Actor, ReturnState? From, ReturnState To, string Action)
{
    /// <summary>A short human note, e.g. a rejection reason. No personal data.</summary>
    public string? Note { get; init; }
}
