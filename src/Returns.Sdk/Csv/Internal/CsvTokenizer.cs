using System.Buffers;
using System.Globalization;
using System.Text;

namespace Returns.Sdk.Csv.Internal;

/// <summary>
/// A streaming RFC 4180 tokenizer: comma-separated, fields optionally in double quotes, a doubled quote inside quotes
/// for a quote, commas and line breaks allowed inside quotes. Line breaks are CRLF, LF or a lone CR. It keeps one
/// record in memory at a time and counts physical lines, so every field knows the line it starts on.
/// </summary>
/// <remarks>
/// Completely empty lines between records are skipped. A malformed record (a quote inside an unquoted field, text
/// after a closing quote, a quote never closed, a record longer than <see cref="MaxRecordChars"/>) is still read to
/// its end and carries <see cref="Error"/>, so the reader can skip it and go on.
/// </remarks>
internal sealed class CsvTokenizer : IDisposable
{
    /// <summary>The longest record kept in memory; longer ones (usually a quote left open) are an error.</summary>
    internal const int MaxRecordChars = 1 << 20;

    private static readonly SearchValues<char> UnquotedStops = SearchValues.Create(",\"\r\n");
    private static readonly SearchValues<char> QuotedStops = SearchValues.Create("\"\r\n");

    private readonly CountingStream _stream;
    private readonly StreamReader _reader;
    private readonly char[] _buffer = new char[32 * 1024];
    private int _position;
    private int _length;
    private bool _endOfStream;
    private bool _lastWasCarriageReturn;
    private int _line = 1;
    private bool _lineHasContent;

    private char[] _values = new char[1024];
    private int _valuesLength;
    private Field[] _fields = new Field[32];
    private int _fieldCount;
    private bool _overflow;

