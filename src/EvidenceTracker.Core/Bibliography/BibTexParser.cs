using System.Text;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Model;
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

    /// <summary>The fields this reader maps onto a source; the others are reported as not imported.</summary>
    private static readonly HashSet<string> Consumed = new(StringComparer.OrdinalIgnoreCase)
    {
        "title", "subtitle", "author", "journal", "journaltitle", "booktitle", "publisher", "organization", "institution",
        "school", "howpublished", "date", "year", "month", "day", "urldate", "url", "doi", "pmid", "eprint", "eprinttype",
        "language", "langid", "volume", "number", "issue", "pages", "crossref", "entrysubtype", "type",
    };

    private readonly string _text;
    private readonly LineIndex _lines;
    private readonly BibDiagnostics _diag;
    private readonly Dictionary<string, string> _macros = new(StringComparer.OrdinalIgnoreCase);
    private int _pos;

    private sealed record RawField(string Value, Position At);

    private sealed class RawEntry
    {
        public required string Type { get; init; }
        public required string Key { get; init; }
        public required Position Start { get; init; }
        public Dictionary<string, RawField> Fields { get; } = new(StringComparer.OrdinalIgnoreCase);
        /// <summary>Field names in file order, lowercase.</summary>
        public List<string> Order { get; } = [];
    }

    private sealed class SyntaxError(string message, int offset) : Exception(message)
    {
        public int Offset { get; } = offset;
    }

    private BibTexParser(string text, BibDiagnostics diag)
    {
        _text = text;
        _lines = LineIndex.Of(text);
        _diag = diag;
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
        var entries = parser.Resolve(raw);
        return new BibParseResult(entries, diag.Findings);
    }

    private List<RawEntry> ReadAll()
    {
        var entries = new List<RawEntry>();
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
            if ((k < 0 || _text[k] == '\n') && at > entryStart && (at >= from || LooksLikeEntry(at)))
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

    private RawEntry? ReadItem()
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
            _macros[name] = Value(close);
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
        var entry = new RawEntry { Type = typeLower, Key = key, Start = _lines.PositionOf(start) };
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
            var value = Value(close);
            var lower = field.ToLowerInvariant();
            if (entry.Fields.ContainsKey(lower))
            {
                _diag.Warning($"@{type}{{{key}: field '{lower}' appears twice; the first value is kept", _lines.PositionOf(fieldAt));
            }
            else
            {
                entry.Fields[lower] = new RawField(value, _lines.PositionOf(valueAt));
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

    private void SkipBalanced()
    {
        var open = _text[_pos];
        var close = open == '{' ? '}' : ')';
        var depth = 0;
        var start = _pos;
        for (; _pos < _text.Length; _pos++)
        {
            if (_text[_pos] == open)
            {
                depth++;
            }
            else if (_text[_pos] == close && --depth == 0)
            {
                _pos++;
                return;
            }
        }
        throw new SyntaxError("unbalanced braces: the file ends inside this @comment", start);
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
                sb.Append(Braced());
            }
            else if (c == '"')
            {
                sb.Append(Quoted());
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
                    sb.Append(expansion);
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
            return sb.ToString();
        }
    }

    private string Braced()
    {
        var start = _pos;
        var depth = 0;
        for (; _pos < _text.Length; _pos++)
        {
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
            else if (c == '}' && --depth == 0)
            {
                _pos++;
                return _text[(start + 1)..(_pos - 1)];
            }
            else if (c == '@' && depth == 1 && AtLineStart(_pos) && LooksLikeEntry(_pos))
            {
                break; // an unclosed brace: the next entry starts here
            }
        }
        throw new SyntaxError("unbalanced braces: this value is never closed", start);
    }

    private bool AtLineStart(int at)
    {
        var k = at - 1;
        while (k >= 0 && _text[k] is ' ' or '\t')
        {
            k--;
        }
        return k < 0 || _text[k] == '\n';
    }

    private string Quoted()
    {
        var start = _pos;
        _pos++;
        var depth = 0;
        for (; _pos < _text.Length; _pos++)
        {
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
            else if (c == '}')
            {
                depth--;
            }
            else if (c == '"' && depth == 0)
            {
                _pos++;
                return _text[(start + 1)..(_pos - 1)];
            }
            else if (c == '@' && AtLineStart(_pos) && LooksLikeEntry(_pos))
            {
                break;
            }
        }
        throw new SyntaxError("unterminated quoted value: the closing '\"' is missing", start);
    }

    // ---------------------------------------------------------------- mapping onto sources

    private List<BibEntry> Resolve(List<RawEntry> raw)
    {
        var byKey = new Dictionary<string, RawEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in raw)
        {
            if (e.Key.Length > 0)
            {
                byKey.TryAdd(e.Key, e);
            }
        }
        var result = new List<BibEntry>(raw.Count);
        foreach (var e in raw)
        {
            if (e.Fields.TryGetValue("crossref", out var cr))
            {
                var parentKey = Latex.Decode(cr.Value);
                if (byKey.TryGetValue(parentKey, out var parent) && !ReferenceEquals(parent, e))
                {
                    Inherit(e, parent);
                }
                else
                {
                    _diag.Warning($"@{e.Type}{{{e.Key}: crossref '{parentKey}' names no entry of this file; nothing inherited", cr.At);
                }
            }
            result.Add(Map(e));
        }
        return result;
    }

    /// <summary>BibLaTeX's default inheritance: every missing field, and the parent's title as the child's booktitle.</summary>
    private static void Inherit(RawEntry child, RawEntry parent)
    {
        foreach (var name in parent.Order)
        {
            var target = name switch
            {
                "title" => "booktitle",
                "subtitle" => "booksubtitle",
                "author" when child.Type is "inbook" or "bookinbook" or "suppbook" => "bookauthor",
                _ => name,
            };
            if (name is "crossref" or "ids" or "entryset" or "xdata")
            {
                continue;
            }
            if (!child.Fields.ContainsKey(target))
            {
                child.Fields[target] = parent.Fields[name];
                child.Order.Add(target);
            }
        }
    }

    private BibEntry Map(RawEntry e)
    {
        var used = new HashSet<string>(StringComparer.Ordinal) { "crossref" };
        string? Text(string name)
        {
            if (e.Fields.TryGetValue(name, out var f) && Latex.Decode(f.Value) is { Length: > 0 } v)
            {
                used.Add(name);
                return v;
            }
            return null;
        }
        string? Peek(string name) =>
            e.Fields.TryGetValue(name, out var f) && Latex.Decode(f.Value) is { Length: > 0 } v ? v : null;
        Position? At(string name) => e.Fields.TryGetValue(name, out var f) ? f.At : null;
        var label = $"@{e.Type}{{{e.Key}}}";
        var entry = new BibEntry { Key = e.Key.Length > 0 ? e.Key : null, Label = label, Start = e.Start };
        var subtype = Peek("entrysubtype")?.ToLowerInvariant();
        var typeField = Peek("type");
        entry.Type = TypeOf(e.Type, subtype, typeField, e.Fields.ContainsKey("urldate") && e.Fields.ContainsKey("url"));
        if (subtype is "newspaper" or "regulatory" || (subtype is not null && entry.Type == "journal-article"))
        {
            used.Add("entrysubtype");
        }
        if (typeField is not null && SourceTypes.IsPressRelease(typeField))
        {
            used.Add("type");
        }

        var title = Text("title");
        if (title is not null && Text("subtitle") is { } sub)
        {
            title = title.TrimEnd() + (title.EndsWith('?') || title.EndsWith('!') || title.EndsWith(':') ? " " : ": ") + sub;
        }
        entry.Title = title;
        if (e.Fields.TryGetValue("author", out var authors))
        {
            entry.Authors.AddRange(BibNames.ParseList(authors.Value, out _));
            used.Add("author");
        }

        var isArticle = e.Type is "article" or "periodical" or "suppperiodical";
        var isInProceedings = e.Type is "inproceedings" or "conference";
        string? publisher = entry.Type switch
        {
            "journal-article" or "news" => Text("journaltitle") ?? Text("journal") ?? (isInProceedings ? Text("booktitle") : null) ?? Text("publisher"),
            "web-page" => Text("organization") ?? Text("publisher") ?? NonUrl(Text("howpublished")) ?? Text("journaltitle") ?? Text("journal"),
            "report" => Text("institution") ?? Text("school") ?? Text("organization") ?? Text("publisher"),
            _ => Text("publisher") ?? Text("organization") ?? Text("institution") ?? Text("school") ?? NonUrl(Text("howpublished")),
        };
        entry.Publisher = publisher;

        // dates: BibLaTeX's date, else year + month + day
        if (Text("date") is { } date)
        {
            entry.Date = BibDates.Parse(date.Split('/')[0]) ?? BibDates.Parse(date);
            if (entry.Date is null)
            {
                _diag.Warning($"{label}: date '{date}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD); left out", At("date"));
            }
        }
        else if (Text("year") is { } yearText)
        {
            var year = yearText.Length >= 4 && yearText[..4].All(char.IsAsciiDigit) && (yearText.Length == 4 || !char.IsAsciiDigit(yearText[4]))
                ? int.Parse(yearText.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture)
                : (int?)null;
            if (year is null)
            {
                _diag.Warning($"{label}: year '{yearText}' is not a year; left out", At("year"));
            }
            else
            {
                int? month = null;
                int? day = Text("day") is { } dayText ? BibDates.Ordinal(dayText) : null;
                if (Text("month") is { } monthText)
                {
                    month = BibDates.Month(monthText);
                    if (month is null)
                    {
                        // "July 30th", "2 sep": a month name with a day
                        foreach (var word in monthText.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                        {
                            if (BibDates.Month(word) is int m && !char.IsAsciiDigit(word[0]))
                            {
                                month = m;
                            }
                            else if (BibDates.Ordinal(word) is int d)
                            {
                                day ??= d;
                            }
                        }
                    }
                    if (month is null)
                    {
                        _diag.Warning($"{label}: month '{monthText}' is not a month; the year alone is kept", At("month"));
                    }
                }
                entry.Date = BibDates.FromParts(year.Value, month, month is null ? null : day);
            }
        }

        if (Text("urldate") is { } urldate)
        {
            entry.Accessed = BibDates.Parse(urldate);
            if (entry.Accessed is null)
            {
                _diag.Warning($"{label}: urldate '{urldate}' is not a date; left out", At("urldate"));
            }
        }
        var url = e.Fields.TryGetValue("url", out var u) ? Latex.CollapseSpace(u.Value.Replace("\\%", "%", StringComparison.Ordinal).Replace("\\_", "_", StringComparison.Ordinal).Replace("\\&", "&", StringComparison.Ordinal).Replace("\\#", "#", StringComparison.Ordinal)) : null;
        if (!string.IsNullOrEmpty(url))
        {
            used.Add("url");
        }
        else if (Peek("howpublished") is { } how && how.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            url = Text("howpublished");
        }
        entry.Url = string.IsNullOrEmpty(url) ? null : url;
        entry.Doi = Text("doi");
        entry.Pmid = Text("pmid");
        if (entry.Pmid is null && Peek("eprinttype") is { } eprintType && eprintType.Equals("pubmed", StringComparison.OrdinalIgnoreCase))
        {
            entry.Pmid = Text("eprint");
            used.Add("eprinttype");
        }
        var lang = Text("langid") ?? Text("language");
        if (lang is not null)
        {
            entry.Lang = Languages.ToTag(lang);
            if (entry.Lang is null)
            {
                _diag.Warning($"{label}: language '{lang}' is not a language this reader knows; left out (write a BCP 47 tag such as en or zh)", At(e.Fields.ContainsKey("langid") ? "langid" : "language"));
            }
        }
        entry.Volume = Text("volume");
        // number is the issue of an article; of a book, report or proceedings it is a series or report number
        var usesNumber = isArticle;
        entry.Issue = usesNumber ? Text("number") ?? Text("issue") : null;
        if (e.Fields.TryGetValue("pages", out var pages) && Latex.Decode(pages.Value, pages: true) is { Length: > 0 } p)
        {
            entry.Pages = p;
            used.Add("pages");
        }
        foreach (var name in e.Order)
        {
            if (!used.Contains(name) && Peek(name) is not null && !(Consumed.Contains(name) && name is "day" or "month" or "year" && entry.Date is not null))
            {
                entry.Unmapped.Add(name);
            }
        }
        return entry;
    }

    private static string? NonUrl(string? text) =>
        text is null || text.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? null : text;

    /// <summary>The source type of a BibTeX/BibLaTeX entry type.</summary>
    public static string TypeOf(string type, string? subtype, string? typeField, bool hasUrlDate)
    {
        if (typeField is not null && SourceTypes.IsPressRelease(typeField))
        {
            return "press-release";
        }
        if (subtype == "regulatory")
        {
            return "regulatory";
        }
        return type switch
        {
            "article" or "periodical" or "suppperiodical" => subtype is "newspaper" ? "news" : "journal-article",
            "inproceedings" or "conference" => "journal-article",
            "book" or "mvbook" or "booklet" or "inbook" or "incollection" or "bookinbook" or "suppbook" or "collection"
                or "mvcollection" or "suppcollection" or "reference" or "mvreference" or "inreference" or "proceedings"
                or "mvproceedings" => "book",
            "techreport" or "report" or "manual" or "mastersthesis" or "phdthesis" or "thesis" or "standard" => "report",
            "online" or "electronic" or "www" or "webpage" => "web-page",
            "dataset" or "data" => "dataset",
            "legislation" or "legal" or "jurisdiction" or "law" => "regulatory",
            "misc" when hasUrlDate => "web-page",
            _ => "other",
        };
    }
}
