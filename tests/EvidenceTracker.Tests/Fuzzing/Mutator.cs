using System.Text;

namespace EvidenceTracker.Tests.Fuzzing;

/// <summary>
/// Seeded mutations of fixture files: byte flips, insertions of tokens that parsers treat specially, deep nesting,
/// very long lines, splicing with another seed, truncation and duplication. The same seed and input number give the
/// same bytes on every machine (<see cref="Random(int)"/> with a seed is a fixed algorithm).
/// </summary>
public static class Mutator
{
    /// <summary>Tokens that start or end a construct in one of the readers, or that decoders treat specially.</summary>
    private static readonly byte[][] Tokens =
    [
        .. new[]
        {
            "[^", "[^1]", "[^1]: ", "@", "@string{a = \"x\"}", "@article{k,", "{", "}", "[", "]", "(", ")", "\"", "'", "\\",
            "\"\\ud800\"", "\\ud800", "\\udfff", "\\u0000", "&", "&amp;", "&#0;", "&#x110000;", "*", "**", "- ", "-", "> ", "#",
            "# ", "---\n", "...\n", ": ", ":", "? ", "|", "|-\n", ">-\n", "!!binary ", "!x ", "&a ", "*a", "%YAML 1.2\n", "\t",
            "\n", "\r", "\r\n", "\n\n", " ", "    ", "TY  - ", "ER  - ", "AU  - ", "  - ", "%", "<div>", "</div>", "<", ">",
            "<!--", "-->", "<script>", "<![CDATA[", "```", "~~~", "`", "|---|", "$", "\\\\", "[a](", "](javascript:x)", "http://",
            "https://x/", "id: ", "source: ", "quote: ", "citations:\n", "  - source: x\n", "1e309", "-0", "99999999999999999999",
            "\u00a0", "\u200b", "\u2028", "\u202e", "\ufffd", "\u3002", "。", "\U0001F600", "null", "~", "true",
        }.Select(Encoding.UTF8.GetBytes),
        [0], [0xEF, 0xBB, 0xBF], [0xFF], [0xFE], [0xC3], [0xC3, 0x28], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xC0, 0x80], [0x80], [0x1B, (byte)'[', (byte)'2', (byte)'K'], [0x7F], [0x0B], [0x0C],
    ];

    /// <summary>Openers repeated for deep nesting, each with the closer that may follow.</summary>
    private static readonly (string Open, string Close)[] Nesting =
    [
        ("[", "]"), ("{", "}"), ("- ", ""), ("> ", ""), ("*", "*"), ("_", "_"), ("(", ")"), ("<div>", "</div>"), ("<b>", ""),
        ("[[", "]]"), ("{a: ", "}"), ("[^", "]"), ("[a](", ")"), ("\"", "\""), ("\\", ""), ("<", ">"), ("  - ", ""), ("1. ", ""),
    ];

    /// <summary>
    /// A mutated copy of <paramref name="seed"/>, cut to <paramref name="maxBytes"/> (so that a budget of inputs stays a
    /// budget of time); <paramref name="other"/> is another seed to splice from.
    /// </summary>
    public static byte[] Mutate(byte[] seed, byte[] other, Random random, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(random);
        var data = new List<byte>(seed);
        var steps = 1 + random.Next(4);
        for (var i = 0; i < steps; i++)
        {
            Apply(data, other, random);
        }
        if (data.Count > maxBytes)
        {
            data.RemoveRange(maxBytes, data.Count - maxBytes);
        }
        return [.. data];
    }

    private static void Apply(List<byte> data, byte[] other, Random random)
    {
        var at = random.Next(data.Count + 1);
        switch (random.Next(12))
        {
            case 0 when data.Count > 0: // flip one bit
                var flip = random.Next(data.Count);
                data[flip] ^= (byte)(1 << random.Next(8));
                break;
            case 1 when data.Count > 0: // a random byte
                data[random.Next(data.Count)] = (byte)random.Next(256);
                break;
            case 2:
            case 3: // an interesting token, once or a few times
                var token = Tokens[random.Next(Tokens.Length)];
                var times = random.Next(4) == 0 ? 1 + random.Next(16) : 1;
                data.InsertRange(at, Repeat(token, times));
                break;
            case 4: // deep nesting
                var (open, close) = Nesting[random.Next(Nesting.Length)];
                var depth = Depth(random);
                var nested = new StringBuilder(open.Length * depth + close.Length * depth + 1);
                nested.Insert(0, open, depth).Append('x');
                if (random.Next(2) == 0)
                {
                    nested.Insert(nested.Length, close, depth);
                }
                data.InsertRange(at, Encoding.UTF8.GetBytes(nested.ToString()));
                break;
            case 5: // a very long line
                var unit = random.Next(3) switch
                {
                    0 => "a",
                    1 => Encoding.UTF8.GetString(Tokens[random.Next(Tokens.Length)]).Replace("\n", "", StringComparison.Ordinal),
                    _ => "A 5. ",
                };
                data.InsertRange(at, Repeat(Encoding.UTF8.GetBytes(unit.Length == 0 ? "a" : unit), Length(random) / Math.Max(1, unit.Length)));
                break;
            case 6 when other.Length > 0: // splice a piece of another seed in, or over what is there
                var from = random.Next(other.Length);
                var count = random.Next(Math.Min(other.Length - from, 4096) + 1);
                if (random.Next(2) == 0)
                {
                    data.RemoveRange(at, Math.Min(count, data.Count - at));
                }
                data.InsertRange(at, other.AsSpan(from, count).ToArray());
                break;
            case 7: // truncate
                data.RemoveRange(at, data.Count - at);
                break;
            case 8 when data.Count > 0: // duplicate a piece, once or many times
                var start = random.Next(data.Count);
                var length = 1 + random.Next(Math.Min(data.Count - start, 512));
                var piece = data.GetRange(start, length).ToArray();
                data.InsertRange(at, Repeat(piece, random.Next(3) == 0 ? 1 + random.Next(2000) : 1));
                break;
            case 9 when data.Count > 0: // delete a piece
                var cut = random.Next(data.Count);
                data.RemoveRange(cut, 1 + random.Next(Math.Min(data.Count - cut, 64)));
                break;
            case 10: // a line ending changed: CR, CRLF, or none
                for (var i = 0; i < data.Count; i++)
                {
                    if (data[i] == (byte)'\n' && random.Next(4) == 0)
                    {
                        data[i] = (byte)'\r';
                    }
                }
                break;
            default: // a line repeated
                if (data.Count == 0)
                {
                    break;
                }
                var lineStart = data.LastIndexOf((byte)'\n', Math.Min(at, data.Count - 1)) + 1;
                var lineEnd = data.IndexOf((byte)'\n', lineStart);
                if (lineEnd > lineStart)
                {
                    var line = data.GetRange(lineStart, lineEnd - lineStart + 1).ToArray();
                    data.InsertRange(lineStart, Repeat(line, 1 + random.Next(random.Next(4) == 0 ? 5000 : 3)));
                }
                break;
        }
    }

    /// <summary>Mostly shallow (up to 100), sometimes past every limit (up to 20,000).</summary>
    private static int Depth(Random random) => random.Next(4) == 0 ? 100 + random.Next(20_000) : 1 + random.Next(100);

    /// <summary>Mostly a few hundred characters, sometimes up to 200,000.</summary>
    private static int Length(Random random) => random.Next(4) == 0 ? 1000 + random.Next(200_000) : 1 + random.Next(1000);

    /// <summary>The most bytes one repetition makes (a piece of a grown input repeated thousands of times would overflow).</summary>
    private const int MaxRepeat = 1 << 24;

    private static byte[] Repeat(byte[] unit, int times)
    {
        times = (int)Math.Min(times, MaxRepeat / Math.Max(1L, unit.Length));
        var result = new byte[unit.Length * times];
        for (var i = 0; i < times; i++)
        {
            unit.CopyTo(result, i * unit.Length);
        }
        return result;
    }
}
