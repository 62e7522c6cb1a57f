using System.Text;

namespace Returns.Labels.Tests.Decoding;

/// <summary>
/// Reads ZPL back: splits it into commands, groups them into fields (up to <c>^FS</c>) and decodes field data the
/// way a Zebra printer does: <c>^FH</c> <c>_XX</c> hex escapes, and for <c>^BC</c> in mode N the start codes,
/// subset switches and invocation codes.
/// </summary>
internal sealed class ZplReadBack
{
    private ZplReadBack(IReadOnlyList<(string Name, string Parameters)> commands, IReadOnlyList<Field> fields)
    {
        Commands = commands;
        Fields = fields;
    }

    /// <summary>Every command in order: its two-character name and its parameters.</summary>
    public IReadOnlyList<(string Name, string Parameters)> Commands { get; }

    public IReadOnlyList<Field> Fields { get; }

    public static ZplReadBack Parse(ReadOnlyMemory<byte> zpl)
    {
        var text = Encoding.ASCII.GetString(zpl.Span);
        var commands = new List<(string, string)>();
        foreach (var token in text.Split('^', StringSplitOptions.RemoveEmptyEntries))
        {
            var trimmed = token.TrimEnd('\n', '\r');
            if (trimmed.Trim().Length == 0)
            {
                continue;
            }

            commands.Add((trimmed[..2], trimmed[2..]));
        }

        var fields = new List<Field>();
        var current = new List<(string, string)>();
        foreach (var command in commands)
        {
            current.Add(command);
            if (command.Item1 == "FS")
            {
                fields.Add(new Field(current.ToArray()));
                current.Clear();
            }
        }

        return new ZplReadBack(commands, fields);
    }

    /// <summary>The decoded data of the only field with the command <paramref name="name"/> (e.g. <c>BC</c>).</summary>
    public string DataOf(string name) => Assert.Single(Fields, f => f.Has(name)).Data;

    internal sealed class Field((string Name, string Parameters)[] commands)
    {
        public IReadOnlyList<(string Name, string Parameters)> Commands => commands;

        public bool Has(string name) => commands.Any(c => c.Name == name);

        public string Parameters(string name) => commands.First(c => c.Name == name).Parameters;

        /// <summary>The field data as the printer sees it.</summary>
        public string Data
        {
            get
            {
                var raw = Parameters("FD");
                var data = Has("FH") ? UndoHex(raw) : raw;
                if (Has("FB"))
                {
                    data = data.Replace("\\\\", "\\", StringComparison.Ordinal);
                }

                if (Has("BC"))
                {
                    return DecodeCode128(data);
                }

                if (Has("BQ"))
                {
                    Assert.Matches("^[HQML][AM],", data[..3]);
                    return data[3..];
                }

                return data;
            }
        }

        private static string UndoHex(string raw)
        {
            var bytes = new List<byte>();
            for (var i = 0; i < raw.Length; i++)
            {
                if (raw[i] == '_')
                {
                    bytes.Add(Convert.ToByte(raw.Substring(i + 1, 2), 16));
                    i += 2;
                }
                else
                {
                    Assert.InRange(raw[i], ' ', '~');
                    bytes.Add((byte)raw[i]);
                }
            }

            return new UTF8Encoding(false, true).GetString(bytes.ToArray());
        }

        private static string DecodeCode128(string data)
        {
            var sb = new StringBuilder();
            bool inC;
            if (data.StartsWith(">;", StringComparison.Ordinal))
            {
                inC = true;
            }
            else
            {
                Assert.StartsWith(">:", data);
                inC = false;
            }

            for (var i = 2; i < data.Length; i++)
            {
                if (inC)
                {
                    if (data[i] == '>')
                    {
                        Assert.Equal('6', data[i + 1]);
                        inC = false;
                        i++;
                        continue;
                    }

                    Assert.True(char.IsAsciiDigit(data[i]) && char.IsAsciiDigit(data[i + 1]), "subset C takes pairs of digits");
                    sb.Append(data, i, 2);
                    i++;
                    continue;
                }

                if (data[i] != '>')
                {
                    sb.Append(data[i]);
                    continue;
                }

                i++;
                switch (data[i])
                {
                    case '0': sb.Append('>'); break;
                    case '<': sb.Append('^'); break;
                    case '=': sb.Append('~'); break;
                    case '5': inC = true; break;
                    default: Assert.Fail($"Unexpected invocation code >{data[i]}"); break;
                }
            }

            return sb.ToString();
        }
    }
}
