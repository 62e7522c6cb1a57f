using Returns.Sdk.Carriers;

namespace Returns.Carriers.Ups.Internal;

// What this process knows about label purchases by idempotency key. UPS has no idempotency key, so the adapter keeps
// the answer to each purchase for a while (a repeat gets the same shipment without asking UPS) and remembers purchases
// whose outcome is unknown (a timeout, a 5xx, a lost connection), so that a repeat first asks UPS's Label Recovery
// for the label instead of buying a second one.
internal sealed class UpsShipmentLedger(TimeProvider timeProvider)
{
    // Labels are tens of kilobytes: keep a bounded number of answers, for long enough to cover a caller's retries.
    private const int MaxEntries = 1024;
    private static readonly TimeSpan AnswerRetention = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan UncertainRetention = TimeSpan.FromDays(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public enum State
    {
        Unknown,
        Uncertain,
        Created,
    }

    // Claims a key for a purchase. Answers the known shipment, or whether the previous outcome is uncertain; false
    // when a purchase with the same key is running right now (the
    // caller then fails transiently rather than racing it).
    public bool TryBegin(string key, out State previous, out ReturnShipment? shipment)
    {
        lock (_gate)
        {
            Prune();
            shipment = null;
            previous = State.Unknown;
            if (_entries.TryGetValue(key, out var entry))
            {
                if (entry.Running)
                {
                    return false;
                }

                previous = entry.State;
                if (entry.State == State.Created)
                {
                    shipment = entry.Shipment;
                    return true;
                }
            }

            _entries[key] = new Entry(previous, null, timeProvider.GetUtcNow()) { Running = true };
            return true;
        }
    }

    public void Created(string key, ReturnShipment shipment)
    {
        lock (_gate)
        {
            _entries[key] = new Entry(State.Created, shipment, timeProvider.GetUtcNow());
        }
    }

    // The purchase failed in a way that proves UPS did not create it (a 4xx answer): the key is free again.
    public void NotCreated(string key)
    {
        lock (_gate)
        {
            _entries.Remove(key);
        }
    }

    // The purchase ended without a readable answer: UPS may or may not have created it.
    public void Uncertain(string key)
    {
        lock (_gate)
        {
            _entries[key] = new Entry(State.Uncertain, null, timeProvider.GetUtcNow());
        }
    }

    private void Prune()
    {
        var now = timeProvider.GetUtcNow();
        List<string>? expired = null;
        foreach (var (key, entry) in _entries)
        {
            var retention = entry.State == State.Created ? AnswerRetention : UncertainRetention;
            if (!entry.Running && now - entry.At > retention)
            {
                (expired ??= []).Add(key);
            }
        }

        foreach (var key in expired ?? [])
        {
            _entries.Remove(key);
        }

        if (_entries.Count >= MaxEntries)
        {
            // Answers go first, oldest first: forgetting an answer costs a Label Recovery call, forgetting an
            // uncertain purchase could cost a second label.
            foreach (var key in _entries.Where(e => e.Value.State == State.Created).OrderBy(e => e.Value.At).Take(_entries.Count - MaxEntries + 1).Select(e => e.Key).ToList())
            {
                _entries.Remove(key);
            }
        }
    }

    private sealed record Entry(State State, ReturnShipment? Shipment, DateTimeOffset At)
    {
        public bool Running { get; init; }
    }
}
