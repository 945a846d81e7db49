using System.Globalization;
using System.Text;
using EvidenceTracker.Text;

namespace EvidenceTracker.Bibliography;

/// <summary>LaTeX markup of BibTeX field values, decoded to plain Unicode text.</summary>
internal static class Latex
{
    // accent command → (base letters, composed letters), position by position
    private static readonly Dictionary<char, (string Bases, string Composed)> Accents = new()
    {
        ['\''] = ("aeiouyAEIOUYcCnNsSzZlLrRgG", "áéíóúýÁÉÍÓÚÝćĆńŃśŚźŹĺĹŕŔǵǴ"),
        ['`'] = ("aeiouAEIOUnN", "àèìòùÀÈÌÒÙǹǸ"),
        ['^'] = ("aeiouAEIOUcCgGhHjJsSwWyY", "âêîôûÂÊÎÔÛĉĈĝĜĥĤĵĴŝŜŵŴŷŶ"),
        ['"'] = ("aeiouyAEIOUY", "äëïöüÿÄËÏÖÜŸ"),
        ['~'] = ("anoAOiIuUN", "ãñõÃÕĩĨũŨÑ"),
        ['='] = ("aeiouAEIOU", "āēīōūĀĒĪŌŪ"),
        ['.'] = ("zZeEcCgGI", "żŻėĖċĊġĠİ"),
        ['u'] = ("aeiouAEIOUgG", "ăĕĭŏŭĂĔĬŎŬğĞ"),
        ['v'] = ("cdenrstzCDENRSTZ", "čďěňřšťžČĎĚŇŘŠŤŽ"),
        ['H'] = ("ouOU", "őűŐŰ"),
        ['c'] = ("cstCSTkKlLnNrRgG", "çşţÇŞŢķĶļĻņŅŗŖģĢ"),
        ['k'] = ("aeiuAEIU", "ąęįųĄĘĮŲ"),
        ['r'] = ("auAU", "åůÅŮ"),
    };

