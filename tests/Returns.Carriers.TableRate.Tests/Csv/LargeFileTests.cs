using Returns.Sdk.Csv;
using System.Globalization;
using System.Text;
using Returns.Sdk;
using static Returns.Carriers.TableRate.Tests.TableRateFixtures;

namespace Returns.Carriers.TableRate.Tests.Csv;

public sealed class LargeFileTests
{
    private const int Rows = 1_000_000;

    [Fact]
    public async Task LoadAsync_MillionRowGeneratedFile_StreamsToTheEnd()
    {
        var reports = new List<CsvReadProgress>();
        await using var stream = new GeneratedTariffStream(Rows);

        var result = await RateCard.LoadAsync(stream, new TableRateReadOptions { Progress = new Collect(reports), ProgressInterval = 100_000 }, Cancel);

        Assert.Empty(result.Errors);
        Assert.Equal(Rows, result.Value.BandCount);
        Assert.Equal(10, result.Value.Services.Count);

        // Read as a stream: at the first report only a sliver of the file had been read.
        Assert.Equal(11, reports.Count);
        Assert.Equal(Rows + 1, reports[^1].Records);
        Assert.Equal(stream.BytesProduced, reports[^1].BytesRead);
        Assert.Null(reports[^1].TotalBytes);
        Assert.True(reports[0].BytesRead < stream.BytesProduced / 5, $"{reports[0].BytesRead} of {stream.BytesProduced} bytes read after {reports[0].Records} records");

        var engine = new TableRateEngine(result.Value, Everywhere("Z42"));
        var rate = engine.Rate("gen", "S3", Query(NL, NL, Grams(12_345)));
        Assert.Equal((Money.Of(12.40m, "EUR"), 12_400m), (rate.Price!.Value, rate.Band!.MaxWeight.Grams));
    }

    private sealed class Collect(List<CsvReadProgress> reports) : IProgress<CsvReadProgress>
    {
        public void Report(CsvReadProgress value) => reports.Add(value);
    }

    /// <summary>
    /// A forward-only stream that writes a tariff of <c>rows</c> rows as it is read (10 services x 100 zones x 1000 bands,
    /// CRLF, a BOM, a quoted note with a comma on every 1000th row), so the file never exists in memory.
    /// </summary>
    private sealed class GeneratedTariffStream(int rows) : Stream
    {
        private readonly byte[] _line = new byte[256];
        private int _lineLength;
        private int _lineOffset;
        private int _row = -1;

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
                if (_lineOffset == _lineLength && !NextLine())
                {
                    break;
                }

                var n = Math.Min(buffer.Length - written, _lineLength - _lineOffset);
                _line.AsSpan(_lineOffset, n).CopyTo(buffer[written..]);
                _lineOffset += n;
                written += n;
            }

            BytesProduced += written;
            return written;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer, offset, count));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private bool NextLine()
        {
            if (_row >= rows)
            {
                return false;
            }

            string text;
            if (_row < 0)
            {
                text = "\uFEFFcarrier,service,zone,max_weight_g,price_eur,max_length_mm,max_width_mm,max_height_mm,note\r\n";
            }
            else
            {
                var service = _row / 100_000;
                var zone = _row / 1000 % 100;
                var band = (_row % 1000) + 1;
                var note = _row % 1000 == 0 ? "\"first band, zone start\"" : string.Empty;
                text = string.Create(CultureInfo.InvariantCulture, $"gen,S{service},Z{zone},{band * 100},{band / 10m:0.00},1200,600,600,{note}\r\n");
            }

            _row++;
            _lineLength = Encoding.UTF8.GetBytes(text, _line);
            _lineOffset = 0;
            return true;
        }
    }
}
