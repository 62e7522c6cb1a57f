namespace Returns.Sdk.Csv;

/// <summary>What a CSV reader does with a bad row.</summary>
public enum CsvErrorHandling
{
    /// <summary>The first error throws a <see cref="Returns.Sdk.ReturnsValidationException"/>.</summary>
    FailFast,

    /// <summary>
    /// Bad rows are skipped and their errors returned with the rows that were good. Header errors, text that is not
    /// UTF-8 and more than <see cref="CsvReadOptions.MaxErrors"/> errors still throw.
    /// </summary>
    SkipAndReport,
}