    // combining marks for accents that have no precomposed letter in the table
    private static readonly Dictionary<char, char> Combining = new()
    {
        ['\''] = '\u0301', ['`'] = '\u0300', ['^'] = '\u0302', ['"'] = '\u0308', ['~'] = '\u0303', ['='] = '\u0304',
        ['.'] = '\u0307', ['u'] = '\u0306', ['v'] = '\u030C', ['H'] = '\u030B', ['c'] = '\u0327', ['k'] = '\u0328',
        ['r'] = '\u030A', ['d'] = '\u0323', ['b'] = '\u0331', ['t'] = '\u0361',
    };

    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["ss"] = "ß", ["SS"] = "SS", ["o"] = "ø", ["O"] = "Ø", ["ae"] = "æ", ["AE"] = "Æ", ["oe"] = "œ", ["OE"] = "Œ",
        ["aa"] = "å", ["AA"] = "Å", ["l"] = "ł", ["L"] = "Ł", ["i"] = "ı", ["j"] = "ȷ", ["dh"] = "ð", ["DH"] = "Ð",
        ["th"] = "þ", ["TH"] = "Þ", ["ng"] = "ŋ", ["NG"] = "Ŋ", ["dj"] = "đ", ["DJ"] = "Đ",
        ["textendash"] = "–", ["textemdash"] = "—", ["textquoteright"] = "’", ["textquoteleft"] = "‘",
        ["textquotedblleft"] = "“", ["textquotedblright"] = "”", ["textbackslash"] = "\\", ["textasciitilde"] = "~",
        ["textasciicircum"] = "^", ["textregistered"] = "®", ["texttrademark"] = "™", ["textcopyright"] = "©",
        ["copyright"] = "©", ["textdegree"] = "°", ["textperiodcentered"] = "·", ["textbullet"] = "•", ["S"] = "§", ["P"] = "¶",
        ["dag"] = "†", ["ddag"] = "‡", ["LaTeX"] = "LaTeX", ["TeX"] = "TeX", ["BibTeX"] = "BibTeX", ["euro"] = "€",
        ["texteuro"] = "€", ["pounds"] = "£", ["textsterling"] = "£", ["textellipsis"] = "…", ["dots"] = "…", ["ldots"] = "…",
        ["textunderscore"] = "_", ["textbar"] = "|", ["textless"] = "<", ["textgreater"] = ">", ["guillemotleft"] = "«",
        ["guillemotright"] = "»", ["quad"] = " ", ["qquad"] = " ", ["space"] = " ", ["textdollar"] = "$",
        ["alpha"] = "α", ["beta"] = "β", ["gamma"] = "γ", ["delta"] = "δ", ["epsilon"] = "ε", ["kappa"] = "κ",
        ["lambda"] = "λ", ["mu"] = "μ", ["pi"] = "π", ["sigma"] = "σ", ["tau"] = "τ", ["omega"] = "ω", ["times"] = "×",
        ["pm"] = "±", ["leq"] = "≤", ["geq"] = "≥", ["le"] = "≤", ["ge"] = "≥", ["approx"] = "≈", ["infty"] = "∞",
        ["par"] = " ", ["newline"] = " ", ["relax"] = "", ["protect"] = "", ["noopsort"] = "", ["ensuremath"] = "",
    };

    // commands whose arguments are dropped entirely
    private static readonly HashSet<string> Swallow = new(StringComparer.Ordinal) { "noopsort", "cite", "label", "ref", "footnote" };

    /// <summary>Decodes LaTeX to plain text: accents, escapes, dashes, quotes; braces and formatting commands dropped.</summary>
    /// <param name="pages">In page ranges, <c>--</c> and en dashes become a plain hyphen.</param>
    public static string Decode(string text, bool pages = false)
    {
        if (text.Length == 0)
        {
            return text;
        }
        if (!NeedsDecoding(text))
        {
            return CollapseSpace(text, pages);
        }
        var sb = new StringBuilder(text.Length);
        var i = 0;
        DecodeInto(text, ref i, sb, stopAtBrace: false);
        return CollapseSpace(sb.ToString(), pages);
    }

    private static bool NeedsDecoding(string text)
    {
        foreach (var c in text)
        {
            if (c is '\\' or '{' or '}' or '~' or '$' or '`' or '\'' or '-')
            {
                return true;
            }
        }
        return false;
    }

    // commands nest (\\textit{\\textbf{…}}); past this depth their arguments are read as plain groups, so that no
    // input, however deeply nested, can exhaust the stack
    private const int MaxDepth = 64;

    [ThreadStatic]
    private static int _depth;

    /// <summary>Decodes up to the '}' that closes the current group (when <paramref name="stopAtBrace"/>); plain braces are dropped.</summary>
    private static void DecodeInto(string s, ref int i, StringBuilder sb, bool stopAtBrace)
    {
        var level = 0;
        while (i < s.Length)
        {
            var c = s[i];
            switch (c)
            {
                case '\\':
                    if (_depth >= MaxDepth)
                    {
                        i++; // too deep: the command name is read as text
                        break;
                    }
                    _depth++;
                    try
                    {
                        Command(s, ref i, sb);
                    }
                    finally
                    {
                        _depth--;
                    }
                    break;
                case '{':
                    i++;
                    level++;
                    break;
                case '}':
                    i++;
                    if (level > 0)
                    {
                        level--;
                    }
                    else if (stopAtBrace)
                    {
                        return;
                    }
                    break;
                case '~':
                    sb.Append(' ');
                    i++;
                    break;
                case '$':
                    i++; // math delimiters: keep the content, drop the dollars
                    break;
                case '`':
                    if (CharInfo.At(s, i + 1, '`'))
                    {
                        sb.Append('“');
                        i += 2;
                    }
                    else
                    {
                        sb.Append('‘');
                        i++;
                    }
                    break;
                case '\'':
                    if (CharInfo.At(s, i + 1, '\''))
                    {
                        sb.Append('”');
                        i += 2;
                    }
                    else
                    {
                        sb.Append('\'');
                        i++;
                    }
                    break;
                case '-':
                    if (CharInfo.StartsAt(s, i, "---"))
                    {
                        sb.Append('—');
                        i += 3;
                    }
                    else if (CharInfo.StartsAt(s, i, "--"))
                    {
                        sb.Append('–');
                        i += 2;
                    }
                    else
                    {
                        sb.Append('-');
                        i++;
                    }
                    break;
                default:
                    sb.Append(c);
                    i++;
                    break;
            }
        }
    }

    private static void Command(string s, ref int i, StringBuilder sb)
    {
        i++; // the backslash
        if (i >= s.Length)
        {
            return;
        }
        var c = s[i];
        if (!char.IsAsciiLetter(c))
        {
            i++;
            if (Accents.ContainsKey(c) || Combining.ContainsKey(c))
            {
                AppendAccented(c, Argument(s, ref i, skipSpace: false), sb);
                return;
            }
            switch (c)
            {
                case '\\':
                case ',':
                case ' ':
                case ';':
                case ':':
                case '\n':
                    sb.Append(' ');
                    break;
                case '-':
                case '/':
                case '@':
                    break;
                default:
                    sb.Append(c); // \& \% \$ \# \_ \{ \}
                    break;
            }
            return;
        }
        var start = i;
        while (i < s.Length && char.IsAsciiLetter(s[i]))
        {
            i++;
        }
        var name = s[start..i];
        if (name.Length == 1 && Combining.ContainsKey(name[0]) && !Symbols.ContainsKey(name))
        {
            AppendAccented(name[0], Argument(s, ref i, skipSpace: true), sb);
            return;
        }
        // a control word eats the spaces after it
        var afterName = i;
        while (i < s.Length && s[i] is ' ' or '\t' or '\n' or '\r')
        {
            i++;
        }
        if (Symbols.TryGetValue(name, out var symbol))
        {
            sb.Append(symbol);
            if (CharInfo.StartsAt(s, i, "{}"))
            {
                i += 2;
            }
            return;
        }
        if (i >= s.Length || s[i] != '{')
        {
            i = afterName; // an unknown command without argument: dropped, the spaces kept
            return;
        }
        if (Swallow.Contains(name))
        {
            Argument(s, ref i, skipSpace: false);
            return;
        }
        if (name is "url" or "path")
        {
            sb.Append(RawGroup(s, ref i));
            return;
        }
        if (name == "href")
        {
            var url = RawGroup(s, ref i);
            while (i < s.Length && char.IsWhiteSpace(s[i]))
            {
                i++;
            }
            if (i < s.Length && s[i] == '{')
            {
                i++;
                DecodeInto(s, ref i, sb, stopAtBrace: true);
            }
            else
            {
                sb.Append(url);
            }
            return;
        }
        // \textit{…}, \emph{…}, \textsuperscript{…} and any other command with an argument: its text
        i++;
        DecodeInto(s, ref i, sb, stopAtBrace: true);
    }

    private static string RawGroup(string s, ref int i)
    {
        var depth = 0;
        var start = i + 1;
        for (; i < s.Length; i++)
        {
            if (s[i] == '{')
            {
                depth++;
            }
            else if (s[i] == '}' && --depth == 0)
            {
                var raw = s[start..i];
                i++;
                return raw;
            }
        }
        return s[start..];
    }

    /// <summary>The argument of an accent: a braced group, a control word (\i) or one character.</summary>
    private static string Argument(string s, ref int i, bool skipSpace)
    {
        if (skipSpace)
        {
            while (i < s.Length && s[i] == ' ')
            {
                i++;
            }
        }
        if (i >= s.Length)
        {
            return "";
        }
        if (s[i] == '{')
        {
            var sb = new StringBuilder();
            i++;
            DecodeInto(s, ref i, sb, stopAtBrace: true);
            return sb.ToString();
        }
        if (s[i] == '\\')
        {
            var sb = new StringBuilder();
            Command(s, ref i, sb);
            return sb.ToString();
        }
        return s[i++].ToString();
    }

    private static void AppendAccented(char accent, string argument, StringBuilder sb)
    {
        if (argument.Length == 0)
        {
            return;
        }
        var first = argument[0] switch { 'ı' => 'i', 'ȷ' => 'j', var x => x };
        if (Accents.TryGetValue(accent, out var table))
        {
            var k = table.Bases.IndexOf(first, StringComparison.Ordinal);
            if (k >= 0)
            {
                sb.Append(table.Composed[k]).Append(argument.AsSpan(1));
                return;
            }
        }
        sb.Append(first);
        if (Combining.TryGetValue(accent, out var mark))
        {
            sb.Append(mark);
        }
        sb.Append(argument.AsSpan(1));
    }

    /// <summary>Collapses runs of white space to one space and trims; in page ranges, dashes become '-'.</summary>
    public static string CollapseSpace(string text, bool pages = false)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c0 in text)
        {
            var c = pages && c0 is '–' or '—' or '‐' or '‑' ? '-' : c0;
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space)
            {
                if (!(pages && (c == '-' || (sb.Length > 0 && sb[^1] == '-'))))
                {
                    sb.Append(' ');
                }
                space = false;
            }
            if (pages && c == '-' && sb.Length > 0 && sb[^1] == '-')
            {
                continue;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }
}

