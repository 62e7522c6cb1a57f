namespace Returns.Sdk.Lifecycle;

/// <summary>
/// One atomic change for <see cref="IReturnStore.CommitAsync"/>: the return as it is to be, the version it was made
/// from, its audit entry, its events and the idempotency key it completes. All of it is written, or none.
/// </summary>
/// <param name="Return">The return after the change; its version must be <paramref name="ExpectedVersion"/> + 1.</param>
/// <param name="ExpectedVersion">The version the change was made from; 0 to create the return.</param>
/// <param name="Audit">The history entry; its version must equal the new version.</param>
public sealed record ReturnChange(ReturnRequest Return, long ExpectedVersion, ReturnAuditEntry Audit)
{
    /// <summary>The events to put in the outbox.</summary>
    public IReadOnlyList<ReturnEvent> Events { get; init; } = [];

    /// <summary>Documents to keep with the return; one with the name of an existing attachment replaces it.</summary>
    public IReadOnlyList<ReturnAttachment> Attachments { get; init; } = [];

    /// <summary>The key this change completes, claimed earlier with <see cref="IReturnStore.ClaimIdempotencyKeyAsync"/>.</summary>
    public IdempotencyKey? IdempotencyKey { get; init; }

    /// <summary>Checks that the parts agree.</summary>
    /// <exception cref="ArgumentException">The versions or the RMA numbers disagree.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Return);
        ArgumentNullException.ThrowIfNull(Audit);
        ArgumentOutOfRangeException.ThrowIfNegative(ExpectedVersion);
        if (Return.Version != ExpectedVersion + 1 || Audit.Version != Return.Version)
        {
            throw new ArgumentException($"A change from version {ExpectedVersion} must produce version {ExpectedVersion + 1} with an audit entry of that version; got return version {Return.Version} and audit version {Audit.Version}.");
        }

        foreach (var e in Events)
        {
            if (e.Rma != Return.Rma || e.Version != Return.Version)
            {
                throw new ArgumentException($"Event {e.Type} describes {e.Rma} version {e.Version}, not {Return.Rma} version {Return.Version}.");
            }
        }
    }
}
