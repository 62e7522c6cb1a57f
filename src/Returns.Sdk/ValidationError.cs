namespace Returns.Sdk;

/// <summary>
/// One mistake found in input: what is wrong and exactly where.
/// </summary>
/// <param name="Path">
/// Where in the document the mistake sits, as a JSON path (<c>$.versions[0].window.days</c>) or a field name.
/// </param>
/// <param name="Message">What is wrong, in words a person can act on.</param>
public sealed record ValidationError(string Path, string Message)
{
    /// <summary>The file or document name the input came from, when known.</summary>
    public string? Source { get; init; }

    /// <summary>The 1-based line of the mistake in the source text, when known.</summary>
    public int? Line { get; init; }

    /// <summary>The 1-based column of the mistake as the format counts it (bytes in a JSON line, field number in a CSV row), when known.</summary>
    public int? Column { get; init; }

    /// <summary>Formats the error as <c>source(line,column): path: message</c>.</summary>
    /// <returns>A single-line description.</returns>
    public override string ToString()
    {
        var location = Source ?? string.Empty;
        if (Line is { } line)
        {
            location += Column is { } column ? $"({line},{column})" : $"({line})";
        }

        return location.Length == 0 ? $"{Path}: {Message}" : $"{location}: {Path}: {Message}";
    }
}
