using Returns.Sdk.Carriers;

namespace Returns.Carriers.DhlParcelDe.Internal;

// DHL's returns API has neither an idempotency key nor a way to look an order up by reference, so the adapter keeps,
// per process, what became of each idempotency key: created (answer the same shipment again), in flight (a concurrent
// twin waits its turn), or in doubt (the create failed without a definite answer; it is never sent again). Entries
// expire after a day and the ledger holds a bounded number of keys; across processes the caller's own idempotency
// store is what prevents a second purchase.
internal sealed class CreateLedger(TimeProvider timeProvider)
{
    public static readonly TimeSpan RememberFor = TimeSpan.FromHours(24);
    public const int Capacity = 10_000;

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public enum State
    {
        Free,
        InFlight,
        Created,
        InDoubt,
    }

    // Claims the key for a create when it is free; otherwise says what the key already holds.
    public State TryClaim(string key, out ReturnShipment? created)
    {
        var now = timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry) && entry.Expires > now)
            {
                created = entry.Shipment;
                return entry.State;
            }

            Trim(now);
            _entries[key] = new Entry(State.InFlight, null, now + RememberFor);
            created = null;
            return State.Free;
        }
    }

    public void Created(string key, ReturnShipment shipment) => Set(key, State.Created, shipment);

    public void InDoubt(string key) => Set(key, State.InDoubt, null);

    // The carrier definitely did not create anything: the key may be used again.
    public void Release(string key)
    {
        lock (_gate)
        {
            _entries.Remove(key);
        }
    }

    private void Set(string key, State state, ReturnShipment? shipment)
    {
        var now = timeProvider.GetUtcNow();
        lock (_gate)
        {
            _entries[key] = new Entry(state, shipment, now + RememberFor);
        }
    }

    private void Trim(DateTimeOffset now)
    {
        if (_entries.Count < Capacity)
        {
            return;
        }

        foreach (var expired in _entries.Where(e => e.Value.Expires <= now).Select(e => e.Key).ToList())
        {
            _entries.Remove(expired);
        }

        // Still full of live keys: forget the oldest created ones first; in-flight and in-doubt keys are kept, since
        // forgetting them is what could buy a second label.
        var excess = _entries.Count - Capacity + 1;
        foreach (var oldest in _entries.Where(e => e.Value.State == State.Created).OrderBy(e => e.Value.Expires).Take(excess).Select(e => e.Key).ToList())
        {
            _entries.Remove(oldest);
        }
    }

    private sealed record Entry(State State, ReturnShipment? Shipment, DateTimeOffset Expires);
}
