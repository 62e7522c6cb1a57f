namespace Returns.Sdk.Geo.Internal;

// One point found by a search. While searching, Distance holds the squared chord between unit vectors (the ranking
// key); UnitSphereKdTree.RankByDistance replaces it with the great-circle kilometres the caller sees.
internal struct Candidate
{
    public double Distance;

    // The item's position in the caller's original order: the tie-breaker, and where the item and its location are.
    public int ItemIndex;

    public Candidate(double distance, int itemIndex)
    {
        Distance = distance;
        ItemIndex = itemIndex;
    }

    // Nearest first; equal distances by the caller's order, so every answer is deterministic.
    public readonly bool RanksAfter(in Candidate other) =>
        Distance > other.Distance || (Distance == other.Distance && ItemIndex > other.ItemIndex);
}

internal static class CandidateSorting
{
    // Sorts nearest first, ties by original order, in place. Span.Sort with a comparer would box it and allocate a
    // delegate per call; the span overload of Nearest promises to allocate nothing.
    public static void SortNearestFirst(Span<Candidate> candidates)
    {
        if (candidates.Length <= 16)
        {
            for (var i = 1; i < candidates.Length; i++)
            {
                var moving = candidates[i];
                var j = i;
                for (; j > 0 && candidates[j - 1].RanksAfter(moving); j--)
                {
                    candidates[j] = candidates[j - 1];
                }

                candidates[j] = moving;
            }

            return;
        }

        // Heapsort: O(n log n) whatever the input, nothing allocated.
        for (var start = (candidates.Length / 2) - 1; start >= 0; start--)
        {
            SiftDown(candidates, start, candidates.Length);
        }

        for (var end = candidates.Length - 1; end > 0; end--)
        {
            (candidates[0], candidates[end]) = (candidates[end], candidates[0]);
            SiftDown(candidates, 0, end);
        }
    }

    private static void SiftDown(Span<Candidate> heap, int at, int count)
    {
        var moving = heap[at];
        while (true)
        {
            var child = (2 * at) + 1;
            if (child >= count)
            {
                break;
            }

            if (child + 1 < count && heap[child + 1].RanksAfter(heap[child]))
            {
                child++;
            }

            if (!heap[child].RanksAfter(moving))
            {
                break;
            }

            heap[at] = heap[child];
            at = child;
        }

        heap[at] = moving;
    }
}
