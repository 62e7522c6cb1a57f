namespace Returns.Sdk.Geo.Internal;

// The searches are generic over a struct filter so that the unfiltered path compiles without any check and the
// filtered path calls the caller's predicate without allocating a closure.
internal interface ICandidateFilter
{
    // `itemIndex` is the item's position in the caller's order.
    bool Accepts(int itemIndex);
}

internal readonly struct AcceptAll : ICandidateFilter
{
    public bool Accepts(int itemIndex) => true;
}

internal readonly struct ItemPredicate<T> : ICandidateFilter
{
    private readonly T[] _items;
    private readonly Func<T, bool> _predicate;

    public ItemPredicate(T[] items, Func<T, bool> predicate)
    {
        _items = items;
        _predicate = predicate;
    }

    public bool Accepts(int itemIndex) => _predicate(_items[itemIndex]);
}
