using Returns.Sdk;
using Returns.Sdk.Lifecycle;

namespace Returns.Storage.Testing;

/// <summary>Builds returns and changes for store tests: valid by construction, so a test states only what it is about.</summary>
public static class ReturnStoreTestData
{
    /// <summary>A fixed instant the data starts from, with a non-UTC offset so that offset handling is exercised.</summary>
    public static DateTimeOffset Epoch { get; } = new(2026, 3, 28, 23, 30, 0, TimeSpan.FromHours(1));

    /// <summary>A new return in <see cref="ReturnState.Requested"/> at version 1.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="orderNumbers">The orders, one line each; defaults to one order.</param>
    /// <param name="createdAt">When; defaults to <see cref="Epoch"/>.</param>
    /// <returns>The return, with a random RMA number.</returns>
    public static ReturnRequest NewReturn(string customerId = "customer-1", IReadOnlyList<string>? orderNumbers = null, DateTimeOffset? createdAt = null)
    {
        orderNumbers ??= ["WEB-1001"];
        var lines = orderNumbers.Select((order, i) => new ReturnRequestLine(order, $"L{i + 1}", $"SKU-{i + 1}", i + 1, "too_small")
        {
            Category = "apparel",
            Condition = new DeclaredCondition(PackagingState.Opened, UsageLevel.Light) { TagsAttached = true, PhotoCount = i },
        }).ToArray();
        return new ReturnRequest(RmaNumber.NewRandom(), customerId, lines, createdAt ?? Epoch);
    }

    /// <summary>The change that creates <paramref name="created"/>, with its <c>return.created</c> event.</summary>
    /// <param name="created">A return at version 1.</param>
    /// <param name="key">The idempotency key the change completes.</param>
    /// <returns>The change.</returns>
    public static ReturnChange Create(ReturnRequest created, IdempotencyKey? key = null)
    {
        ArgumentNullException.ThrowIfNull(created);
        return new ReturnChange(created, 0, new ReturnAuditEntry(1, created.CreatedAt, ReturnActor.Customer, null, created.State, "created"))
        {
            Events = [new ReturnEvent(Guid.NewGuid(), ReturnEventTypes.Created, created.Rma, 1, created.CreatedAt)],
            IdempotencyKey = key,
        };
    }

    /// <summary>The change that moves <paramref name="current"/> to <paramref name="state"/> one minute later, with one event.</summary>
    /// <param name="current">The return as stored.</param>
    /// <param name="state">The new state (not checked against the state machine: stores do not judge moves).</param>
    /// <param name="adjust">Further changes to the new version, e.g. a tracking number.</param>
    /// <param name="key">The idempotency key the change completes.</param>
    /// <returns>The change.</returns>
    public static ReturnChange Move(ReturnRequest current, ReturnState state, Func<ReturnRequest, ReturnRequest>? adjust = null, IdempotencyKey? key = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        var at = current.UpdatedAt.AddMinutes(1);
        var next = current with { State = state, Version = current.Version + 1, UpdatedAt = at };
        next = adjust?.Invoke(next) ?? next;
        var actor = new ReturnActor(ReturnChannel.Warehouse, "associate-7") { LocationId = "WH-1" };
        return new ReturnChange(next, current.Version, new ReturnAuditEntry(next.Version, at, actor, current.State, state, state.ToString().ToUpperInvariant()) { Note = "moved" })
        {
            Events = [new ReturnEvent(Guid.NewGuid(), "return." + state.ToString().ToUpperInvariant(), next.Rma, next.Version, at)],
            IdempotencyKey = key,
        };
    }
}
