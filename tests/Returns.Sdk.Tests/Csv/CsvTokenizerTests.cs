using System.Text;
using Returns.Sdk.Csv.Internal;


namespace Returns.Sdk.Tests.Csv;

public sealed class CsvTokenizerTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    private static async Task<List<(int Line, string[] Fields, string? Error)>> TokenizeAsync(Stream stream)
    {
        using var csv = new CsvTokenizer(stream);
        var records = new List<(int, string[], string?)>();
        while (await csv.ReadRecordAsync(Cancel))
        {
            records.Add((csv.RecordLine, [.. Enumerable.Range(0, csv.FieldCount).Select(i => csv[i].ToString())], csv.Error));
        }

        return records;
    }

    [Fact]
    public async Task ReadRecordAsync_QuotedLineBreaks_KeptInValue()
    {
        var records = await TokenizeAsync(Utf8("a,\"x\r\ny\nz\"\r\nb,c\r\n"));

        Assert.Equal(["a", "x\r\ny\nz"], records[0].Fields);
        Assert.Equal(4, records[1].Line);
        Assert.Equal(["b", "c"], records[1].Fields);
    }

    [Fact]
    public async Task ReadRecordAsync_OneByteAtATime_SameRecords()
    {
        var text = "h1,h2\r\n\"a\"\"b\",\"c,\r\nd\"\r\n\r\ne,\r\n\"\",f";

        var whole = await TokenizeAsync(Utf8(text));
        var trickled = await TokenizeAsync(new Trickle(Encoding.UTF8.GetBytes(text)));

        Assert.Equal(
            [(1, "h1|h2"), (2, "a\"b|c,\r\nd"), (5, "e|"), (6, "|f")],
            whole.Select(r => (r.Line, string.Join('|', r.Fields))));
        Assert.Equal(whole.Select(r => (r.Line, string.Join('|', r.Fields))), trickled.Select(r => (r.Line, string.Join('|', r.Fields))));
    }

    [Fact]
    public async Task ReadRecordAsync_EmptyFields_Kept()
    {
        var records = await TokenizeAsync(Utf8(",,\n\"\",,\"\"\n"));

        Assert.Equal(["", "", ""], records[0].Fields);
        Assert.Equal(["", "", ""], records[1].Fields);
    }

    [Fact]
    public async Task ReadRecordAsync_RecordLongerThanLimit_ErrorWithoutKeepingIt()
    {
        var text = "a,\"" + new string('x', CsvTokenizer.MaxRecordChars + 10) + "\"\nb,c\n";

        var records = await TokenizeAsync(Utf8(text));

        Assert.StartsWith("the record that starts on line 1 is longer than", records[0].Error, StringComparison.Ordinal);
        Assert.Equal(["b", "c"], records[1].Fields);
    }

    /// <summary>Returns one byte per read, to split CRLF pairs and quotes across buffers.</summary>
    private sealed class Trickle(byte[] bytes) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, 1)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer, offset, count));
    }
}
