namespace Returns.Sdk.Geo.Internal;

internal sealed partial class UnitSphereKdTree
{
    // The selection runs once per axis type, so the coordinate it compares is a field read, not a switch.
    private interface IAxis
    {
        static abstract double Of(in UnitVector point);
    }

    // How many points of a node are looked at to choose its split axis.
    private const int AxisSampleSize = 256;

    private readonly struct Builder
    {
        private readonly UnitVector[] _points;
        private readonly int[] _itemIndex;
        private readonly float[] _boxes;

        public Builder(UnitVector[] points, int[] itemIndex, float[] boxes)
        {
            _points = points;
            _itemIndex = itemIndex;
            _boxes = boxes;
        }

        public void BuildNode(int node, int lo, int hi, int levelsLeft)
        {
            var box = _boxes.AsSpan(node * BoxStride, BoxStride);
            if (levelsLeft == 0)
            {
                var (min, max) = Extent(lo, hi, step: 1);
                box[0] = FloatAtMost(min.X);
                box[1] = FloatAtMost(min.Y);
                box[2] = FloatAtMost(min.Z);
                box[3] = FloatAtLeast(max.X);
                box[4] = FloatAtLeast(max.Y);
                box[5] = FloatAtLeast(max.Z);
                return;
            }

            // Split the widest extent at the median, so that both halves hold as many points and stay compact. The
            // extent of a sample of the points is enough to pick the axis (it only steers how well queries prune);
            // the boxes themselves are exact, the union of the children's.
            var (sampleMin, sampleMax) = Extent(lo, hi, step: Math.Max(1, (hi - lo) / AxisSampleSize));
            var (width, height, depth) = (sampleMax.X - sampleMin.X, sampleMax.Y - sampleMin.Y, sampleMax.Z - sampleMin.Z);
            var mid = lo + ((hi - lo) >> 1);
            if (width >= height && width >= depth)
            {
                Select<AxisX>(lo, hi - 1, mid);
            }
            else if (height >= depth)
            {
                Select<AxisY>(lo, hi - 1, mid);
            }
            else
            {
                Select<AxisZ>(lo, hi - 1, mid);
            }

            var left = (2 * node) + 1;
            BuildNode(left, lo, mid, levelsLeft - 1);
            BuildNode(left + 1, mid, hi, levelsLeft - 1);
            var leftBox = _boxes.AsSpan(left * BoxStride, BoxStride);
            var rightBox = _boxes.AsSpan((left + 1) * BoxStride, BoxStride);
            for (var i = 0; i < 3; i++)
            {
                box[i] = Math.Min(leftBox[i], rightBox[i]);
                box[3 + i] = Math.Max(leftBox[3 + i], rightBox[3 + i]);
            }
        }

        private (UnitVector Min, UnitVector Max) Extent(int lo, int hi, int step)
        {
            double minX = double.PositiveInfinity, minY = double.PositiveInfinity, minZ = double.PositiveInfinity;
            double maxX = double.NegativeInfinity, maxY = double.NegativeInfinity, maxZ = double.NegativeInfinity;
            for (var i = lo; i < hi; i += step)
            {
                ref readonly var point = ref _points[i];
                minX = Math.Min(minX, point.X);
                maxX = Math.Max(maxX, point.X);
                minY = Math.Min(minY, point.Y);
                maxY = Math.Max(maxY, point.Y);
                minZ = Math.Min(minZ, point.Z);
                maxZ = Math.Max(maxZ, point.Z);
            }

            return (new UnitVector(minX, minY, minZ), new UnitVector(maxX, maxY, maxZ));
        }

        // A box rounded outwards to float still contains every point of the double box.
        private static float FloatAtMost(double value)
        {
            var rounded = (float)value;
            return rounded > value ? MathF.BitDecrement(rounded) : rounded;
        }

        private static float FloatAtLeast(double value)
        {
            var rounded = (float)value;
            return rounded < value ? MathF.BitIncrement(rounded) : rounded;
        }

        // Quickselect (Hoare partition): afterwards no point in [left, nth) lies above the point at nth on the axis
        // and none in (nth, right] below it. Equal values are swapped evenly to both sides, so many duplicates cost
        // nothing extra. Any pivot taken from the range guarantees progress; a good one saves passes over the data.
        private void Select<TAxis>(int left, int right, int nth)
            where TAxis : IAxis
        {
            var points = _points;
            while (right > left)
            {
                if (right - left < 16)
                {
                    InsertionSort<TAxis>(left, right);
                    return;
                }

                var pivot = right - left > 1024
                    ? SamplePivot<TAxis>(left, right, nth)
                    : MedianOfThree(TAxis.Of(points[left]), TAxis.Of(points[left + ((right - left) >> 1)]), TAxis.Of(points[right]));
                var i = left;
                var j = right;
                do
                {
                    while (TAxis.Of(points[i]) < pivot)
                    {
                        i++;
                    }

                    while (TAxis.Of(points[j]) > pivot)
                    {
                        j--;
                    }

                    if (i <= j)
                    {
                        Swap(i, j);
                        i++;
                        j--;
                    }
                }
                while (i <= j);

                if (nth <= j)
                {
                    right = j;
                }
                else if (nth >= i)
                {
                    left = i;
                }
                else
                {
                    return;
                }
            }
        }

        // The sample element at nth's relative rank in an evenly spread sample of 63: usually within a few percent of
        // the true rank, so one partition pass leaves a small range around nth instead of about half of it.
        private double SamplePivot<TAxis>(int left, int right, int nth)
            where TAxis : IAxis
        {
            const int SampleSize = 63;
            Span<double> sample = stackalloc double[SampleSize];
            var step = (right - left) / (SampleSize - 1);
            for (var i = 0; i < SampleSize; i++)
            {
                sample[i] = TAxis.Of(_points[left + (i * step)]);
            }

            sample.Sort();
            return sample[(int)((long)(nth - left) * (SampleSize - 1) / (right - left))];
        }

        private void InsertionSort<TAxis>(int left, int right)
            where TAxis : IAxis
        {
            for (var i = left + 1; i <= right; i++)
            {
                for (var j = i; j > left && TAxis.Of(_points[j - 1]) > TAxis.Of(_points[j]); j--)
                {
                    Swap(j - 1, j);
                }
            }
        }

        private static double MedianOfThree(double a, double b, double c) =>
            a < b
                ? (b < c ? b : Math.Max(a, c))
                : (a < c ? a : Math.Max(b, c));

        private void Swap(int a, int b)
        {
            (_points[a], _points[b]) = (_points[b], _points[a]);
            (_itemIndex[a], _itemIndex[b]) = (_itemIndex[b], _itemIndex[a]);
        }
    }

    private readonly struct AxisX : IAxis
    {
        public static double Of(in UnitVector point) => point.X;
    }

    private readonly struct AxisY : IAxis
    {
        public static double Of(in UnitVector point) => point.Y;
    }

    private readonly struct AxisZ : IAxis
    {
        public static double Of(in UnitVector point) => point.Z;
    }
}