/// <summary>Dates of bibliographies normalised to the contract's YYYY, YYYY-MM or YYYY-MM-DD.</summary>
internal static class BibDates
{
    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    public static string? FromParts(int year, int? month, int? day)
    {
        if (year is < 1 or > 9999)
        {
            return null;
        }
        var y = year.ToString("D4", CultureInfo.InvariantCulture);
        if (month is not int m || m is < 1 or > 12)
        {
            return y;
        }
        var ym = $"{y}-{m:D2}";
        if (day is int d && d >= 1 && d <= DateTime.DaysInMonth(year, m))
        {
            return $"{ym}-{d:D2}";
        }
        return ym;
    }

    /// <summary>The month (1-12) of a number, an English month name or abbreviation; null otherwise.</summary>
    public static int? Month(string text)
    {
        var t = text.Trim().TrimEnd('.').ToLowerInvariant();
        if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n is >= 1 and <= 12 ? n : null;
        }
        if (t.Length >= 3)
        {
            for (var k = 0; k < 12; k++)
            {
                if (MonthNames[k].StartsWith(t, StringComparison.Ordinal) || (t.StartsWith(MonthNames[k][..3], StringComparison.Ordinal) && t.Length <= 4))
                {
                    return k + 1;
                }
            }
        }
        return null;
    }

    /// <summary>
    /// Reads ISO-like dates (2023, 2023-11, 2023-11-20, 2023/11/20, RIS 1948/07//, ranges 2018-12-03/2018-12-06,
    /// times 2023-11-20T10:00) and English ones (20 November 2023, November 20, 2023, Nov 2023); null if none.
    /// </summary>
    public static string? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var t = text.Trim();
        var span = t.AsSpan();
        if (span.Length >= 4 && char.IsAsciiDigit(span[0]) && char.IsAsciiDigit(span[1]) && char.IsAsciiDigit(span[2]) && char.IsAsciiDigit(span[3]))
        {
            var year = int.Parse(span[..4], NumberStyles.None, CultureInfo.InvariantCulture);
            if (span.Length == 4)
            {
                return FromParts(year, null, null);
            }
            var sep = span[4];
            if (sep is '-' or '/' or '.')
            {
                var parts = t[5..].Split(sep is '/' ? '/' : sep);
                int? month = parts.Length > 0 && TwoDigits(parts[0]) is int m ? m : null;
                int? day = month is not null && parts.Length > 1 && TwoDigits(TrimTime(parts[1])) is int d ? d : null;
                if (month is null && parts.Length > 0 && parts[0].Length > 0 && sep != '/')
                {
                    return null;
                }
                return FromParts(year, month, day);
            }
            if (!char.IsAsciiDigit(sep))
            {
                return FromParts(year, null, null);
            }
            return null;
        }
        // English: "20 November 2023", "November 20, 2023", "Nov 2023", "June 2025"
        var words = t.Replace(",", " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int? y = null, mo = null, dd = null;
        foreach (var w in words)
        {
            var word = w.TrimEnd('.');
            if (word.Length == 4 && int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var yy))
            {
                y = yy;
            }
            else if (Month(word) is int mm && !char.IsAsciiDigit(word[0]))
            {
                mo = mm;
            }
            else if (Ordinal(word) is int day && day is >= 1 and <= 31)
            {
                dd = day;
            }
            else
            {
                return null;
            }
        }
        return y is int year2 ? FromParts(year2, mo, mo is null ? null : dd) : null;
    }

    private static string TrimTime(string s)
    {
        var t = s.IndexOf('T', StringComparison.Ordinal);
        return t > 0 ? s[..t] : s;
    }

    private static int? TwoDigits(string s) =>
        s.Length is 1 or 2 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>A day number such as 14, 14th or 2nd.</summary>
    public static int? Ordinal(string word)
    {
        var w = word;
        foreach (var suffix in (string[])["st", "nd", "rd", "th"])
        {
            if (w.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                w = w[..^2];
                break;
            }
        }
        return w.Length is 1 or 2 && int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    public static string? Year(string? date) => date is { Length: >= 4 } ? date[..4] : null;
}

