using System.Text;
using EvidenceTracker.Text;

namespace EvidenceTracker.Bibliography;

/// <summary>
/// BibTeX and BibLaTeX: <c>@string</c> macros and <c>#</c> concatenation, month macros, <c>crossref</c>
/// inheritance, braces and LaTeX escapes, name lists; <c>@comment</c> and <c>@preamble</c> are ignored. A malformed
/// entry is reported with its line and column and skipped; reading resumes at the next line that starts with <c>@</c>.
/// </summary>
internal sealed class BibTexParser
{
    private static readonly string[] MonthMacros = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    private static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private readonly string _text;
    private readonly LineIndex _lines;
    private readonly BibDiagnostics _diag;
    private readonly Dictionary<string, string> _macros = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Macros whose value was refused as too long: a use of one is an error, not an undefined macro.</summary>
    private readonly HashSet<string> _refused = new(StringComparer.OrdinalIgnoreCase);
    private readonly int _valueCap;
    private readonly long _fileCap;
    private long _expanded;
    /// <summary>What the value being read belongs to, for a message: <c>@string{name}</c>, <c>@article{key}, field 'title'</c>.</summary>
    private (string Type, string Name, string? Field) _owner;
    private int _pos;

    /// <summary>
    /// Expansion caps: a value may not expand (through <c>@string</c> macros and <c>#</c>) beyond
    /// max(<see cref="MinValueCap"/>, <see cref="ValueCapFactor"/> × the file's length) characters, nor all values of
    /// the file together beyond max(<see cref="MinFileCap"/>, <see cref="FileCapFactor"/> × its length): macros that
    /// double each other would otherwise expand a file of a few hundred bytes to gigabytes.
    /// </summary>
    internal const int MinValueCap = 64 * 1024;
    internal const int ValueCapFactor = 16;
    internal const long MinFileCap = 16L * 1024 * 1024;
    internal const int FileCapFactor = 32;

    private class SyntaxError(string message, int offset) : Exception(message)
    {
        public int Offset { get; } = offset;
    }

    /// <summary>A value that expands beyond the cap, or uses a macro that did.</summary>
    private sealed class ValueCapError(string message, int offset) : SyntaxError(message, offset);

    /// <summary>The values read so far expand to more than the file's cap: nothing more of the file is read.</summary>
    private sealed class FileCapError(string message, int offset) : SyntaxError(message, offset);

    private BibTexParser(string text, BibDiagnostics diag)
    {
        _text = text;
        _lines = LineIndex.Of(text);
        _diag = diag;
        _valueCap = (int)Math.Min(int.MaxValue / 2, Math.Max(MinValueCap, (long)ValueCapFactor * text.Length));
        _fileCap = Math.Max(MinFileCap, (long)FileCapFactor * text.Length);
        for (var k = 0; k < 12; k++)
        {
            _macros[MonthMacros[k]] = MonthNames[k];
        }
    }

    public static BibParseResult Parse(string text, string file)
    {
        var diag = new BibDiagnostics(file);
        var parser = new BibTexParser(text, diag);
        var raw = parser.ReadAll();
        var entries = new BibTexEntryMapper(diag).Resolve(raw);
        return new BibParseResult(entries, diag.Findings);
    }

    private List<BibTexRawEntry> ReadAll()
    {
        var entries = new List<BibTexRawEntry>();
        while (true)
        {
            var at = _text.IndexOf('@', _pos);
            if (at < 0)
            {
                break;
            }
            _pos = at;
            try
            {
                if (ReadItem() is { } entry)
                {
                    entries.Add(entry);
                }
            }
            catch (FileCapError ex)
            {
                _diag.Error(ex.Message, _lines.PositionOf(ex.Offset));
                break;
            }
            catch (SyntaxError ex)
            {
                _diag.Error(ex.Message, _lines.PositionOf(ex.Offset));
                _pos = NextEntryStart(Math.Max(at + 1, Math.Min(ex.Offset, _text.Length)), at);
            }
        }
        return entries;
    }

