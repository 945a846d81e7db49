using EvidenceTracker.Text;

namespace EvidenceTracker.Articles;

/// <summary>
/// A line-level pass over an article, before Markdig: where the front matter is, and where the footnote
/// definitions are (outside fenced code). Markdig's footnote extension loses definitions that are never cited,
/// duplicates, and adjacent markers (<c>[^1][^5]</c> parses as a reference link), so definitions are found here
/// and blanked out of the text Markdig sees (offsets unchanged), and markers are found in the plain text.
/// </summary>
internal static class LineScanner
{
    /// <summary>A footnote definition's extent: [Start, End) in the text, the label and its content lines.</summary>
    internal readonly record struct DefinitionSpan(int Start, int End, string Label, int LabelStart, string Content, int ContentStart);

    internal sealed record Result(
        LineIndex Lines,
        FrontMatterKind FrontMatter,
        int FrontMatterEndLine,
        List<DefinitionSpan> Definitions);

    internal enum FrontMatterKind { None, Yaml, Toml, Unclosed }

    public static Result Scan(string text)
    {
        var starts = LineIndex.Of(text);
        var lineCount = starts.Count;
        // A line without its line break: a view of the text (a line is looked at several times; none is copied).
        ReadOnlySpan<char> Line(int i)
        {
            var s = starts[i];
            var e = i + 1 < lineCount ? starts[i + 1] : text.Length;
            return text.AsSpan(s, e - s).TrimEnd("\n\r");
        }

        var first = 0;
        var kind = FrontMatterKind.None;
        var fmEnd = -1;
        var opening = lineCount > 0 ? Line(0).TrimEnd() : [];
        if (opening is "---" or "+++")
        {
            var yaml = opening is "---";
            kind = FrontMatterKind.Unclosed;
            for (var i = 1; i < lineCount; i++)
            {
                var l = Line(i).TrimEnd();
                if (yaml ? l is "---" or "..." : l is "+++")
                {
                    kind = yaml ? FrontMatterKind.Yaml : FrontMatterKind.Toml;
                    fmEnd = i;
                    first = i + 1;
                    break;
                }
            }
        }

        var definitions = new List<DefinitionSpan>();
        char fence = '\0';
        var fenceLength = 0;
        var n = first;
        while (n < lineCount)
        {
            var line = Line(n);
            if (fence != '\0')
            {
                if (IsFence(line, out var c, out var len, out var rest) && c == fence && len >= fenceLength && rest.Trim().Length == 0)
                {
                    fence = '\0';
                }
                n++;
                continue;
            }
            if (IsFence(line, out var fc, out var flen, out var info) && (fc == '~' || !info.Contains('`')))
            {
                fence = fc;
                fenceLength = flen;
                n++;
                continue;
            }
            if (TryDefinition(line, out var label, out var labelOffset, out var contentOffset))
            {
                var start = starts[n];
                var content = new List<string> { line[contentOffset..].Trim().ToString() };
                var j = n + 1;
                var last = n;
                while (j < lineCount)
                {
                    var l = Line(j);
                    if (l.Trim().Length == 0)
                    {
                        var k = j + 1;
                        while (k < lineCount && Line(k).Trim().Length == 0)
                        {
                            k++;
                        }
                        if (k < lineCount && IsIndented(Line(k)))
                        {
                            content.Add("");
                            j = k;
                            continue;
                        }
                        break;
                    }
                    if (TryDefinition(l, out _, out _, out _) || (InterruptsParagraph(l) && !IsIndented(l)))
                    {
                        break;
                    }
                    content.Add(l.Trim().ToString());
                    last = j;
                    j++;
                }
                var end = last + 1 < lineCount ? starts[last + 1] : text.Length;
                definitions.Add(new DefinitionSpan(start, end, label, start + labelOffset, JoinContent(content), start + contentOffset));
                n = last + 1;
                continue;
            }
            n++;
        }
        return new Result(starts, kind, fmEnd, definitions);
    }

    private static string JoinContent(List<string> lines)
    {
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        return lines.Count == 1 ? lines[0] : string.Join('\n', lines).Trim();
    }

    private static int Indent(ReadOnlySpan<char> line)
    {
        var width = 0;
        foreach (var c in line)
        {
            if (c == ' ')
            {
                width++;
            }
            else if (c == '\t')
            {
                width += 4 - (width % 4);
            }
            else
            {
                break;
            }
        }
        return width;
    }

    private static bool IsIndented(ReadOnlySpan<char> line) => Indent(line) >= 4;

    private static bool IsFence(ReadOnlySpan<char> line, out char c, out int length, out ReadOnlySpan<char> rest)
    {
        c = '\0';
        length = 0;
        rest = [];
        if (Indent(line) > 3)
        {
            return false;
        }
        var t = line.TrimStart(' ');
        if (t.Length < 3 || (t[0] != '`' && t[0] != '~'))
        {
            return false;
        }
        c = t[0];
        while (length < t.Length && t[length] == c)
        {
            length++;
        }
        rest = t[length..];
        return length >= 3;
    }

    /// <summary>A line such as <c>[^1]: text</c> (at most three spaces of indentation).</summary>
    internal static bool TryDefinition(ReadOnlySpan<char> line, out string label, out int labelOffset, out int contentOffset)
    {
        label = "";
        labelOffset = contentOffset = 0;
        var i = 0;
        while (i < line.Length && i < 3 && line[i] == ' ')
        {
            i++;
        }
        if (i + 3 >= line.Length || line[i] != '[' || line[i + 1] != '^')
        {
            return false;
        }
        var close = line[(i + 2)..].IndexOf(']') is var c and >= 0 ? c + i + 2 : -1;
        if (close <= i + 2 || close + 1 >= line.Length || line[close + 1] != ':' || line.Slice(i + 2, close - i - 2).Contains('['))
        {
            return false;
        }
        if (line[(i + 2)..close].Trim().Length == 0)
        {
            return false;
        }
        label = line[(i + 2)..close].ToString();
        labelOffset = i;
        contentOffset = close + 2;
        return true;
    }

    private static bool InterruptsParagraph(ReadOnlySpan<char> line)
    {
        var t = line.TrimStart();
        if (t.Length == 0)
        {
            return false;
        }
        if (t[0] is '#' or '>' || IsFence(line, out _, out _, out _))
        {
            return true;
        }
        if (t.Length >= 2 && t[0] is '-' or '*' or '+' && t[1] == ' ')
        {
            return true;
        }
        var d = 0;
        while (d < t.Length && d < 9 && char.IsAsciiDigit(t[d]))
        {
            d++;
        }
        return d > 0 && d + 1 < t.Length && t[d] is '.' or ')' && t[d + 1] == ' ';
    }
}
