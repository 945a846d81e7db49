using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace EvidenceTracker.Reporting;

/// <summary>
/// Values in human text output are data, never commands: a terminal acts on escape sequences (ESC[2K erases a
/// line), GitHub Actions runs any log line that starts with <c>::</c> as a workflow command, and bidi overrides
/// reorder what a reader sees. Every text formatter writes user values through <see cref="Format"/> (or
/// <see cref="Escape"/>), which shows such characters as visible escapes: a line break in a value becomes
/// <c>\n</c>, ESC becomes <c>\x1B</c>, a bidi override <c>\u202E</c>. Tabs are kept. JSON, SARIF and JUnit
/// escape through their serialisers instead.
/// </summary>
public static class TerminalText
{
    /// <summary>True for a character a terminal or a log reader could act on: C0 controls but tab, DEL, C1
    /// controls, the line and paragraph separators and the bidi embeddings, overrides and isolates.</summary>
    public static bool IsUnsafe(char c) => c switch
    {
        '\t' => false,
        < ' ' => true,
        >= '\u007f' and <= '\u009f' => true,
        '\u2028' or '\u2029' => true,
        >= '\u202a' and <= '\u202e' => true,
        >= '\u2066' and <= '\u2069' => true,
        _ => false,
    };

    private static readonly SearchValues<char> Unsafe = SearchValues.Create(
        Enumerable.Range(0, 0x2070).Select(i => (char)i).Where(IsUnsafe).ToArray());

    /// <summary><paramref name="text"/> with every unsafe character shown as an escape; the same string when there is none.</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Escape(string? text)
    {
        if (text is null)
        {
            return null;
        }
        var first = text.AsSpan().IndexOfAny(Unsafe);
        if (first < 0)
        {
            return text;
        }
        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsUnsafe(c))
            {
                builder.Append(c);
                continue;
            }
            _ = c switch
            {
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                <= '\u00ff' => builder.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture)),
                _ => builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)),
            };
        }
        return builder.ToString();
    }

    /// <summary>An interpolated string whose literal parts are written as they are and whose values are escaped:
    /// <c>writer.Write(TerminalText.Format($"claim {id}\n"))</c> keeps the line break and escapes any in <c>id</c>.</summary>
    public static string Format(ref Handler text) => text.ToStringAndClear();

    /// <summary>Builds <see cref="Format"/>'s string: literals pass, values go through <see cref="Escape"/>.</summary>
    [InterpolatedStringHandler]
    public ref struct Handler
    {
        private DefaultInterpolatedStringHandler _inner;

        public Handler(int literalLength, int formattedCount) => _inner = new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture);

        public void AppendLiteral(string value) => _inner.AppendLiteral(value);

        public void AppendFormatted(string? value) => _inner.AppendFormatted(Escape(value));

        public void AppendFormatted(string? value, int alignment) => _inner.AppendFormatted(Escape(value), alignment);

        public void AppendFormatted<T>(T value) => AppendFormatted(value, 0, null);

        public void AppendFormatted<T>(T value, int alignment) => AppendFormatted(value, alignment, null);

        public void AppendFormatted<T>(T value, string? format) => AppendFormatted(value, 0, format);

        public void AppendFormatted<T>(T value, int alignment, string? format)
        {
            if (value is ISpanFormattable)
            {
                // numbers and dates: culture-invariant digits and separators, nothing to escape
                _inner.AppendFormatted(value, alignment, format);
            }
            else
            {
                _inner.AppendFormatted(Escape(value is IFormattable f ? f.ToString(format, CultureInfo.InvariantCulture) : value?.ToString()), alignment);
            }
        }

        public string ToStringAndClear() => _inner.ToStringAndClear();
    }
}