    internal CsvTokenizer(Stream utf8)
    {
        _stream = new CountingStream(utf8);

        // A UTF-8 byte order mark is skipped; bytes that are not UTF-8 throw rather than turn into U+FFFD.
        _reader = new StreamReader(_stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
    }

    private enum State
    {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }

    /// <summary>The physical line the current record starts on, 1-based.</summary>
    internal int RecordLine { get; private set; }

    /// <summary>How many records have been read.</summary>
    internal long RecordCount { get; private set; }

    /// <summary>The physical line the tokenizer is on, 1-based.</summary>
    internal int CurrentLine => _line;

    /// <summary>How many physical lines have been read, counting a last line without a line break.</summary>
    internal int LinesRead => _lineHasContent ? _line : _line - 1;

    /// <summary>How many bytes have been read from the stream.</summary>
    internal long BytesRead => _stream.BytesRead;

    /// <summary>The stream's length when it can tell.</summary>
    internal long? TotalBytes => _stream.TotalBytes;

    /// <summary>The number of fields in the current record.</summary>
    internal int FieldCount => _fieldCount;

    /// <summary>What is wrong with the current record's syntax, or <see langword="null"/>.</summary>
    internal string? Error { get; private set; }

    /// <summary>The 1-based field the syntax error is in.</summary>
    internal int ErrorField { get; private set; }

    /// <summary>The physical line the syntax error is on.</summary>
    internal int ErrorLine { get; private set; }

    /// <summary>A field's text with surrounding spaces and tabs removed; quotes undone.</summary>
    /// <param name="index">0-based field index.</param>
    /// <returns>The text.</returns>
    internal ReadOnlySpan<char> this[int index]
    {
        get
        {
            var field = _fields[index];
            return _values.AsSpan(field.Start, field.Length).Trim(" \t");
        }
    }

    /// <summary>The physical line a field starts on.</summary>
    /// <param name="index">0-based field index.</param>
    /// <returns>The 1-based line.</returns>
    internal int FieldLine(int index) => _fields[index].Line;

    /// <summary>Reads the next record.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>False at the end of the input.</returns>
    /// <exception cref="DecoderFallbackException">The input is not UTF-8.</exception>
    internal async ValueTask<bool> ReadRecordAsync(CancellationToken cancellationToken)
    {
        _valuesLength = 0;
        _fieldCount = 0;
        _overflow = false;
        Error = null;
        RecordLine = _line;
        var state = State.FieldStart;
        var any = false;
        BeginField();

        while (true)
        {
            if (_position >= _length && !await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!any)
                {
                    return false;
                }

                if (state == State.Quoted)
                {
                    var field = _fields[_fieldCount];
                    Fail(
                        _fieldCount,
                        field.Line,
                        string.Create(CultureInfo.InvariantCulture, $"unterminated quote: the quoted field that opens on line {field.Line} is never closed (a quote inside a quoted field is written as two quotes \"\")."));
                }

                EndField();
                RecordCount++;
                return true;
            }

            // Bulk-copy runs of ordinary characters.
            if (state is State.Unquoted or State.Quoted)
            {
                var rest = _buffer.AsSpan(_position, _length - _position);
                var run = state == State.Unquoted ? rest.IndexOfAny(UnquotedStops) : rest.IndexOfAny(QuotedStops);
                if (run < 0)
                {
                    run = rest.Length;
                }

                if (run > 0)
                {
                    Append(rest[..run]);
                    _position += run;
                    _lastWasCarriageReturn = false;
                    _lineHasContent = true;
                    continue;
                }
            }

            var c = _buffer[_position++];
            if (c == '\n' && _lastWasCarriageReturn)
            {
                // The LF of a CRLF pair: the line was already counted at the CR.
                _lastWasCarriageReturn = false;
                if (state == State.Quoted)
                {
                    Append(c);
                }

                continue;
            }

            _lastWasCarriageReturn = c == '\r';
            var newline = c is '\r' or '\n';
            if (newline)
            {
                _line++;
            }

            _lineHasContent = !newline;

            switch (state)
            {
                case State.FieldStart:
                    if (c == '"')
                    {
                        state = State.Quoted;
                        any = true;
                    }
                    else if (c == ',')
                    {
                        EndField();
                        BeginField();
                        any = true;
                    }
                    else if (newline)
                    {
                        if (!any)
                        {
                            // An empty line between records.
                            RecordLine = _line;
                            _fields[0].Line = _line;
                            continue;
                        }

                        EndField();
                        RecordCount++;
                        return true;
                    }
                    else
                    {
                        Append(c);
                        state = State.Unquoted;
                        any = true;
                    }

                    break;

                case State.Unquoted:
                    if (c == ',')
                    {
                        EndField();
                        BeginField();
                        state = State.FieldStart;
                    }
                    else if (newline)
                    {
                        EndField();
                        RecordCount++;
                        return true;
                    }
                    else
                    {
                        // Only a quote stops a run here.
                        Fail(_fieldCount, _line, "a quote inside an unquoted field; put the whole field in quotes and write the quote as two quotes \"\".");
                        Append(c);
                    }

                    break;

                case State.Quoted:
                    if (c == '"')
                    {
                        state = State.QuoteInQuoted;
                    }
                    else
                    {
                        // A line break inside quotes is part of the value.
                        Append(c);
                    }

                    break;

                case State.QuoteInQuoted:
                    if (c == '"')
                    {
                        Append(c);
                        state = State.Quoted;
                    }
                    else if (c == ',')
                    {
                        EndField();
                        BeginField();
                        state = State.FieldStart;
                    }
                    else if (newline)
                    {
                        EndField();
                        RecordCount++;
                        return true;
                    }
                    else
                    {
                        Fail(_fieldCount, _line, string.Create(CultureInfo.InvariantCulture, $"'{c}' after the closing quote; a quoted field ends at its closing quote, and a quote inside it is written as two quotes \"\"."));
                        Append(c);
                        state = State.Unquoted;
                    }

                    break;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_endOfStream)
        {
            return false;
        }

        cancellationToken.ThrowIfCancellationRequested();
        _length = await _reader.ReadAsync(_buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
        _position = 0;
        if (_length == 0)
        {
            _endOfStream = true;
            return false;
        }

        return true;
    }

    private void BeginField()
    {
        if (_fieldCount == _fields.Length)
        {
            Array.Resize(ref _fields, _fields.Length * 2);
        }

        _fields[_fieldCount] = new Field { Start = _valuesLength, Line = _line };
    }

    private void EndField()
    {
        _fields[_fieldCount].Length = _valuesLength - _fields[_fieldCount].Start;
        _fieldCount++;
    }

    private void Append(char c) => Append(new ReadOnlySpan<char>(in c));

    private void Append(ReadOnlySpan<char> chars)
    {
        if (_overflow)
        {
            return;
        }

        if (_valuesLength + chars.Length > MaxRecordChars)
        {
            _overflow = true;
            Fail(
                _fieldCount,
                RecordLine,
                string.Create(CultureInfo.InvariantCulture, $"the record that starts on line {RecordLine} is longer than {MaxRecordChars} characters; is a quote left open?"));
            return;
        }

        if (_valuesLength + chars.Length > _values.Length)
        {
            Array.Resize(ref _values, Math.Max(_values.Length * 2, _valuesLength + chars.Length));
        }

        chars.CopyTo(_values.AsSpan(_valuesLength));
        _valuesLength += chars.Length;
    }

    private void Fail(int fieldIndex, int line, string message)
    {
        if (Error is null)
        {
            Error = message;
            ErrorField = fieldIndex + 1;
            ErrorLine = line;
        }
    }

    private struct Field
    {
        public int Start;
        public int Length;
        public int Line;
    }

    /// <summary>Counts the bytes read for progress reports.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public long? TotalBytes { get; } = inner.CanSeek ? inner.Length - inner.Position : null;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => BytesRead;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            BytesRead += read;
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
