using System.Buffers;

namespace Returns.Sdk.Geo.Internal;

internal sealed partial class UnitSphereKdTree
{
    // Depth-first, nearer child first, keeping the best candidates in a bounded max-heap (worst at the root).
    private ref struct NearestSearch<TFilter>
        where TFilter : ICandidateFilter
    {
        private readonly UnitVector[] _points;
        private readonly int[] _itemIndex;
        private readonly float[] _boxes;
        private readonly int _leafDepth;
        private readonly UnitVector _query;
        private readonly Span<Candidate> _heap;
        private readonly TFilter _filter;
        private int _count;

        // Squared chord a point must not exceed to be taken: the bound until the heap is full, then its root's.
        private double _worst;

        // Nodes farther than this cannot hold the answer nor a near tie with it: _worst with slack.
        private double _pruneAbove;

        public NearestSearch(UnitSphereKdTree tree, UnitVector query, Span<Candidate> heap, double maxChordSquared, TFilter filter)
        {
            _points = tree._points;
            _itemIndex = tree._itemIndex;
            _boxes = tree._boxes;
            _leafDepth = tree._leafDepth;
            _query = query;
            _heap = heap;
            _filter = filter;
            _count = 0;
            _worst = maxChordSquared;
            _pruneAbove = WithSlack(maxChordSquared);
            NearestLeftOut = double.PositiveInfinity;
        }

        // The smallest chord squared of a point seen but not kept (beyond the worst, lost a tie, or evicted); points
        // the filter rejected do not count.
        public double NearestLeftOut { get; private set; }

        public int Run()
        {
            if (BoxDistanceSquared(_boxes, 0, _query) <= _pruneAbove)
            {
                Visit(0, 0, _itemIndex.Length, _leafDepth);
            }

            return _count;
        }

        private void Visit(int node, int lo, int hi, int levelsLeft)
        {
            if (levelsLeft == 0)
            {
                ScanLeaf(lo, hi);
                return;
            }

            var mid = lo + ((hi - lo) >> 1);
            var left = (2 * node) + 1;
            var right = left + 1;
            var toLeft = BoxDistanceSquared(_boxes, left, _query);
            var toRight = BoxDistanceSquared(_boxes, right, _query);
            if (toLeft <= toRight)
            {
                if (toLeft <= _pruneAbove)
                {
                    Visit(left, lo, mid, levelsLeft - 1);
                }

                if (toRight <= _pruneAbove)
                {
                    Visit(right, mid, hi, levelsLeft - 1);
                }
            }
            else
            {
                if (toRight <= _pruneAbove)
                {
                    Visit(right, mid, hi, levelsLeft - 1);
                }

                if (toLeft <= _pruneAbove)
                {
                    Visit(left, lo, mid, levelsLeft - 1);
                }
            }
        }

        private void ScanLeaf(int lo, int hi)
        {
            var points = _points.AsSpan(lo, hi - lo);
            for (var i = 0; i < points.Length; i++)
            {
                var distance = points[i].ChordSquaredTo(_query);
                if (distance <= _worst)
                {
                    Offer(new Candidate(distance, _itemIndex[lo + i]));
                }
                else if (distance < NearestLeftOut)
                {
                    NearestLeftOut = distance;
                }
            }
        }

        private void Offer(in Candidate candidate)
        {
            if (_count < _heap.Length)
            {
                if (!_filter.Accepts(candidate.ItemIndex))
                {
                    return;
                }

                var child = _count++;
                while (child > 0)
                {
                    var parent = (child - 1) >> 1;
                    if (!candidate.RanksAfter(_heap[parent]))
                    {
                        break;
                    }

                    _heap[child] = _heap[parent];
                    child = parent;
                }

                _heap[child] = candidate;
                if (_count == _heap.Length)
                {
                    SetWorst(_heap[0].Distance);
                }

                return;
            }

            // Full: only a candidate that ranks before the worst one gets in (equal distance, lower index included).
            if (!_heap[0].RanksAfter(candidate))
            {
                NearestLeftOut = Math.Min(NearestLeftOut, candidate.Distance);
                return;
            }

            if (!_filter.Accepts(candidate.ItemIndex))
            {
                return;
            }

            NearestLeftOut = Math.Min(NearestLeftOut, _heap[0].Distance);
            var at = 0;
            while (true)
            {
                var largest = at;
                var first = (2 * at) + 1;
                var largestCandidate = candidate;
                if (first < _count && _heap[first].RanksAfter(largestCandidate))
                {
                    largest = first;
                    largestCandidate = _heap[first];
                }

                if (first + 1 < _count && _heap[first + 1].RanksAfter(largestCandidate))
                {
                    largest = first + 1;
                }

                if (largest == at)
                {
                    break;
                }

                _heap[at] = _heap[largest];
                at = largest;
            }

            _heap[at] = candidate;
            SetWorst(_heap[0].Distance);
        }

        private void SetWorst(double worst)
        {
            _worst = worst;
            _pruneAbove = WithSlack(worst);
        }
    }

    private ref struct WithinSearch<TFilter>
        where TFilter : ICandidateFilter
    {
        private readonly UnitVector[] _points;
        private readonly int[] _itemIndex;
        private readonly float[] _boxes;
        private readonly int _leafDepth;
        private readonly UnitVector _query;
        private readonly double _bound;
        private readonly TFilter _filter;
        private Candidate[] _found;
        private int _count;

        public WithinSearch(UnitSphereKdTree tree, UnitVector query, double maxChordSquared, TFilter filter)
        {
            _points = tree._points;
            _itemIndex = tree._itemIndex;
            _boxes = tree._boxes;
            _leafDepth = tree._leafDepth;
            _query = query;
            _bound = maxChordSquared;
            _filter = filter;
            _found = ArrayPool<Candidate>.Shared.Rent(16);
            _count = 0;
        }

        public Candidate[] Run(out int found)
        {
            try
            {
                if (_itemIndex.Length > 0 && BoxDistanceSquared(_boxes, 0, _query) <= _bound)
                {
                    Visit(0, 0, _itemIndex.Length, _leafDepth);
                }
            }
            catch
            {
                // A throwing filter must not leak the rented buffer.
                ArrayPool<Candidate>.Shared.Return(_found);
                throw;
            }

            found = _count;
            return _found;
        }

        private void Visit(int node, int lo, int hi, int levelsLeft)
        {
            if (levelsLeft == 0)
            {
                ScanLeaf(lo, hi);
                return;
            }

            var mid = lo + ((hi - lo) >> 1);
            var left = (2 * node) + 1;
            if (BoxDistanceSquared(_boxes, left, _query) <= _bound)
            {
                Visit(left, lo, mid, levelsLeft - 1);
            }

            if (BoxDistanceSquared(_boxes, left + 1, _query) <= _bound)
            {
                Visit(left + 1, mid, hi, levelsLeft - 1);
            }
        }

        private void ScanLeaf(int lo, int hi)
        {
            for (var position = lo; position < hi; position++)
            {
                var distance = _points[position].ChordSquaredTo(_query);
                if (distance <= _bound && _filter.Accepts(_itemIndex[position]))
                {
                    if (_count == _found.Length)
                    {
                        var larger = ArrayPool<Candidate>.Shared.Rent(2 * _found.Length);
                        _found.AsSpan().CopyTo(larger);
                        ArrayPool<Candidate>.Shared.Return(_found);
                        _found = larger;
                    }

                    _found[_count++] = new Candidate(distance, _itemIndex[position]);
                }
            }
        }
    }
}
