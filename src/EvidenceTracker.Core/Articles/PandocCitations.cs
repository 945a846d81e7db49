using EvidenceTracker.Diagnostics;
using EvidenceTracker.Yaml;

namespace EvidenceTracker.Articles;

/// <summary>
/// Pandoc's citation syntax, read as Pandoc reads it: bracketed citations <c>[@a; see @b, p. 33; -@c]</c> and in-text
/// <c>@key</c> (optionally followed by a locator, <c>@key [p. 33]</c>). A key starts with a letter, digit or <c>_</c>
/// and goes on with those and internal punctuation <c>:.#$%&amp;-+?&lt;&gt;~/</c> (punctuation that a letter, digit or
/// <c>_</c> follows); <c>@{…}</c> braces a key of any other characters. An <c>@</c> after a letter or digit (an e-mail
/// address) or after a backslash is no citation. Manubot's prefixed keys (<c>@doi:10.…</c>, <c>@pmid:…</c>) are keys
/// of this syntax; pandoc-crossref's <c>@fig:</c>, <c>@tbl:</c>, <c>@sec:</c>, <c>@eq:</c>, <c>@lst:</c> are
/// cross-references and are left alone.
/// </summary>
public static class PandocCitations
{
    /// <summary>How far a bracketed citation may reach before its <c>]</c>.</summary>
    private const int MaxBracket = 2000;

    private const string InternalPunctuation = ":.#$%&-+?<>~/";

    private static readonly string[] CrossReferencePrefixes = ["fig:", "tbl:", "sec:", "eq:", "lst:"];

    /// <summary>
    /// A citation found in a block's plain text. Keys are given with the offset of their <c>@</c>. The text
    /// [<see cref="CutStart"/>, <see cref="CutEnd"/>) is removed from the block's text (a bracketed citation, or the
    /// locator after an in-text key); the citation stands at <see cref="Anchor"/>.
    /// </summary>
    internal readonly record struct Found(int Anchor, int CutStart, int CutEnd, string Citation, IReadOnlyList<(string Key, int At)> Keys);

