using Returns.Sdk.Serialization;

namespace Returns.Sdk.Tests.Serialization;

/// <summary>A small valid order document and helpers to break it in one place and find where that place is.</summary>
internal static class OrderJson
{
    /// <summary>A valid two-line order; each field sits on a known line (see the comments in the tests).</summary>
    public const string Valid = """
        {
          "number": "T-1",
          "channel": "web",
          "currency": "EUR",
          "placedAt": "2026-11-02T10:15:00+01:00",
          "deliveredAt": "2026-11-05T14:02:00+01:00",
          "customer": { "id": "C-1", "email": "c@example.com" },
          "shippingPaid": 4.95,
          "tenders": [ { "kind": "card", "amount": 44.85 } ],
          "lines": [
            { "lineId": "1", "sku": "A", "quantity": 2, "unitPrice": 19.95, "returnedQuantity": 1,
              "product": { "category": "shoes" } },
            { "lineId": "2", "sku": "B", "quantity": 1, "unitPrice": 5.00,
              "product": { "category": "socks" } }
          ]
        }
        """;

    /// <summary>Replaces text that must occur in the document (so a typo in a test cannot leave it valid).</summary>
    public static string ReplaceNth(this string json, string oldValue, string newValue, int occurrence)
    {
        var index = IndexOf(json, oldValue, occurrence);
        return string.Concat(json.AsSpan(0, index), newValue, json.AsSpan(index + oldValue.Length));
    }

    /// <summary>Replaces the first occurrence of text that must occur in the document.</summary>
    public static string With(this string json, string oldValue, string newValue) => json.ReplaceNth(oldValue, newValue, 0);

    /// <summary>The 1-based line and column of an occurrence of <paramref name="needle"/> (ASCII documents only).</summary>
    public static (int Line, int Column) At(string json, string needle, int occurrence = 0)
    {
        var index = IndexOf(json, needle, occurrence);
        var line = json.AsSpan(0, index).Count('\n') + 1;
        var lastNewline = index == 0 ? -1 : json.LastIndexOf('\n', index - 1);
        return (line, index - lastNewline);
    }

    /// <summary>Parses a document that must be rejected, and returns the rejection.</summary>
    public static ReturnsValidationException Reject(string json, string? source = null) =>
        Assert.Throws<ReturnsValidationException>(() => OrderDocument.Parse(json, source));

    /// <summary>The single error for <paramref name="path"/>; fails when there is none or more than one.</summary>
    public static ValidationError ErrorAt(this ReturnsValidationException exception, string path) =>
        Assert.Single(exception.Errors, e => e.Path == path);

    private static int IndexOf(string json, string needle, int occurrence)
    {
        var index = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            index = json.IndexOf(needle, index + 1, StringComparison.Ordinal);
            Assert.True(index >= 0, $"'{needle}' (occurrence {occurrence}) is not in the test document");
        }

        return index;
    }
}
