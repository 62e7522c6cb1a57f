namespace Returns.Sdk.Csv;

/// <summary>What a CSV reader produced: the value built from the good rows, and the errors of the rows it skipped.</summary>
/// <typeparam name="T">What the file describes, e.g. a location catalog or a rate card.</typeparam>
/// <param name="Value">The value built from every good row.</param>
/// <param name="Errors">
/// The errors of skipped rows in file order, each with source, line, column and path; always empty with
/// <see cref="CsvErrorHandling.FailFast"/>, which throws instead.
/// </param>
public sealed record CsvReadResult<T>(T Value, IReadOnlyList<ValidationError> Errors)
    where T : class
{
    /// <summary>True when rows were skipped.</summary>
    public bool HasErrors => Errors.Count > 0;
}