    /// <summary>The next '@' that begins a line (after optional blanks), from <paramref name="from"/>; the end if none.</summary>
    private int NextEntryStart(int from, int entryStart)
    {
        // resume inside the broken entry when a new entry visibly starts there: a missing closing brace
        // must not swallow the entry that follows it
        var i = entryStart + 1;
        while (true)
        {
            var at = _text.IndexOf('@', i);
            if (at < 0)
            {
                return _text.Length;
            }
            var k = at - 1;
            while (k >= 0 && _text[k] is ' ' or '\t')
            {
                k--;
            }
            if ((k < 0 || _text[k] is '\n' or '\r') && at > entryStart && (at >= from || LooksLikeEntry(at)))
            {
                return at;
            }
            i = at + 1;
        }
    }

    private bool LooksLikeEntry(int at)
    {
        var k = at + 1;
        while (k < _text.Length && char.IsAsciiLetter(_text[k]))
        {
            k++;
        }
        while (k < _text.Length && _text[k] is ' ' or '\t')
        {
            k++;
        }
        return k > at + 1 && k < _text.Length && _text[k] is '{' or '(';
    }

    private BibTexRawEntry? ReadItem()
    {
        var start = _pos;
        _pos++; // '@'
        SkipSpace();
        var type = Identifier();
        if (type.Length == 0)
        {
            // a stray '@' outside an entry (an e-mail address in a comment): text outside entries is a comment
            return null;
        }
        var typeLower = type.ToLowerInvariant();
        SkipSpace();
        if (typeLower == "comment")
        {
            if (Peek() is '{' or '(')
            {
                SkipBalanced();
            }
            return null;
        }
        if (Peek() is not ('{' or '('))
        {
            // an '@' inside a line (an e-mail address in the text between entries) is comment text
            if (!AtLineStart(start))
            {
                return null;
            }
            throw new SyntaxError($"expected '{{' or '(' after @{type}", _pos);
        }
        var close = _text[_pos] == '{' ? '}' : ')';
        _pos++;
        SkipSpace();
        if (typeLower == "preamble")
        {
            _owner = ("preamble", "", null);
            Value(close);
            SkipSpace();
            Expect(close, "at the end of @preamble");
            return null;
        }
        if (typeLower == "string")
        {
            var nameAt = _pos;
            var name = Identifier();
            if (name.Length == 0)
            {
                throw new SyntaxError("@string needs a macro name", nameAt);
            }
            SkipSpace();
            Expect('=', $"after the macro name '{name}'");
            SkipSpace();
            _owner = ("string", name, null);
            try
            {
                _macros[name] = Value(close);
                _refused.Remove(name);
            }
            catch (ValueCapError)
            {
                _macros.Remove(name);
                _refused.Add(name);
                throw;
            }
            SkipSpace();
            Expect(close, $"at the end of @string{{{name} = …}}");
            return null;
        }
        var keyStart = _pos;
        while (_pos < _text.Length && _text[_pos] is not (',' or '}' or ')') && !char.IsWhiteSpace(_text[_pos]))
        {
            if (_text[_pos] is '=' or '{' or '"' or '@')
            {
                throw new SyntaxError($"@{type} entry has no key before its first field", keyStart);
            }
            _pos++;
        }
        var key = _text[keyStart.._pos];
        SkipSpace();
        var entry = new BibTexRawEntry { Type = typeLower, Key = key, Start = _lines.PositionOf(start) };
        if (Peek() == close)
        {
            _pos++;
            return entry;
        }
        Expect(',', $"after the key of @{type}{{{key}");
        while (true)
        {
            SkipSpace();
            if (_pos >= _text.Length)
            {
                throw new SyntaxError($"@{type}{{{key}: the file ends before the entry's closing '{close}'", start);
            }
            if (_text[_pos] == close)
            {
                _pos++;
                return entry;
            }
            if (_text[_pos] == ',')
            {
                _pos++; // tolerate ",," and a trailing comma
                continue;
            }
            var fieldAt = _pos;
            var field = Identifier();
            if (field.Length == 0)
            {
                throw new SyntaxError($"@{type}{{{key}: expected a field name or '{close}', found '{Shown(_text[_pos])}'", _pos);
            }
            SkipSpace();
            Expect('=', $"after the field name '{field}' in @{type}{{{key}");
            SkipSpace();
            var valueAt = _pos;
            _owner = (type, key, field.ToLowerInvariant());
            var value = Value(close);
            var lower = field.ToLowerInvariant();
            if (entry.Fields.ContainsKey(lower))
            {
                _diag.Warning($"@{type}{{{key}: field '{lower}' appears twice; the first value is kept", _lines.PositionOf(fieldAt));
            }
            else
            {
                entry.Fields[lower] = new BibTexField(value, _lines.PositionOf(valueAt));
                entry.Order.Add(lower);
            }
            SkipSpace();
            if (Peek() == close)
            {
                continue;
            }
            if (Peek() != ',')
            {
                throw new SyntaxError(_pos >= _text.Length
                    ? $"@{type}{{{key}: the file ends before the entry's closing '{close}'"
                    : $"@{type}{{{key}: expected ',' or '{close}' after the value of '{lower}', found '{Shown(_text[_pos])}'", _pos);
            }
        }
    }

