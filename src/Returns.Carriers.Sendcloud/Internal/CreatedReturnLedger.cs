using System.Collections.Concurrent;

namespace Returns.Carriers.Sendcloud.Internal;

// Remembers, per idempotency key, the return Sendcloud created, so that a retried CreateShipmentAsync (the label
// download failed, the caller's connection dropped) reads the same return again instead of announcing a second one.
// Bounded in size and age; across processes Sendcloud's refusal of a reused external_reference is the guard.
internal sealed class CreatedReturnLedger(TimeProvider timeProvider)
{
    internal const int Capacity = 10_000;
    internal static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string idempotencyKey, out long returnId, out long parcelId)
    {
        if (_entries.TryGetValue(idempotencyKey, out var entry) && timeProvider.GetUtcNow() - entry.At < Lifetime)
        {
            (returnId, parcelId) = (entry.ReturnId, entry.ParcelId);
            return true;
        }

        (returnId, parcelId) = (0, 0);
        return false;
    }

    public void Record(string idempotencyKey, long returnId, long parcelId)
    {
        var now = timeProvider.GetUtcNow();
        _entries[idempotencyKey] = new Entry(returnId, parcelId, now);
        if (_entries.Count <= Capacity)
        {
            return;
        }

        foreach (var stale in _entries.Where(e => now - e.Value.At >= Lifetime).Select(e => e.Key).ToList())
        {
            _entries.TryRemove(stale, out _);
        }

        foreach (var oldest in _entries.OrderBy(e => e.Value.At).Take(Math.Max(0, _entries.Count - Capacity)).Select(e => e.Key).ToList())
        {
            _entries.TryRemove(oldest, out _);
        }
    }

    private readonly record struct Entry(long ReturnId, long ParcelId, DateTimeOffset At);
}
