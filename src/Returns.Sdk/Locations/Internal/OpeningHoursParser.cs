namespace Returns.Sdk.Locations.Internal;

/// <summary>
/// Reads the subset of the OpenStreetMap <c>opening_hours</c> syntax that shops and carriers publish
/// (<c>docs/opening-hours.md</c>) and names the first character outside it.
/// </summary>
internal ref struct OpeningHoursParser
{
    internal const string Supported =
        "supported are weekdays (Mo Tu We Th Fr Sa Su, ranges such as Mo-Fr or Fr-Mo, lists such as Mo,We,Fr-Sa), " +
        "times HH:MM-HH:MM (several as 09:00-12:00,13:00-18:00; 24:00 as an end; 22:00-02:00 runs past midnight), " +
        "off or closed, 24/7, PH rules (ignored) and rules separated by ';'";

    private readonly string _text;
    private int _position;

    private OpeningHoursParser(string text)
    {
        _text = text;
        _position = 0;
    }

    private readonly bool AtEnd => _position >= _text.Length;

    private readonly char Current => _position < _text.Length ? _text[_position] : '\0';

    /// <summary>Parses the rules of an <c>opening_hours</c> value.</summary>
    /// <exception cref="OpeningHoursFormatException">The text is empty or outside the supported subset.</exception>
    internal static OpeningHoursRule[] Parse(string text)
    {
        var parser = new OpeningHoursParser(text);
        return parser.ParseRules();
    }

    private static bool IsLetter(char c) => char.IsAsciiLetter(c);

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n' or '\u00A0';

    private static int Weekday(ReadOnlySpan<char> word)
    {
        for (var day = 0; day < WeekdaySelector.Names.Length; day++)
        {
            if (word.Equals(WeekdaySelector.Names[day], StringComparison.OrdinalIgnoreCase))
            {
                return day;
            }
        }

        return -1;
    }

    private static bool Is(ReadOnlySpan<char> word, string expected) => word.Equals(expected, StringComparison.OrdinalIgnoreCase);

    private static bool IsOff(ReadOnlySpan<char> word) => Is(word, "off") || Is(word, "closed");

    private static string Unsupported(ReadOnlySpan<char> word)
    {
        string[] months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
        string[] dayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
        foreach (var month in months)
        {
            if (Is(word, month))
            {
                return $"month and date ranges ('{word}') are not supported";
            }
        }

        foreach (var dayName in dayNames)
        {
            if (Is(word, dayName))
            {
                return $"'{word}': write weekdays with two letters (Mo Tu We Th Fr Sa Su)";
            }
        }

        if (Is(word, "sunrise") || Is(word, "sunset") || Is(word, "dawn") || Is(word, "dusk"))
        {
            return $"times relative to the sun ('{word}') are not supported";
        }

        if (Is(word, "week"))
        {
            return "week numbers are not supported";
        }

        if (Is(word, "SH"))
        {
            return "school holidays (SH) are not supported";
        }

        if (Is(word, "easter"))
        {
            return "easter dates are not supported";
        }

        if (Is(word, "open") || Is(word, "unknown"))
        {
            return $"the '{word}' modifier is not supported; write times, or off";
        }

        return $"unknown word '{word}'";
    }

    private OpeningHoursRule[] ParseRules()
    {
        SkipSpaces();
        if (AtEnd)
        {
            throw Fail(_position, "the opening hours are empty");
        }

        var rules = new List<OpeningHoursRule>();
        while (true)
        {
            SkipSpaces();
            if (AtEnd && rules.Count > 0)
            {
                // A trailing ';' is forgiven.
                break;
            }

            rules.Add(ParseRule());
            SkipSpaces();
            if (AtEnd)
            {
                break;
            }

            switch (Current)
            {
                case ';':
                    _position++;
                    break;
                case '|' when _position + 1 < _text.Length && _text[_position + 1] == '|':
                    throw Fail(_position, "fallback rules ('||') are not supported");
                case ',':
                    throw Fail(_position, "additional rules after ',' are not supported; separate rules with ';'");
                case '"':
                    throw Fail(_position, "comments in double quotes are not supported");
                default:
                    throw Fail(_position, $"expected ';' between rules, found '{Current}'");
            }
        }

        return [.. rules];
    }

    private OpeningHoursRule ParseRule()
    {
        if (string.CompareOrdinal(_text, _position, "24/7", 0, 4) == 0)
        {
            _position += 4;
            return new OpeningHoursRule([], [], isAlwaysOpen: true);
        }

        WeekdaySelector[] days = [];
        if (IsLetter(Current))
        {
            var start = _position;
            var word = PeekWord();
            if (Weekday(word) >= 0 || Is(word, "PH"))
            {
                days = ParseDays();
                SkipSpaces();
                if (AtEnd || Current == ';')
                {
                    throw Fail(_position, "a rule needs times such as 09:00-18:00, or off, after its days");
                }
            }
            else if (!IsOff(word))
            {
                throw Fail(start, Unsupported(word));
            }
        }
        else if (char.IsAsciiDigit(Current) && IsYear())
        {
            throw Fail(_position, "years and dates are not supported");
        }

        var times = ParseTimesOrOff();
        SkipSpaces();
        if (Current == '"')
        {
            throw Fail(_position, "comments in double quotes are not supported");
        }

        if (IsLetter(Current))
        {
            var word = PeekWord();
            throw Fail(_position, Weekday(word) >= 0 || Is(word, "PH")
                ? "days must come before the times; separate rules with ';'"
                : Unsupported(word));
        }

        return new OpeningHoursRule(days, times, isAlwaysOpen: false);
    }

    private WeekdaySelector[] ParseDays()
    {
        var days = new List<WeekdaySelector>();
        while (true)
        {
            var start = _position;
            var word = ReadWord();
            if (Is(word, "PH"))
            {
                if (Current is '[' or '+' or '-')
                {
                    throw Fail(_position, "offsets and ranges of public holidays are not supported; write PH");
                }

                days.Add(WeekdaySelector.PublicHoliday);
            }
            else
            {
                var from = Weekday(word);
                if (from < 0)
                {
                    throw Fail(start, Unsupported(word));
                }

                CheckNoNthWeekday();
                var to = from;
                var dash = _position;
                SkipSpaces();
                if (Current == '-')
                {
                    _position++;
                    SkipSpaces();
                    var toStart = _position;
                    var toWord = IsLetter(Current) ? ReadWord() : [];
                    to = Weekday(toWord);
                    if (to < 0)
                    {
                        throw Fail(toStart, toWord.IsEmpty ? "expected a weekday after '-' (Mo Tu We Th Fr Sa Su)" : Unsupported(toWord));
                    }

                    CheckNoNthWeekday();
                }
                else
                {
                    _position = dash;
                }

                days.Add(new WeekdaySelector(from, to, IsPublicHoliday: false));
            }

            var beforeComma = _position;
            SkipSpaces();
            if (Current != ',')
            {
                _position = beforeComma;
                return [.. days];
            }

            _position++;
            SkipSpaces();
            if (!IsLetter(Current))
            {
                throw Fail(_position, "expected a weekday or PH after ','");
            }
        }
    }

    private void CheckNoNthWeekday()
    {
        if (Current == '[')
        {
            throw Fail(_position, "the nth weekday of a month ('[1]') is not supported");
        }
    }

    private TimeRange[] ParseTimesOrOff()
    {
        if (IsLetter(Current))
        {
            var start = _position;
            var word = ReadWord();
            if (IsOff(word))
            {
                return [];
            }

            throw Fail(start, Unsupported(word));
        }

        if (string.CompareOrdinal(_text, _position, "24/7", 0, 4) == 0)
        {
            throw Fail(_position, "24/7 is a rule of its own; with days write 00:00-24:00");
        }

        if (!char.IsAsciiDigit(Current))
        {
            throw Fail(_position, AtEnd ? "expected times such as 09:00-18:00, or off" : $"expected times such as 09:00-18:00, or off, found '{Current}'");
        }

        var times = new List<TimeRange>();
        while (true)
        {
            var startPosition = _position;
            var start = ParseTime(isEnd: false);
            if (Current == '+')
            {
                throw Fail(_position, "open-ended times ('+') are not supported");
            }

            SkipSpaces();
            if (Current != '-')
            {
                throw Fail(_position, "a time needs an end, as in 09:00-18:00");
            }

            _position++;
            SkipSpaces();
            var end = ParseTime(isEnd: true);
            if (Current == '+')
            {
                throw Fail(_position, "open-ended times ('+') are not supported");
            }

            if (Current == '/')
            {
                throw Fail(_position, "repeating times ('/') are not supported");
            }

            if (end == start)
            {
                throw Fail(startPosition, "the span starts and ends at the same time; write 00:00-24:00 for a whole day");
            }

            // An end at or before the start (22:00-02:00, 18:00-00:00) runs past midnight; it is kept as written.
            times.Add(new TimeRange(start, end));
            var beforeComma = _position;
            SkipSpaces();
            if (Current != ',')
            {
                _position = beforeComma;
                return [.. times];
            }

            _position++;
            SkipSpaces();
            if (IsLetter(Current))
            {
                var word = PeekWord();
                throw Fail(_position, Weekday(word) >= 0 || Is(word, "PH")
                    ? "additional rules after ',' are not supported; separate rules with ';'"
                    : Unsupported(word));
            }
        }
    }

    private int ParseTime(bool isEnd)
    {
        var start = _position;
        var hour = 0;
        var digits = 0;
        while (char.IsAsciiDigit(Current) && digits < 3)
        {
            hour = (hour * 10) + (Current - '0');
            digits++;
            _position++;
        }

        if (digits == 0)
        {
            if (IsLetter(Current))
            {
                throw Fail(_position, Unsupported(PeekWord()));
            }

            throw Fail(_position, "expected a time HH:MM");
        }

        if (digits > 2 || Current != ':')
        {
            throw Fail(start, "expected a time HH:MM such as 09:00");
        }

        _position++;
        if (!char.IsAsciiDigit(Current) || !char.IsAsciiDigit(Peek(1)))
        {
            throw Fail(start, "expected a time HH:MM such as 09:00");
        }

        var minute = ((Current - '0') * 10) + (Peek(1) - '0');
        _position += 2;
        if (char.IsAsciiDigit(Current) || Current == ':')
        {
            throw Fail(start, "expected a time HH:MM such as 09:00 (seconds are not supported)");
        }

        if (minute > 59)
        {
            throw Fail(start, $"{_text.AsSpan(start, _position - start)} is not a time; minutes go up to 59");
        }

        if (hour > 24 || (hour == 24 && minute > 0))
        {
            throw Fail(start, $"{_text.AsSpan(start, _position - start)} is not a time; times go up to 24:00 (write a span past midnight as 22:00-02:00)");
        }

        if (hour == 24 && !isEnd)
        {
            throw Fail(start, "24:00 can only end a span; start at 00:00");
        }

        return (hour * 60) + minute;
    }

    private readonly char Peek(int ahead) => _position + ahead < _text.Length ? _text[_position + ahead] : '\0';

    private readonly bool IsYear()
    {
        var digits = 0;
        while (char.IsAsciiDigit(Peek(digits)))
        {
            digits++;
        }

        return digits == 4 && Peek(digits) != ':';
    }

    private readonly ReadOnlySpan<char> PeekWord()
    {
        var end = _position;
        while (end < _text.Length && IsLetter(_text[end]))
        {
            end++;
        }

        return _text.AsSpan(_position, end - _position);
    }

    private ReadOnlySpan<char> ReadWord()
    {
        var word = PeekWord();
        _position += word.Length;
        return word;
    }

    private void SkipSpaces()
    {
        while (_position < _text.Length && IsSpace(_text[_position]))
        {
            _position++;
        }
    }

    private static OpeningHoursFormatException Fail(int index, string reason) =>
        new(index + 1, $"{reason}; {Supported}.");
}