    /// <summary>Whether a key is a pandoc-crossref reference (<c>fig:</c>, <c>tbl:</c>, <c>sec:</c>, <c>eq:</c>, <c>lst:</c>).</summary>
    public static bool IsCrossReference(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        foreach (var p in CrossReferencePrefixes)
        {
            if (key.StartsWith(p, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The citation keys of a text, as Pandoc finds them (cross-references included), in order. For tests and tools;
    /// the article parser uses <see cref="Find"/>.
    /// </summary>
    public static IReadOnlyList<string> Keys(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. Find(text, null, skip: null, crossReferences: true).SelectMany(f => f.Keys).Select(k => k.Key)];
    }

    /// <summary>
    /// The citations of a block's plain text, outside the code ranges; <paramref name="skip"/> says whether the
    /// character at an offset was escaped in the file (or did not come from it). Cross-references are left out unless asked.
    /// </summary>
    internal static List<Found> Find(string text, List<(int Start, int End)>? code, Func<int, bool>? skip, bool crossReferences = false)
    {
        var found = new List<Found>();
        var codeIndex = 0;
        var i = text.IndexOfAny(['[', '@']);
        while (i >= 0)
        {
            var next = i + 1;
            if (InCode(i, code, ref codeIndex) || (skip?.Invoke(i) ?? false))
            {
                // inside a code span, or escaped: not a citation
            }
            else if (text[i] == '[')
            {
                if (Bracketed(text, i, code, skip, crossReferences) is { } group)
                {
                    if (group.Keys.Count > 0)
                    {
                        found.Add(group);
                    }
                    next = group.CutEnd;
                }
            }
            else if (InText(text, i, code, skip, crossReferences) is { } single)
            {
                if (single.Keys.Count > 0)
                {
                    found.Add(single);
                }
                next = Math.Max(i + 1, single.CutEnd);
            }
            i = next < text.Length ? text.IndexOfAny(['[', '@'], next) : -1;
        }
        return found;
    }

    private static bool InCode(int at, List<(int Start, int End)>? code, ref int index)
    {
        if (code is null)
        {
            return false;
        }
        while (index < code.Count && code[index].End <= at)
        {
            index++;
        }
        return index < code.Count && code[index].Start <= at;
    }

    private static bool IsKeyChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>Whether an <c>@</c> at <paramref name="at"/> may start a citation: not after a letter or digit.</summary>
    private static bool MayStart(string text, int at) => at == 0 || !char.IsLetterOrDigit(text[at - 1]);

    /// <summary>The key after the <c>@</c> at <paramref name="at"/>, and the offset just past it; null when none.</summary>
    internal static (string Key, int End)? ReadKey(string text, int at)
    {
        var p = at + 1;
        if (p >= text.Length)
        {
            return null;
        }
        if (text[p] == '{')
        {
            var depth = 0;
            for (var j = p; j < text.Length && j - p < 500; j++)
            {
                var c = text[j];
                if (char.IsWhiteSpace(c))
                {
                    return null;
                }
                if (c == '{')
                {
                    depth++;
                }
                else if (c == '}' && --depth == 0)
                {
                    return j > p + 1 ? (text[(p + 1)..j], j + 1) : null;
                }
            }
            return null;
        }
        if (!IsKeyChar(text[p]))
        {
            return null;
        }
        var end = p + 1;
        while (end < text.Length)
        {
            if (IsKeyChar(text[end]))
            {
                end++;
                continue;
            }
            var run = end;
            while (run < text.Length && InternalPunctuation.Contains(text[run], StringComparison.Ordinal))
            {
                run++;
            }
            if (run > end && run < text.Length && IsKeyChar(text[run]))
            {
                end = run + 1;
                continue;
            }
            break;
        }
        return (text[p..end], end);
    }

    private static Found? InText(string text, int at, List<(int Start, int End)>? code, Func<int, bool>? skip, bool crossReferences)
    {
        if (!MayStart(text, at) || ReadKey(text, at) is not { } read)
        {
            return null;
        }
        if (!crossReferences && IsCrossReference(read.Key))
        {
            return new Found(at, read.End, read.End, "", []);
        }
        // a locator in brackets right after the key (@smith2020 [p. 33]) belongs to the citation: removed from the text
        var cutStart = read.End;
        var cutEnd = read.End;
        var b = read.End < text.Length && text[read.End] == ' ' ? read.End + 1 : read.End;
        if (b < text.Length && text[b] == '[' && b + 1 < text.Length && text[b + 1] != '^' && !(skip?.Invoke(b) ?? false))
        {
            var close = text.IndexOf(']', b + 1, Math.Min(200, text.Length - b - 1));
            var codeIndex = 0;
            if (close > b + 1 && text.IndexOfAny(['@', '[', '\n'], b + 1, close - b - 1) < 0 && !InCode(b, code, ref codeIndex))
            {
                cutEnd = close + 1;
            }
        }
        return new Found(at, cutStart, cutEnd, text[at..read.End], [(read.Key, at)]);
    }

    private static Found? Bracketed(string text, int open, List<(int Start, int End)>? code, Func<int, bool>? skip, bool crossReferences)
    {
        if (open + 1 >= text.Length || text[open + 1] == '^')
        {
            return null;
        }
        var close = -1;
        for (var j = open + 1; j < text.Length && j - open <= MaxBracket; j++)
        {
            if (text[j] == '[')
            {
                return null;
            }
            if (text[j] == ']')
            {
                close = j;
                break;
            }
        }
        if (close < 0 || text.IndexOf('@', open + 1, close - open - 1) < 0)
        {
            return null;
        }
        // every part between semicolons holds one key: [prefix -@key suffix; …]
        var keys = new List<(string Key, int At)>();
        var partStart = open + 1;
        var codeIndex = 0;
        while (partStart <= close)
        {
            var partEnd = text.IndexOf(';', partStart, close - partStart);
            if (partEnd < 0)
            {
                partEnd = close;
            }
            (string Key, int At)? key = null;
            for (var k = partStart; k < partEnd; k++)
            {
                if (text[k] == '@' && (k == partStart || !char.IsLetterOrDigit(text[k - 1])) && !(skip?.Invoke(k) ?? false)
                    && !InCode(k, code, ref codeIndex) && ReadKey(text, k) is { } read && read.End <= partEnd)
                {
                    key = (read.Key, k);
                    break;
                }
            }
            if (key is not { } found)
            {
                return null;
            }
            keys.Add(found);
            partStart = partEnd + 1;
        }
        var kept = crossReferences ? keys : keys.Where(k => !IsCrossReference(k.Key)).ToList();
        if (kept.Count == 0)
        {
            return new Found(open, close + 1, close + 1, "", []); // cross-references only: left in the text
        }
        var (cutStart, cutEnd) = Cut(text, open, close + 1);
        return new Found(cutStart, cutStart, cutEnd, text[open..(close + 1)], kept);
    }

    /// <summary>
    /// An in-text key that was written in brackets in the file (<c>[@tag:name]</c> with a link reference definition of
    /// that label, which Markdown reads as a link): cut from the text as a bracketed citation is.
    /// </summary>
    internal static Found Bracketed(string text, Found inText)
    {
        var keyEnd = inText.CutStart;
        var (cutStart, cutEnd) = Cut(text, inText.Anchor, keyEnd);
        return new Found(cutStart, cutStart, cutEnd, "[" + inText.Citation + "]", inText.Keys);
    }

    /// <summary>
    /// What a bracketed citation at [start, end) takes out of the text: itself and the white space before it ("text
    /// [@a]." reads "text."), unless that space follows the end of a sentence ("Done. [@a] Next"): then the space
    /// after it, so that it stays with the next sentence.
    /// </summary>
    private static (int Start, int End) Cut(string text, int start, int end)
    {
        var ws = start;
        while (ws > 0 && text[ws - 1] is ' ' or '\t' or '\n' or '\r')
        {
            ws--;
        }
        if (ws > 0 && ws < start && text[ws - 1] is '.' or '!' or '?' or '。' or '！' or '？')
        {
            while (end < text.Length && text[end] is ' ' or '\t')
            {
                end++;
            }
            return (start, end);
        }
        return (ws, end);
    }

    // ------------------------------------------------------------------ front matter and aliases

    /// <summary>
    /// The strings of a front-matter field that is a string or a list of strings (<c>bibliography:</c>); empty when
    /// the field is absent or of another shape, or the front matter is not YAML.
    /// </summary>
    public static IReadOnlyList<string> FrontMatterStrings(string? frontMatter, string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (FrontMatterField(frontMatter, field) is not { } node)
        {
            return [];
        }
        return node switch
        {
            YScalar { IsNull: false } s when s.Value.Trim().Length > 0 => [s.Value.Trim()],
            YSequence seq => [.. seq.Items.OfType<YScalar>().Where(s => !s.IsNull && s.Value.Trim().Length > 0).Select(s => s.Value.Trim())],
            _ => [],
        };
    }

    private static YNode? FrontMatterField(string? frontMatter, string field)
    {
        if (string.IsNullOrWhiteSpace(frontMatter) || !frontMatter.Contains(field, StringComparison.Ordinal))
        {
            return null;
        }
        var sink = new FindingSink("front matter");
        if (YamlTreeReader.Read(frontMatter, sink) is not YMapping map)
        {
            return null;
        }
        foreach (var (key, value) in map.Entries)
        {
            if (key.Value == field)
            {
                return value;
            }
        }
        return null;
    }

    /// <summary>
    /// The citation-key aliases of an article: Manubot's link reference definitions <c>[@tag:name]: doi:10.…</c> (outside
    /// fenced code) and the front matter's <c>citekey-aliases:</c> mapping. Alias (without <c>@</c>) → the key it stands for.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Aliases(string text, string? frontMatter)
    {
        ArgumentNullException.ThrowIfNull(text);
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        if (FrontMatterField(frontMatter, "citekey-aliases") is YMapping map)
        {
            foreach (var (key, value) in map.Entries)
            {
                if (value is YScalar { IsNull: false } target && key.Value.Trim().TrimStart('@') is { Length: > 0 } alias)
                {
                    aliases.TryAdd(alias, target.Value.Trim().TrimStart('@'));
                }
            }
        }
        if (!text.Contains("[@", StringComparison.Ordinal))
        {
            return aliases;
        }
        var fence = "";
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var trimmed = line.TrimStart(' ');
            if (line.Length - trimmed.Length <= 3 && (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)))
            {
                var mark = trimmed[..3];
                fence = fence.Length == 0 ? mark : fence == mark ? "" : fence;
                continue;
            }
            if (fence.Length > 0 || line.Length - trimmed.Length > 3 || !trimmed.StartsWith("[@", StringComparison.Ordinal))
            {
                continue;
            }
            var close = trimmed.IndexOf("]:", StringComparison.Ordinal);
            if (close <= 2)
            {
                continue;
            }
            var alias = trimmed[2..close].Trim();
            var target = trimmed[(close + 2)..].Trim();
            var space = target.IndexOfAny([' ', '\t']);
            if (space > 0)
            {
                target = target[..space]; // a link title after the destination
            }
            target = target.Trim('<', '>').TrimStart('@');
            if (alias.Length > 0 && target.Length > 0 && !alias.Any(char.IsWhiteSpace))
            {
                aliases.TryAdd(alias, target);
            }
        }
        return aliases;
    }
}
