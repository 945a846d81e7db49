using System.Text.RegularExpressions;

namespace EvidenceTracker.Articles;

/// <summary>
/// The markup of static-site generators that is not Markdown and not prose: Hugo shortcodes (<c>{{&lt; figure … &gt;}}</c>,
/// <c>{{% note %}}</c>), MkDocs Material icons (<c>:material-check:</c>, <c>:fontawesome-brands-github:</c>), the
/// delimiters of <c>==marked==</c> text, and attribute lists (<c>{ .class }</c>, <c>{#id}</c>). The article parser
/// and the article page both see the text with these blanked out (spaces, line ends and offsets unchanged), so the
/// text between paired shortcodes and inside marks stays, and the markup itself is neither analysed nor shown.
/// </summary>
internal static partial class SiteGeneratorSyntax
{
    [GeneratedRegex(@"\{\{[<%].{0,2000}?[%>]\}\}", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex ShortcodeRegex();

    [GeneratedRegex(@"(?<![\w:]):(?:material|fontawesome|octicons|simple|twemoji)-[a-z0-9-]{1,80}(?:\{[^{}\n]{0,200}\})?:(?![\w:])", RegexOptions.CultureInvariant)]
    private static partial Regex IconRegex();

    [GeneratedRegex(@"(?<![=\w\\])==(?=[^\s=])[^=\n]{1,2000}?(?<=[^\s=])==(?![=\w])", RegexOptions.CultureInvariant)]
    private static partial Regex MarkRegex();

    [GeneratedRegex(@"\{:?[ \t]*[#.][A-Za-z][\w-]*(?:[ \t]+(?:[#.][A-Za-z][\w-]*|[A-Za-z][\w-]*(?:=(?:""[^""\n]*""|[^\s}]*))?))*[ \t]*\}(?=[ \t]*(?:\r?\n|$))", RegexOptions.CultureInvariant)]
    private static partial Regex AttributeListRegex();

    /// <summary>Blanks the generator markup of <paramref name="chars"/> in place.</summary>
    public static void Blank(char[] chars, string text)
    {
        foreach (Match m in ShortcodeRegex().Matches(text))
        {
            BlankRange(chars, m.Index, m.Index + m.Length);
        }
        foreach (Match m in IconRegex().Matches(text))
        {
            BlankRange(chars, m.Index, m.Index + m.Length);
        }
        foreach (Match m in MarkRegex().Matches(text))
        {
            BlankRange(chars, m.Index, m.Index + 2);
            BlankRange(chars, m.Index + m.Length - 2, m.Index + m.Length);
        }
        foreach (Match m in AttributeListRegex().Matches(text))
        {
            BlankRange(chars, m.Index, m.Index + m.Length);
        }
    }

    /// <summary>Blanks TOML front matter (<c>+++</c> … <c>+++</c> from the first line), which Markdig does not know.</summary>
    public static void BlankTomlFrontMatter(char[] chars, string text)
    {
        var start = text.StartsWith('\uFEFF') ? 1 : 0;
        if (!text.AsSpan(start).StartsWith("+++", StringComparison.Ordinal))
        {
            return;
        }
        var firstEnd = text.IndexOf('\n', start);
        if (firstEnd < 0 || text[start..firstEnd].TrimEnd() != "+++")
        {
            return;
        }
        for (var at = firstEnd + 1; at < text.Length;)
        {
            var end = text.IndexOf('\n', at);
            var line = end < 0 ? text[at..] : text[at..end];
            if (line.TrimEnd() == "+++")
            {
                BlankRange(chars, 0, end < 0 ? text.Length : end);
                return;
            }
            if (end < 0)
            {
                return;
            }
            at = end + 1;
        }
    }

    private static void BlankRange(char[] chars, int start, int end)
    {
        for (var i = start; i < end && i < chars.Length; i++)
        {
            if (chars[i] is not ('\n' or '\r'))
            {
                chars[i] = ' ';
            }
        }
    }
}
