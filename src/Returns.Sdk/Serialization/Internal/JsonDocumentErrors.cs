using System.Text.Json;
using System.Text.RegularExpressions;

namespace Returns.Sdk.Serialization.Internal;

// Turns deserializer failures and validator findings into ValidationErrors that name the file, line, column and
// JSON path, in words about JSON rather than .NET types.
internal static partial class JsonDocumentErrors
{
    public static ValidationError FromJsonException(JsonException exception, string? source)
    {
        var message = exception.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut >= 0)
        {
            message = message[..cut];
        }

        if (UnmappedMember().Match(message) is { Success: true } unmapped)
        {
            message = $"unknown field '{unmapped.Groups[1].Value}'; check its spelling against the documented schema.";
        }
        else if (NotConvertible().Match(message) is { Success: true } conversion)
        {
            message = $"expected {Describe(conversion.Groups[1].Value)}.";
        }
        else if (message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
        {
            var path = exception.Path ?? "$";
            var field = path[(path.LastIndexOf('.') + 1)..];
            message = $"the field '{field}' appears twice in the same object.";
        }
        else
        {
            message = "malformed JSON: " + message.TrimEnd('.') + ".";
        }

        return new ValidationError(exception.Path ?? "$", message)
        {
            Source = source,
            Line = (int?)exception.LineNumber + 1,
            Column = (int?)exception.BytePositionInLine + 1,
        };
    }

    // Attaches source positions to errors found after deserialization by walking the document once.
    public static IReadOnlyList<ValidationError> Locate(IReadOnlyList<ValidationError> errors, ReadOnlySpan<byte> utf8, string? source)
    {
        var positions = IndexPositions(utf8);
        var located = new ValidationError[errors.Count];
        for (var i = 0; i < errors.Count; i++)
        {
            var error = errors[i];
            var path = error.Path;
            (int Line, int Column) position = default;
            while (path.Length > 0 && !positions.TryGetValue(path, out position))
            {
                path = Parent(path);
            }

            located[i] = path.Length == 0
                ? error with { Source = source }
                : error with { Source = source, Line = position.Line, Column = position.Column };
        }

        // Document order: what a person reads top to bottom; errors without a position go last.
        return [.. located.OrderBy(e => e.Line ?? int.MaxValue).ThenBy(e => e.Column ?? int.MaxValue)];
    }

    private static Dictionary<string, (int Line, int Column)> IndexPositions(ReadOnlySpan<byte> utf8)
    {
        var positions = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var stack = new List<(string Path, bool IsArray, int Index)>();
        string? pendingProperty = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pendingProperty = reader.GetString();
                        var parent = stack.Count == 0 ? "$" : stack[^1].Path;
                        positions.TryAdd($"{parent}.{pendingProperty}", Position(utf8, reader.TokenStartIndex));
                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        stack.RemoveAt(stack.Count - 1);
                        continue;
                }

                var path = ValuePath(stack, pendingProperty);
                pendingProperty = null;
                positions.TryAdd(path, Position(utf8, reader.TokenStartIndex));
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    stack.Add((path, reader.TokenType == JsonTokenType.StartArray, 0));
                }
            }
        }
        catch (JsonException)
        {
            // A syntax error was already reported by the deserializer; positions found so far still help.
        }

        return positions;
    }

    private static string ValuePath(List<(string Path, bool IsArray, int Index)> stack, string? property)
    {
        if (stack.Count == 0)
        {
            return "$";
        }

        var (parentPath, isArray, index) = stack[^1];
        if (isArray)
        {
            stack[^1] = (parentPath, true, index + 1);
            return $"{parentPath}[{index}]";
        }

        return $"{parentPath}.{property}";
    }

    private static (int Line, int Column) Position(ReadOnlySpan<byte> utf8, long offset)
    {
        var before = utf8[..(int)offset];
        var line = before.Count((byte)'\n') + 1;
        var column = before.Length - before.LastIndexOf((byte)'\n');
        return (line, column);
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? string.Empty : path[..cut];
    }

    private static string Describe(string dotnetType) => dotnetType switch
    {
        _ when dotnetType.Contains("Int32", StringComparison.Ordinal) => "a whole number",
        _ when dotnetType.Contains("Decimal", StringComparison.Ordinal) => "a number",
        _ when dotnetType.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        _ when dotnetType.Contains("DateOnly", StringComparison.Ordinal) => "a date as \"YYYY-MM-DD\"",
        _ when dotnetType.Contains("DateTimeOffset", StringComparison.Ordinal) => "an ISO 8601 instant with an offset, e.g. \"2026-11-26T10:00:00+01:00\"",
        _ when dotnetType.Contains("String", StringComparison.Ordinal) && dotnetType.Contains("List", StringComparison.Ordinal) => "an array of strings",
        _ when dotnetType.Contains("Dictionary", StringComparison.Ordinal) => "an object",
        _ when dotnetType.Contains("List", StringComparison.Ordinal) => "an array",
        _ when dotnetType.EndsWith("String", StringComparison.Ordinal) => "a string",
        _ => "an object",
    };

    [GeneratedRegex(@"The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnmappedMember();

    [GeneratedRegex(@"could not be converted to ([\w.`\[\], ]+?)\.?$")]
    private static partial Regex NotConvertible();
}
