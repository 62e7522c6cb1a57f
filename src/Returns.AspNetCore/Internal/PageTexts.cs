using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;

namespace Returns.AspNetCore.Internal;

/// <summary>
/// All texts of one page in one language, read from the assembly's resource files (neutral English plus a satellite per
/// language) and handed to the page's script as one dictionary, so no text lives in a script or a template.
/// </summary>
internal sealed class PageTexts
{
    /// <summary>The languages every page is translated into; the first is the fallback.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "it", "fr"];

    private readonly ResourceManager _resources;
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> _byLanguage = new(StringComparer.Ordinal);

    public PageTexts(string baseName) => _resources = new ResourceManager(baseName, typeof(PageTexts).Assembly);

    /// <summary>Every text of the page in <paramref name="language"/>, English where a translation is missing.</summary>
    public IReadOnlyDictionary<string, string> For(string language) => _byLanguage.GetOrAdd(language, Load);

    /// <summary>
    /// The language to show: the one asked for (the host page passes <c>lang</c>), else the first supported one in the
    /// browser's Accept-Language, else English.
    /// </summary>
    public static string Choose(string? requested, string? acceptLanguage)
    {
        if (Supported(requested) is { } asked)
        {
            return asked;
        }

        foreach (var part in (acceptLanguage ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            // Quality values are ignored on purpose: browsers list languages in the user's order already.
            if (Supported(part.Split(';')[0]) is { } accepted)
            {
                return accepted;
            }
        }

        return Languages[0];
    }

    private static string? Supported(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag) || tag.Length > 35)
        {
            return null;
        }

        var primary = tag.Split('-', '_')[0].ToLowerInvariant();
        return Languages.Contains(primary, StringComparer.Ordinal) ? primary : null;
    }

    private Dictionary<string, string> Load(string language)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(texts, CultureInfo.InvariantCulture);
        if (language != Languages[0])
        {
            Add(texts, CultureInfo.GetCultureInfo(language));
        }

        return texts;
    }

    private void Add(Dictionary<string, string> texts, CultureInfo culture)
    {
        // Only this culture's own set: the neutral one was added first, so missing translations stay English.
        // Not disposed: the resource manager caches the set and hands the same one out again.
        var set = _resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        if (set is null)
        {
            return;
        }

        foreach (DictionaryEntry entry in set)
        {
            if (entry is { Key: string key, Value: string value })
            {
                texts[key] = value;
            }
        }
    }
}
