using System.Net;

namespace EvidenceTracker.Quotes;

/// <summary>
/// Guard and fallback for pathological HTML. An HTML5 tree builder checks "element in scope" by walking the
/// stack of open elements, so a page whose tags nest tens of thousands deep (unclosed &lt;div&gt;, &lt;span&gt;,
/// &lt;font&gt;, ...) costs time quadratic in its depth (AngleSharp: about 2.5 s for 20,000 nested divs). A
/// linear pre-scan estimates that cost; past a budget the page is reduced by a linear tag stripper instead,
/// which drops the same clutter elements but cannot prefer &lt;article&gt;/&lt;main&gt;.
/// </summary>
internal static class HtmlFallback
{
    /// <summary>
    /// The sum over start tags of the estimated open-element depth above which the tree builder is not used, for a page
    /// of <paramref name="length"/> characters: a million, and 16 per character. The tree builder's time grows with
    /// that sum (about 25 ns a unit: each start tag looks through the open elements), so a page within it is read
    /// within the fuzz harness's speed rule of 0.25 s + 1 s per megabyte. Ordinary pages stay far below (a cluttered
    /// news page: under 1,000); a fuzzed 74 KB page of 1,885 unclosed nav/ul/li/a groups came to 14 million, and took
    /// the tree builder 0.55 s under the old fixed budget of 32 million.
    /// </summary>
    internal static long TreeBuildingBudget(int length) => 1_000_000 + 16L * length;

    /// <summary>Whether the page nests too deep for the tree builder (<see cref="TreeBuildingBudget"/>): read it with <see cref="Extract"/>.</summary>
    internal static bool TooDeepForTreeBuilding(string html) =>
        EstimateTreeBuildingCost(html, TreeBuildingBudget(html.Length)) > TreeBuildingBudget(html.Length);