    private static string Shown(char c) => c == '\n' ? "end of line" : c.ToString();

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private void Expect(char c, string where)
    {
        if (Peek() != c)
        {
            throw new SyntaxError(_pos >= _text.Length
                ? $"expected '{c}' {where}, found the end of the file"
                : $"expected '{c}' {where}, found '{Shown(_text[_pos])}'", _pos);
        }
        _pos++;
    }

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private string Identifier()
    {
        var start = _pos;
        while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] is '_' or '-' or ':' or '.' or '+' or '/' or '\'' or '!' or '?' or '*' or '&' or ';' or '<' or '>' or '[' or ']'))
        {
            _pos++;
        }
        return _text[start.._pos];
    }

    /// <summary>
    /// Past a balanced <c>{…}</c> or <c>(…)</c> block (an <c>@comment</c>), which may hold whole entries: its closing
    /// delimiter is looked up in the matches of the whole text, found in one pass when first needed, so that a file of
    /// unclosed comments is not read to its end once for each of them.
    /// </summary>
    private void SkipBalanced()
    {
        var open = _text[_pos];
        var matches = open == '{' ? _braceMatches ??= Matches('{', '}') : _parenMatches ??= Matches('(', ')');
        if (matches.TryGetValue(_pos, out var end))
        {
            _pos = end + 1;
            return;
        }
        throw new SyntaxError("unbalanced braces: the file ends inside this @comment", _pos);
    }

    /// <summary>Characters the value and comment readers have looked at on this thread (tests hold it to the length of the text).</summary>
    [ThreadStatic]
    internal static long Scanned;

    private Dictionary<int, int>? _braceMatches;
    private Dictionary<int, int>? _parenMatches;

    /// <summary>For each <paramref name="open"/> of the text that is closed, where its <paramref name="close"/> stands.</summary>
    private Dictionary<int, int> Matches(char open, char close)
    {
        Scanned += _text.Length;
        var matches = new Dictionary<int, int>();
        var stack = new Stack<int>();
        for (var i = _text.AsSpan().IndexOfAny(open, close); i >= 0 && i < _text.Length;)
        {
            if (_text[i] == open)
            {
                stack.Push(i);
            }
            else if (stack.Count > 0)
            {
                matches[stack.Pop()] = i;
            }
            var next = _text.AsSpan(i + 1).IndexOfAny(open, close);
            i = next < 0 ? -1 : i + 1 + next;
        }
        return matches;
    }

    /// <summary>A field value: braced or quoted parts, numbers and macros joined by '#'. Inner braces are kept.</summary>
    private string Value(char close)
    {
        var sb = new StringBuilder();
        while (true)
        {
            SkipSpace();
            var c = Peek();
            if (c == '{')
            {
                sb.Append(Delimited(quoted: false));
            }
            else if (c == '"')
            {
                sb.Append(Delimited(quoted: true));
            }
            else if (char.IsAsciiDigit(c))
            {
                var start = _pos;
                while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
                {
                    _pos++;
                }
                sb.Append(_text, start, _pos - start);
            }
            else if (char.IsLetter(c))
            {
                var at = _pos;
                var name = Identifier();
                if (_macros.TryGetValue(name, out var expansion))
                {
                    if ((long)sb.Length + expansion.Length > _valueCap)
                    {
                        throw new ValueCapError($"{Owner()} expands to more than {_valueCap:N0} characters with macro '{name}' (macros that repeat each other?); {OwnerFate()}", at);
                    }
                    sb.Append(expansion);
                }
                else if (_refused.Contains(name))
                {
                    throw new ValueCapError($"{Owner()} uses macro '{name}', whose value was too long to read; {OwnerFate()}", at);
                }
                else
                {
                    _diag.Warning($"undefined macro '{name}' (define it with @string{{{name} = \"…\"}}); read as empty", _lines.PositionOf(at));
                }
            }
            else
            {
                throw new SyntaxError(_pos >= _text.Length
                    ? "the file ends where a field value was expected"
                    : $"expected a field value ({{…}}, \"…\", a number or a macro), found '{Shown(c)}'", _pos);
            }
            SkipSpace();
            if (Peek() == '#')
            {
                _pos++;
                continue;
            }
            if (sb.Length > _valueCap)
            {
                throw new ValueCapError($"{Owner()} is longer than {_valueCap:N0} characters; {OwnerFate()}", _pos);
            }
            _expanded += sb.Length;
            if (_expanded > _fileCap)
            {
                throw new FileCapError($"{Owner()}: the values read so far expand to more than {_fileCap:N0} characters in all, "
                    + $"{_fileCap / Math.Max(1, _text.Length):N0} times the file's length (macros used over and over?); the rest of the file is not read", _pos);
            }
            return sb.ToString();
        }
    }

    private string Owner() => _owner switch
    {
        ("string", var name, _) => $"@string{{{name} = …}}",
        ("preamble", _, _) => "@preamble",
        var (type, key, field) => $"@{type}{{{key}}}, field '{field}'",
    };

    private string OwnerFate() => _owner.Type switch
    {
        "string" => "the macro is not defined",
        "preamble" => "the preamble is skipped",
        _ => "the entry is not imported",
    };

    /// <summary>
    /// A value in braces (<c>{…}</c>, nested braces balanced) or in quotes (<c>"…"</c>, a quote inside braces kept);
    /// the cursor is on the opening delimiter and ends after the closing one. An entry starting at a line's start means
    /// the value was never closed.
    /// </summary>
    private string Delimited(bool quoted)
    {
        var start = _pos;
        var depth = 0;
        if (quoted)
        {
            _pos++;
        }
        for (; _pos < _text.Length; _pos++)
        {
            Scanned++;
            var c = _text[_pos];
            if (c == '\\')
            {
                _pos++;
                continue;
            }
            if (c == '{')
            {
                depth++;
            }
            else if ((c == '}' && --depth == 0 && !quoted) || (c == '"' && quoted && depth == 0))
            {
                _pos++;
                return _text[(start + 1)..(_pos - 1)];
            }
            else if (c == '@' && AtLineStart(_pos) && LooksLikeEntry(_pos))
            {
                // an unclosed value: the next entry starts here, however deep in braces (stopping only outside inner
                // braces let every unclosed value of a file of them run to its end: 12,000 took 2.2 s for 835 KB, and
                // four times as many 36 s)
                break;
            }
        }
        throw new SyntaxError(quoted ? "unterminated quoted value: the closing '\"' is missing" : "unbalanced braces: this value is never closed", start);
    }

    private bool AtLineStart(int at)
    {
        var k = at - 1;
        while (k >= 0 && _text[k] is ' ' or '\t')
        {
            k--;
        }
        return k < 0 || _text[k] is '\n' or '\r'; // a file may end its lines with a carriage return alone
    }
}