/// <summary>Language names and codes of bibliographies mapped to BCP 47 tags.</summary>
internal static class Languages
{
    private static readonly Dictionary<string, string> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["english"] = "en", ["american"] = "en-US", ["british"] = "en-GB", ["usenglish"] = "en-US", ["ukenglish"] = "en-GB",
        ["eng"] = "en", ["chinese"] = "zh", ["chi"] = "zh", ["zho"] = "zh", ["mandarin"] = "zh", ["中文"] = "zh", ["汉语"] = "zh",
        ["简体中文"] = "zh-Hans", ["繁體中文"] = "zh-Hant", ["pinyin"] = "zh-Latn",
        ["german"] = "de", ["ngerman"] = "de", ["deutsch"] = "de", ["ger"] = "de", ["deu"] = "de", ["austrian"] = "de-AT",
        ["naustrian"] = "de-AT", ["swissgerman"] = "de-CH", ["nswissgerman"] = "de-CH",
        ["french"] = "fr", ["francais"] = "fr", ["français"] = "fr", ["fre"] = "fr", ["fra"] = "fr",
        ["spanish"] = "es", ["spa"] = "es", ["español"] = "es", ["italian"] = "it", ["ita"] = "it",
        ["dutch"] = "nl", ["nld"] = "nl", ["dut"] = "nl", ["japanese"] = "ja", ["jpn"] = "ja", ["korean"] = "ko", ["kor"] = "ko",
        ["russian"] = "ru", ["rus"] = "ru", ["portuguese"] = "pt", ["por"] = "pt", ["brazilian"] = "pt-BR",
        ["polish"] = "pl", ["pol"] = "pl", ["swedish"] = "sv", ["swe"] = "sv", ["danish"] = "da", ["dan"] = "da",
        ["norwegian"] = "no", ["nor"] = "no", ["finnish"] = "fi", ["fin"] = "fi", ["czech"] = "cs", ["cze"] = "cs", ["ces"] = "cs",
        ["greek"] = "el", ["gre"] = "el", ["ell"] = "el", ["turkish"] = "tr", ["tur"] = "tr", ["arabic"] = "ar", ["ara"] = "ar",
        ["hebrew"] = "he", ["heb"] = "he", ["hungarian"] = "hu", ["magyar"] = "hu", ["hun"] = "hu", ["latin"] = "la", ["lat"] = "la",
        ["catalan"] = "ca", ["cat"] = "ca", ["romanian"] = "ro", ["rum"] = "ro", ["ron"] = "ro", ["ukrainian"] = "uk", ["ukr"] = "uk",
        ["croatian"] = "hr", ["serbian"] = "sr", ["slovak"] = "sk", ["slovene"] = "sl", ["slovenian"] = "sl", ["bulgarian"] = "bg",
        ["hindi"] = "hi", ["vietnamese"] = "vi", ["vie"] = "vi", ["thai"] = "th", ["indonesian"] = "id", ["malay"] = "ms",
        ["persian"] = "fa", ["farsi"] = "fa", ["icelandic"] = "is", ["estonian"] = "et", ["latvian"] = "lv", ["lithuanian"] = "lt",
        ["afrikaans"] = "af", ["welsh"] = "cy", ["irish"] = "ga", ["basque"] = "eu", ["galician"] = "gl",
    };

    /// <summary>The BCP 47 tag of a language name, a BCP 47 tag or an ISO 639-2 code; null if unknown.</summary>
    public static string? ToTag(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var t = text.Trim().Replace('_', '-');
        if (ByName.TryGetValue(t, out var tag))
        {
            return tag;
        }
        if (Model.Values.LangProblem(t) is null && t.Split('-')[0].Length == 2)
        {
            var parts = t.Split('-');
            parts[0] = parts[0].ToLowerInvariant();
            return string.Join('-', parts);
        }
        return null;
    }

    /// <summary>Whether a source reads as Chinese: a zh language tag, or (with no tag) ideographs in its title.</summary>
    public static bool IsChinese(string? lang, string? title)
    {
        if (lang is not null)
        {
            return lang.Equals("zh", StringComparison.OrdinalIgnoreCase) || lang.StartsWith("zh-", StringComparison.OrdinalIgnoreCase);
        }
        return title is not null && title.Any(CharInfo.IsIdeograph);
    }
}
