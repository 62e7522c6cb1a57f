using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Returns.Labels.Internal;

/// <summary>
/// Cleans, measures, fits and wraps text for one output. The PDF writer uses the standard-14 fonts, which
/// PdfPig writes with Adobe StandardEncoding: Latin letters with diacritics lose them there (é → e) and other
/// scripts print as '?'. SVG and ZPL keep the text as given.
/// </summary>
internal sealed class TextShaper
{
    /// <summary>For SVG and ZPL: Unicode text as given.</summary>
    public static readonly TextShaper Unicode = new(foldToStandardEncoding: false);

    /// <summary>For the PDF standard-14 fonts.</summary>
    public static readonly TextShaper PdfStandardEncoding = new(foldToStandardEncoding: true);

    /// <summary>Ends text cut short to fit.</summary>
    public const string Ellipsis = "...";

    // Non-ASCII characters that PdfPig's standard-14 writer maps to the right StandardEncoding glyph
    // (checked by a round-trip test).
    private const string StandardEncodingExtras = "ßæÆøØœŒłŁı£¥§¡¿";

    private static readonly FrozenDictionary<char, string> Replacements = new Dictionary<char, string>
    {
        ['‘'] = "'", ['’'] = "'", ['‚'] = "'", ['‛'] = "'", ['′'] = "'",
        ['“'] = "\"", ['”'] = "\"", ['„'] = "\"", ['‟'] = "\"", ['″'] = "\"",
        ['‐'] = "-", ['‑'] = "-", ['‒'] = "-", ['–'] = "-", ['—'] = "-", ['―'] = "-", ['−'] = "-",
        ['…'] = "...", ['«'] = "<<", ['»'] = ">>", ['‹'] = "<", ['›'] = ">", ['•'] = "*", ['·'] = "-",
        ['€'] = "EUR", ['Đ'] = "D", ['đ'] = "d", ['Ð'] = "D", ['ð'] = "d", ['Þ'] = "Th", ['þ'] = "th",
        ['Ħ'] = "H", ['ħ'] = "h", ['Ŧ'] = "T", ['ŧ'] = "t", ['ĸ'] = "k", ['Ŋ'] = "N", ['ŋ'] = "n",
    }.ToFrozenDictionary();

    private readonly bool _fold;

    private TextShaper(bool foldToStandardEncoding) => _fold = foldToStandardEncoding;

    /// <summary>One line of text: control characters and runs of white space become one space; broken surrogates become '?'.</summary>
    public string Line(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format)
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (_fold)
                {
                    sb.Append('?');
                }
                else
                {
                    sb.Append(c).Append(text[i + 1]);
                }

                i++;
            }
            else if (char.IsSurrogate(c))
            {
                sb.Append('?');
            }
            else if (_fold)
            {
                AppendFolded(sb, c);
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>Paragraphs of a multi-line text, each cleaned as a <see cref="Line"/>; empty ones dropped.</summary>
    public IReadOnlyList<string> Paragraphs(string text) =>
        text.Split(['\r', '\n', '\u2028', '\u2029'], StringSplitOptions.RemoveEmptyEntries)
            .Select(Line)
            .Where(p => p.Length > 0)
            .ToArray();

    /// <summary>The width in points.</summary>
    public static double Measure(string text, double size, bool bold) => HelveticaMetrics.Measure(text, size, bold);

    /// <summary>Shrinks <paramref name="text"/> from <paramref name="size"/> down to <paramref name="minSize"/> until it fits, then cuts it with an ellipsis.</summary>
    public static (string Text, double Size) Fit(string text, double maxWidth, double size, double minSize, bool bold)
    {
        for (var s = size; s >= minSize - 1e-9; s -= 0.5)
        {
            if (Measure(text, s, bold) <= maxWidth)
            {
                return (text, s);
            }
        }

        return (Truncate(text, maxWidth, minSize, bold), minSize);
    }

    /// <summary>Cuts <paramref name="text"/> so that it and an ellipsis fit.</summary>
    public static string Truncate(string text, double maxWidth, double size, bool bold)
    {
        if (Measure(text, size, bold) <= maxWidth)
        {
            return text;
        }

        var length = text.Length;
        while (length > 0 && Measure(string.Concat(text.AsSpan(0, length).TrimEnd(), Ellipsis), size, bold) > maxWidth)
        {
            length--;
        }

        return string.Concat(text.AsSpan(0, length).TrimEnd(), Ellipsis);
    }

    /// <summary>Wraps paragraphs into lines no wider than <paramref name="maxWidth"/>; words too long for a line are split.</summary>
    public static List<string> Wrap(IReadOnlyList<string> paragraphs, double maxWidth, double size, bool bold)
    {
        var lines = new List<string>();
        foreach (var paragraph in paragraphs)
        {
            var line = new StringBuilder();
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Measure(candidate, size, bold) <= maxWidth)
                {
                    line.Clear().Append(candidate);
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }

                var rest = word;
                while (Measure(rest, size, bold) > maxWidth)
                {
                    var take = rest.Length - 1;
                    while (take > 1 && Measure(rest[..take], size, bold) > maxWidth)
                    {
                        take--;
                    }

                    lines.Add(rest[..take]);
                    rest = rest[take..];
                }

                line.Append(rest);
            }

            if (line.Length > 0)
            {
                lines.Add(line.ToString());
            }
        }

        return lines;
    }

    /// <summary>
    /// Wraps paragraphs into a box, shrinking the font from <paramref name="size"/> to <paramref name="minSize"/>;
    /// what still does not fit is cut, the last line ending in an ellipsis.
    /// </summary>
    public static (IReadOnlyList<string> Lines, double Size, double Leading) WrapToBox(
        IReadOnlyList<string> paragraphs, double maxWidth, double maxHeight, double size, double minSize, bool bold)
    {
        const double leadingFactor = 1.2;
        for (var s = size; s >= minSize - 1e-9; s -= 0.5)
        {
            var lines = Wrap(paragraphs, maxWidth, s, bold);
            if (lines.Count * s * leadingFactor <= maxHeight + 1e-9)
            {
                return (lines, s, s * leadingFactor);
            }
        }

        var leading = minSize * leadingFactor;
        var all = Wrap(paragraphs, maxWidth, minSize, bold);
        var max = Math.Max(1, (int)Math.Floor((maxHeight + 1e-9) / leading));
        var kept = all.Take(max).ToList();
        kept[^1] = Truncate(kept[^1] + Ellipsis, maxWidth, minSize, bold);
        return (kept, minSize, leading);
    }

    private static void AppendFolded(StringBuilder sb, char c)
    {
        if (c is >= ' ' and <= '~' || StandardEncodingExtras.Contains(c, StringComparison.Ordinal))
        {
            sb.Append(c);
            return;
        }

        if (Replacements.TryGetValue(c, out var replacement))
        {
            sb.Append(replacement);
            return;
        }

        var decomposed = c.ToString().Normalize(NormalizationForm.FormKD);
        var appended = false;
        foreach (var d in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(d) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (d is >= ' ' and <= '~' || StandardEncodingExtras.Contains(d, StringComparison.Ordinal))
            {
                sb.Append(d);
                appended = true;
            }
            else if (char.IsWhiteSpace(d))
            {
                sb.Append(' ');
                appended = true;
            }
        }

        if (!appended)
        {
            sb.Append('?');
        }
    }
}
