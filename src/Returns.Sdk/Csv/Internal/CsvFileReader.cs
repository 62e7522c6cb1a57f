using System.Globalization;
using System.Text;


namespace Returns.Sdk.Csv.Internal;

/// <summary>
/// The loop every CSV reader shares: header, records, field counts, syntax errors, fail-fast or skip-and-report,
/// progress and cancellation. Subclasses read the header's columns and turn one record into a value.
/// </summary>
/// <typeparam name="T">What the file builds.</typeparam>
internal abstract class CsvFileReader<T>
    where T : class
{
    private readonly List<ValidationError> _errors = [];
    private readonly List<ValidationError> _rowErrors = [];

    protected CsvFileReader(CsvReadOptions options, string? source)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxErrors, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ProgressInterval, 1, nameof(options));
        Options = options;
        Source = source;
    }

    protected CsvReadOptions Options { get; }

    protected string? Source { get; }

    /// <summary>The column names from the header, trimmed and lower-cased, by field index.</summary>
    protected string[] ColumnNames { get; private set; } = [];

    /// <summary>A short description of the format for "the file is empty" errors.</summary>
    protected abstract string ExpectedHeader { get; }

    internal async Task<CsvReadResult<T>> ReadAsync(Stream utf8Csv, CancellationToken cancellationToken)
    {
        using var csv = new CsvTokenizer(utf8Csv);
        try
        {
            if (!await csv.ReadRecordAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new ReturnsValidationException([AtHeader(csv, null, "header", $"the file is empty; expected a header row: {ExpectedHeader}")]);
            }

            if (csv.Error is not null)
            {
                throw new ReturnsValidationException([At(csv.ErrorLine, csv.ErrorField, "header", csv.Error)]);
            }

            if (csv.FieldCount == 1 && csv[0].IndexOfAny(';', '\t') >= 0)
            {
                throw new ReturnsValidationException([At(csv.RecordLine, 1, "header", $"the header has no commas but semicolons or tabs; save the file as comma-separated values. Expected: {ExpectedHeader}")]);
            }

            ColumnNames = new string[csv.FieldCount];
            for (var i = 0; i < csv.FieldCount; i++)
            {
                ColumnNames[i] = csv[i].ToString().ToLowerInvariant();
            }

            var headerErrors = new List<ValidationError>();
            ReadHeader(csv, headerErrors);
            if (headerErrors.Count > 0)
            {
                throw new ReturnsValidationException(headerErrors);
            }

            var interval = Options.ProgressInterval;
            while (await csv.ReadRecordAsync(cancellationToken).ConfigureAwait(false))
            {
                if (csv.Error is not null)
                {
                    Report(At(csv.ErrorLine, csv.ErrorField, PathOf(csv.ErrorField - 1), csv.Error));
                }
                else if (csv.FieldCount != ColumnNames.Length)
                {
                    var column = Math.Min(csv.FieldCount, ColumnNames.Length) + 1;
                    var line = csv.FieldCount > ColumnNames.Length ? csv.FieldLine(ColumnNames.Length) : csv.RecordLine;
                    Report(At(
                        line,
                        column,
                        "row",
                        string.Create(CultureInfo.InvariantCulture, $"wrong field count: the header has {ColumnNames.Length} fields, this row has {csv.FieldCount}; a value with a comma must be in double quotes.")));
                }
                else
                {
                    _rowErrors.Clear();
                    ReadRow(csv, _rowErrors);
                    foreach (var error in _rowErrors)
                    {
                        Report(error);
                    }
                }

                if (csv.RecordCount % interval == 0)
                {
                    ReportProgress(csv);
                }
            }

            ReportProgress(csv);
            return new CsvReadResult<T>(Build(), [.. _errors]);
        }
        catch (DecoderFallbackException)
        {
            throw new ReturnsValidationException([At(csv.CurrentLine, null, "row", $"the file is not UTF-8 text (an invalid byte sequence on or after line {csv.CurrentLine}); save it as UTF-8.")]);
        }
    }

    /// <summary>Maps the header's columns; adds an error for every unknown, duplicate or missing column.</summary>
    protected abstract void ReadHeader(CsvTokenizer csv, List<ValidationError> errors);

    /// <summary>Reads one record with the header's field count; adds an error per bad value, or adds the value.</summary>
    protected abstract void ReadRow(CsvTokenizer csv, List<ValidationError> errors);

    /// <summary>Builds the value from every row added.</summary>
    protected abstract T Build();

    /// <summary>An error at a line and 1-based field number.</summary>
    protected ValidationError At(int line, int? column, string path, string message) =>
        new(path, message) { Source = Source, Line = line, Column = column };

    /// <summary>An error in the header: in one of its fields, or about the header as a whole.</summary>
    protected ValidationError AtHeader(CsvTokenizer csv, int? index, string path, string message) =>
        At(index is { } i ? csv.FieldLine(i) : csv.RecordLine, index + 1, path, message);

    /// <summary>An error in a field of the current record.</summary>
    protected ValidationError AtField(CsvTokenizer csv, int index, string message) =>
        At(csv.FieldLine(index), index + 1, PathOf(index), message);

    /// <summary>The column name of a field, or <c>row</c> past the header's fields.</summary>
    protected string PathOf(int index) => index >= 0 && index < ColumnNames.Length ? ColumnNames[index] : "row";

    /// <summary>Whether a header name is informational: documented as ignored, or prefixed <c>x_</c>.</summary>
    protected static bool IsInformational(string name, ReadOnlySpan<string> documented) =>
        name.StartsWith("x_", StringComparison.Ordinal) || documented.Contains(name);

    /// <summary>Adds errors for every column that appears twice.</summary>
    protected void CheckDuplicateColumns(CsvTokenizer csv, List<ValidationError> errors)
    {
        for (var i = 0; i < ColumnNames.Length; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (ColumnNames[j].Length > 0 && ColumnNames[i] == ColumnNames[j])
                {
                    errors.Add(AtHeader(csv, i, ColumnNames[i], string.Create(CultureInfo.InvariantCulture, $"the column {ColumnNames[i]} appears twice (fields {j + 1} and {i + 1}).")));
                    break;
                }
            }
        }
    }

    /// <summary>Parses a decimal number written with a point and no thousands separators.</summary>
    protected static bool TryParseDecimal(ReadOnlySpan<char> text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    /// <summary>Parses a whole number.</summary>
    protected static bool TryParseInt(ReadOnlySpan<char> text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    private void Report(ValidationError error)
    {
        if (Options.ErrorHandling == CsvErrorHandling.FailFast)
        {
            throw new ReturnsValidationException([error]);
        }

        _errors.Add(error);
        if (_errors.Count > Options.MaxErrors)
        {
            _errors.Add(new ValidationError("row", string.Create(CultureInfo.InvariantCulture, $"more than {Options.MaxErrors} errors; reading stopped.")) { Source = Source, Line = error.Line });
            throw new ReturnsValidationException(_errors);
        }
    }

    private void ReportProgress(CsvTokenizer csv) =>
        Options.Progress?.Report(new CsvReadProgress(csv.RecordCount, csv.LinesRead, csv.BytesRead, csv.TotalBytes, _errors.Count));
}