    /// <summary>Elements whose end tag is optional (closed implicitly by the parser): they do not deepen the estimate.</summary>
    private static readonly HashSet<string> SelfClosingTags = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup",
        "caption", "rb", "rt", "rp", "rtc", "html", "head", "body",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.Ordinal)
    {
        "script", "style", "textarea", "title", "xmp", "noembed", "noframes", "iframe",
    };

    /// <summary>The HTML standard's "special" elements: an end tag of another name that meets one of them is ignored.</summary>
    private static readonly HashSet<string> Special = new(StringComparer.Ordinal)
    {
        "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body", "br", "button",
        "caption", "center", "col", "colgroup", "dd", "details", "dir", "div", "dl", "dt", "embed", "fieldset", "figcaption",
        "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr",
        "html", "iframe", "img", "input", "keygen", "li", "link", "listing", "main", "marquee", "menu", "meta", "nav",
        "noembed", "noframes", "noscript", "object", "ol", "p", "param", "plaintext", "pre", "script", "search", "section",
        "select", "source", "style", "summary", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead",
        "title", "tr", "track", "ul", "wbr", "xmp",
    };

    /// <summary>End tags that close their element through any other (when it is in scope), as the standard has it.</summary>
    private static readonly HashSet<string> ClosesThrough = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "button", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "header", "hgroup", "listing", "main", "menu", "nav", "ol", "pre", "search",
        "section", "summary", "ul", "form", "h1", "h2", "h3", "h4", "h5", "h6", "table", "select", "template",
    };

    /// <summary>Scope boundaries: a closing-through end tag does not reach past them.</summary>
    private static readonly HashSet<string> ScopeBoundary = new(StringComparer.Ordinal)
    {
        "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
    };

    /// <summary>
    /// Formatting elements: their end tag runs the adoption agency algorithm, which leaves the formatting elements above
    /// to be opened again by the next text ("&lt;a&gt;&lt;b&gt;x&lt;/a&gt;" 16,000 times nests 16,000 b elements), so it
    /// counts as closing only an element on top, and no other end tag is counted as closing through one.
    /// </summary>
    private static readonly HashSet<string> Formatting = new(StringComparer.Ordinal)
    {
        "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
    };

    /// <summary>What an open formatting element weighs against a level of scope walking (it may be opened again at each start tag).</summary>
    private const int ReopenCost = 8;

    /// <summary>
    /// Linear estimate of the tree builder's scope-walking work: Σ depth over start tags. An end tag lowers the depth only
    /// when the tree builder would close something, and by as much:
    /// <list type="bullet">
    /// <item>the tokenizer reads "&lt;/art&lt;body&gt;" as an end tag named "art&lt;body", which closes nothing (7,800 of
    /// them after as many &lt;article&gt;s took the tree builder 0.55 s while the estimate stayed near zero);</item>
    /// <item>"&lt;/span&gt;" under an open &lt;div&gt; is ignored, the div being special ("&lt;span&gt;" then
    /// "&lt;div&gt;x&lt;/span&gt;" 40,000 times: 7 s, the estimate near zero when any end tag took a level off);</item>
    /// <item>"&lt;/div&gt;" closes its div and everything above it, up to a scope boundary;</item>
    /// <item>no end tag is taken to close through a formatting element (&lt;a&gt;, &lt;b&gt;…, see <see cref="Formatting"/>):
    /// the tree builder leaves those to be opened again and moves them about ("&lt;div&gt;&lt;p&gt;text &lt;b&gt;bold
    /// &lt;a href&gt;link&lt;/div&gt;" 8,000 times: 5.3 s), so the estimate keeps them open.</item>
    /// </list>
    /// The walks down the open elements that this takes are counted in the estimate, and the estimate stops at the budget,
    /// so it stays linear in the page whatever the page.
    /// </summary>
    public static long EstimateTreeBuildingCost(string html) => EstimateTreeBuildingCost(html, long.MaxValue);

    /// <summary>The estimate, stopped as soon as it passes <paramref name="stopAbove"/> (the walks it counts are made too).</summary>
    public static long EstimateTreeBuildingCost(string html, long stopAbove)
    {
        long cost = 0;
        var open = new List<(string Name, bool Attributes)>();
        var openCount = new Dictionary<string, int>(StringComparer.Ordinal);
        int formattingOpen = 0;
        int i = 0;
        while (i < html.Length)
        {
            int lt = html.IndexOf('<', i);
            if (lt < 0)
            {
                break;
            }

            Tag tag = ReadTag(html, lt);
            i = tag.End;
            if (tag.Name is null)
            {
                continue;
            }

            if (tag.IsEnd)
            {
                if (!SelfClosingTags.Contains(tag.Name) && openCount.GetValueOrDefault(tag.Name) > 0)
                {
                    bool through = ClosesThrough.Contains(tag.Name);
                    int reach = Formatting.Contains(tag.Name) ? open.Count - 1 : 0;
                    int k = open.Count - 1;
                    while (k >= reach && open[k].Name != tag.Name && !Formatting.Contains(open[k].Name)
                        && !(through ? ScopeBoundary.Contains(open[k].Name) : Special.Contains(open[k].Name)))
                    {
                        k--;
                    }

                    // the tree builder walks the same elements; counted, so that the walks are bounded by the budget
                    cost += open.Count - 1 - k;
                    if (cost > stopAbove)
                    {
                        return cost;
                    }

                    if (k >= reach && open[k].Name == tag.Name)
                    {
                        for (int j = open.Count - 1; j >= k; j--)
                        {
                            openCount[open[j].Name]--;
                        }

                        formattingOpen -= Formatting.Contains(tag.Name) ? 1 : 0;
                        open.RemoveRange(k, open.Count - k);
                    }
                }

                continue;
            }

            // open formatting elements weigh more: the text after a start tag opens those a block closed again, and the
            // adoption agency moves them about ("<div>", 900 "<b class=cN>", "</div>", 900 "<p>x</p>": 1.4 s for 20 KB)
            cost += open.Count + ((ReopenCost - 1) * formattingOpen);
            if (cost > stopAbove)
            {
                return cost;
            }

            if (RawText.Contains(tag.Name))
            {
                i = SkipRawText(html, i, tag.Name);
            }
            else if (!tag.SelfClosing && !SelfClosingTags.Contains(tag.Name))
            {
                open.Add((tag.Name, tag.HasAttributes));
                openCount[tag.Name] = openCount.GetValueOrDefault(tag.Name) + 1;
                formattingOpen += Formatting.Contains(tag.Name) ? 1 : 0;
            }
        }

        return cost;
    }

    /// <summary>Linear text extraction: drops comments and the <paramref name="dropped"/> elements with their content, block elements become line breaks.</summary>
    public static string Extract(string html, HashSet<string> dropped, HashSet<string> blocks)
    {
        var writer = new HtmlTextWriter();
        int i = 0;
        while (i < html.Length)
        {
            int lt = html.IndexOf('<', i);
            int textEnd = lt < 0 ? html.Length : lt;
            if (textEnd > i)
            {
                writer.Text(Decode(html.AsSpan(i, textEnd - i)));
            }

            if (lt < 0)
            {
                break;
            }

            Tag tag = ReadTag(html, lt);
            i = tag.End;
            if (tag.Name is null)
            {
                if (tag.End == lt + 1)
                {
                    writer.Text("<"); // a lone '<' is text
                }

                continue;
            }

            if (!tag.IsEnd && (dropped.Contains(tag.Name) || RawText.Contains(tag.Name)))
            {
                i = RawText.Contains(tag.Name) ? SkipRawText(html, i, tag.Name) : SkipElement(html, i, tag.Name);
                continue;
            }

            if (tag.Name == "br")
            {
                writer.LineBreak(force: true);
            }
            else if (tag.Name is "td" or "th")
            {
                writer.Separator();
            }
            else if (blocks.Contains(tag.Name))
            {
                writer.LineBreak();
            }
        }

        return writer.ToString();
    }

    private static string Decode(ReadOnlySpan<char> text) =>
        text.Contains('&') ? WebUtility.HtmlDecode(text.ToString()) : text.ToString();

    /// <summary>Skips to after the end tag of <paramref name="name"/>, counting nested elements of the same name.</summary>
    private static int SkipElement(string html, int i, string name)
    {
        int nesting = 1;
        while (i < html.Length)
        {
            int lt = html.IndexOf('<', i);
            if (lt < 0)
            {
                return html.Length;
            }

            Tag tag = ReadTag(html, lt);
            i = tag.End;
            if (tag.Name is null)
            {
                continue;
            }

            if (RawText.Contains(tag.Name) && !tag.IsEnd)
            {
                i = SkipRawText(html, i, tag.Name);
            }
            else if (tag.Name == name)
            {
                nesting += tag.IsEnd ? -1 : tag.SelfClosing ? 0 : 1;
                if (nesting == 0)
                {
                    return i;
                }
            }
        }

        return html.Length;
    }

    /// <summary>Skips raw text (script, style, ...) to after its end tag, or to the end of the input.</summary>
    private static int SkipRawText(string html, int i, string name)
    {
        while (i < html.Length)
        {
            int close = html.IndexOf("</", i, StringComparison.Ordinal);
            if (close < 0)
            {
                return html.Length;
            }

            if (close + 2 + name.Length <= html.Length
                && html.AsSpan(close + 2, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return ReadTag(html, close).End;
            }

            i = close + 2;
        }

        return html.Length;
    }

    private readonly record struct Tag(string? Name, bool IsEnd, bool SelfClosing, int End, bool HasAttributes = false);

    /// <summary>
    /// Reads the markup at <paramref name="lt"/> (which holds '&lt;'): a start or end tag (lower-case name),
    /// a comment / doctype / processing instruction (Name null, skipped), or a lone '&lt;' (Name null, End = lt + 1).
    /// </summary>
    private static Tag ReadTag(string html, int lt)
    {
        int i = lt + 1;
        if (i >= html.Length)
        {
            return new Tag(null, false, false, lt + 1);
        }

        if (html.AsSpan(i).StartsWith("!--", StringComparison.Ordinal))
        {
            int close = html.IndexOf("-->", i + 3, StringComparison.Ordinal);
            return new Tag(null, false, false, close < 0 ? html.Length : close + 3);
        }

        if (html[i] is '!' or '?')
        {
            int close = html.IndexOf('>', i);
            return new Tag(null, false, false, close < 0 ? html.Length : close + 1);
        }

        bool isEnd = html[i] == '/';
        if (isEnd)
        {
            i++;
        }

        // A tag name runs, as the HTML tokenizer reads it, from its first letter to white space, '/' or '>': in
        // "<title<b>" the name is "title<b" (no raw-text title element), so the tags after it count as AngleSharp sees them.
        // A '<' not followed by a letter is text, decided before the name is read: in a run of '<' the name of each would
        // run to the end of the run (130,000 of them took 10 s).
        int nameStart = i;
        if (i >= html.Length || !char.IsAsciiLetter(html[i]))
        {
            return new Tag(null, false, false, lt + 1);
        }

        while (i < html.Length && html[i] is not (' ' or '\t' or '\n' or '\f' or '\r' or '/' or '>'))
        {
            i++;
        }

        string name = html[nameStart..i].ToLowerInvariant();
        bool selfClosing = false;
        char quote = '\0';
        // A quote opens a value only after '=' (and white space), as the tokenizer reads it: in content=\v"a b<b>…
        // the '"' is part of an unquoted value, and the tag ends at the first '>'.
        bool afterEquals = false;
        bool attributes = false;
        for (; i < html.Length; i++)
        {
            char c = html[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'' && afterEquals)
            {
                quote = c;
                afterEquals = false;
            }
            else if (c == '=')
            {
                afterEquals = true;
            }
            else if (c == '>')
            {
                selfClosing = html[i - 1] == '/';
                return new Tag(name, isEnd, selfClosing, i + 1, attributes);
            }
            else if (c is not (' ' or '\t' or '\n' or '\f' or '\r'))
            {
                afterEquals = false;
                attributes |= c != '/';
            }
        }

        return new Tag(name, isEnd, selfClosing, html.Length, attributes);
    }
}
