using System.Globalization;
using System.Text;
using Returns.Sdk.Carriers;
using Returns.Sdk.Csv;
using Returns.Sdk.Locations;

namespace Returns.Sdk.Tests.Locations;

public sealed class LocationLargeFileTests
{
    private static readonly string[] KindNames = ["post_office", "parcel_locker", "pickup_point", "store", "mailbox"];
    private static readonly string[] CarrierNames = ["postnl", "dhl", "dpd", "ups"];

    private static double Latitude(int i) => 50 + (i % 1000 * 0.004);

    private static double Longitude(int i) => 3 + (i / 1000 % 1000 * 0.004);

    private static string Carrier(int i) => i % 5 == 3 ? string.Empty : CarrierNames[i % 4];

    [Fact]
    public async Task LoadCsvAsync_MillionRowGeneratedFile_StreamsToTheEnd()
    {
        const int rows = 1_000_000;
        var reports = new List<CsvReadProgress>();
        await using var stream = new GeneratedTextStream(
            "\uFEFFid,name,kind,carrier,latitude,longitude,address,postcode,city,country,opening_hours\r\n",
            rows,
            i => string.Create(CultureInfo.InvariantCulture, $"p{i},\"Point {i}, shop\",{KindNames[i % 5]},{Carrier(i)},{Latitude(i):0.000},{Longitude(i):0.000},Kerkstraat {i % 300},1012 AB,Amsterdam,NL,{(i % 2 == 0 ? "24/7" : "Mo-Fr 09:00-18:00; Sa 09:00-12:00")}\r\n"),
            string.Empty);

        var result = await LocationCatalog.LoadCsvAsync(stream, new CsvReadOptions { Progress = new Collect(reports), ProgressInterval = 100_000 }, TestContext.Current.CancellationToken);

        Assert.Empty(result.Errors);
        Assert.Equal(rows, result.Value.Count);
        Assert.Equal(11, reports.Count);
        Assert.Equal(stream.BytesProduced, reports[^1].BytesRead);
        Assert.True(reports[0].BytesRead < stream.BytesProduced / 5, $"{reports[0].BytesRead} of {stream.BytesProduced} bytes read after {reports[0].Records} records");

        var point = result.Value.Find("p123457")!;
        Assert.Equal(("Point 123457, shop", DropOffKind.PickupPoint, "dhl"), (point.Name, point.Kind, point.CarrierId));
        var nearest = result.Value.Nearest(new GeoPoint(Latitude(123_457), Longitude(123_457)), 1, new LocationFilter { Kind = DropOffKind.PickupPoint, CarrierId = "dhl" });
        Assert.Equal("p123457", Assert.Single(nearest).Item.Id);
    }

    [Fact]
    public async Task LoadGeoJsonAsync_LargeGeneratedFile_StreamsToTheEnd()
    {
        const int features = 100_000;
        var reports = new List<CsvReadProgress>();
        await using var stream = new GeneratedTextStream(
            "{\n  \"type\": \"FeatureCollection\",\n  \"features\": [\n",
            features,
            i => string.Create(CultureInfo.InvariantCulture, $$"""
                    {{(i == 0 ? " " : ",")}}{ "type": "Feature", "geometry": { "type": "Point", "coordinates": [{{Longitude(i):0.000}}, {{Latitude(i):0.000}}] }, "properties": { "id": "p{{i}}", "name": "Point {{i}}", "kind": "{{KindNames[i % 5]}}", "carrier": "{{Carrier(i)}}", "country": "NL", "opening_hours": "24/7" } }

                """),
            "  ]\n}\n");

        var result = await LocationCatalog.LoadGeoJsonAsync(stream, new CsvReadOptions { Progress = new Collect(reports), ProgressInterval = 25_000 }, TestContext.Current.CancellationToken);

        Assert.Empty(result.Errors);
        Assert.Equal(features, result.Value.Count);
        Assert.Equal([25_000L, 50_000L, 75_000L, 100_000L, 100_000L], reports.Select(r => r.Records));
        Assert.Equal(stream.BytesProduced, reports[^1].BytesRead);
        Assert.Equal(features + 5, reports[^1].Lines);
        Assert.True(reports[0].BytesRead < stream.BytesProduced / 3, $"{reports[0].BytesRead} of {stream.BytesProduced} bytes read after {reports[0].Records} features");
        Assert.Equal(new GeoPoint(Latitude(99_999), Longitude(99_999)), result.Value.Find("p99999")!.Location);
    }

    private sealed class Collect(List<CsvReadProgress> reports) : IProgress<CsvReadProgress>
    {
        public void Report(CsvReadProgress value) => reports.Add(value);
    }

    /// <summary>A forward-only stream that writes a header, <c>count</c> generated lines and a footer as it is read.</summary>
    private sealed class GeneratedTextStream(string header, int count, Func<int, string> line, string footer) : Stream
    {
        private byte[] _pending = Encoding.UTF8.GetBytes(header);
        private int _offset;
        private int _next;

        public long BytesProduced { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var written = 0;
            while (written < buffer.Length)
            {
                if (_offset == _pending.Length && !Advance())
                {
                    break;
                }

                var take = Math.Min(buffer.Length - written, _pending.Length - _offset);
                _pending.AsSpan(_offset, take).CopyTo(buffer[written..]);
                _offset += take;
                written += take;
            }

            BytesProduced += written;
            return written;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private bool Advance()
        {
            if (_next > count)
            {
                return false;
            }

            _pending = Encoding.UTF8.GetBytes(_next < count ? line(_next) : footer);
            _offset = 0;
            _next++;
            return true;
        }
    }
}
