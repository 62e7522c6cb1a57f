namespace Returns.Sdk.Csv;

/// <summary>How far a CSV reader has got.</summary>
/// <param name="Records">Records read so far, the header included.</param>
/// <param name="Lines">Physical lines read so far (a quoted newline starts a new line).</param>
/// <param name="BytesRead">Bytes read from the stream so far (the reader reads ahead in blocks).</param>
/// <param name="TotalBytes">The stream's length when it can tell, else <see langword="null"/>.</param>
/// <param name="Errors">Errors collected so far.</param>
public readonly record struct CsvReadProgress(long Records, long Lines, long BytesRead, long? TotalBytes, int Errors);
