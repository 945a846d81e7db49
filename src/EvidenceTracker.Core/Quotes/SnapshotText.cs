using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace EvidenceTracker.Quotes;

/// <summary>
/// Turns an archived snapshot into the text that quotes are looked up in.
/// </summary>
/// <remarks>
/// HTML is parsed with AngleSharp's <see cref="HtmlParser"/> (a WHATWG HTML5 tree builder: it accepts any
/// input, malformed or not, the way a browser does, in time linear in the input, and uses no reflection on
/// this path, so it is Native-AOT friendly). SmartReader was not chosen: its Readability scoring needs a
/// minimum article length and may discard short pages, it pulls in HTTP and more dependencies, and it is not
/// annotated for trimming/AOT. Here the main-text rule is simple and predictable instead: drop clutter
/// elements, prefer the largest top-level &lt;article&gt;, else &lt;main&gt;, else &lt;body&gt;, and walk the
/// tree iteratively (no recursion, so deeply nested pages cannot overflow the stack). A page nested so deep
/// that tree building would turn quadratic is reduced by a linear tag stripper instead (<see cref="HtmlFallback"/>).
/// </remarks>
public static class SnapshotText
{
    /// <summary>An article or main element holding less than this share of the body's text is not trusted as the main text.</summary>
    private const double MinimumShareOfBody = 0.25;

    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "svg", "template",
        "iframe", "object", "embed", "canvas", "button", "select", "datalist", "dialog", "head", "title", "math",
    };

    /// <summary>The linear fallback cannot trust a missing &lt;/head&gt;; what head holds is raw text or has no text anyway.</summary>
    private static readonly HashSet<string> FallbackDropped = new(Dropped.Where(name => name != "head"), StringComparer.Ordinal);

    private static readonly HashSet<string> DroppedRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "contentinfo", "complementary", "search",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "dir", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "hr", "html", "legend",
        "li", "main", "menu", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
    };

    /// <summary>
    /// The readable text of <paramref name="content"/>: for <c>.html</c>/<c>.htm</c>/<c>.xhtml</c> the main
    /// text of the page (block elements become line breaks, entities decoded, runs of spaces collapsed); any
    /// other extension (<c>.md</c>, <c>.txt</c>, ...) returns the content as it is. The extension may be given
    /// with or without the dot, in any case. Never throws on malformed HTML.
    /// </summary>
    public static string Extract(string content, string extension)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(extension);
        string ext = extension.TrimStart('.');
        bool html = ext.Equals("html", StringComparison.OrdinalIgnoreCase)
            || ext.Equals("htm", StringComparison.OrdinalIgnoreCase)
            || ext.Equals("xhtml", StringComparison.OrdinalIgnoreCase);
        return html ? ExtractHtml(content) : content;
    }

    private static string ExtractHtml(string content)
    {
        if (HtmlFallback.TooDeepForTreeBuilding(content))
        {
            return HtmlFallback.Extract(content, FallbackDropped, Blocks);
        }

        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using IHtmlDocument document = parser.ParseDocument(content);
        IElement? root = document.Body ?? document.DocumentElement;
        if (root is null)
        {
            return string.Empty;
        }

        string bodyText = Render(root);
        (List<IElement> articles, IElement? main) = FindCandidates(root);

        string? best = null;
        foreach (IElement article in articles)
        {
            string text = Render(article);
            if (best is null || text.Length > best.Length)
            {
                best = text;
            }
        }

        if (!Trusted(best, bodyText) && main is not null)
        {
            best = Render(main);
        }

        return Trusted(best, bodyText) ? best! : bodyText;
    }

    private static bool Trusted(string? candidate, string bodyText) =>
        candidate is not null && candidate.Length > 0 && candidate.Length >= bodyText.Length * MinimumShareOfBody;

    /// <summary>Top-level (not nested) &lt;article&gt; elements and the first &lt;main&gt; (or role=main) outside dropped elements.</summary>
    private static (List<IElement> Articles, IElement? Main) FindCandidates(IElement root)
    {
        var articles = new List<IElement>();
        IElement? main = null;
        var stack = new Stack<IElement>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            IElement element = stack.Pop();
            if (element != root && IsDropped(element, insideArticle: false))
            {
                continue;
            }

            if (element.LocalName == "article")
            {
                articles.Add(element);
                continue;
            }

            if (main is null && (element.LocalName == "main" || RoleIs(element, "main")))
            {
                main = element;
            }

            // ChildNodes, not Children: AngleSharp's Children filters the child nodes again at each index, which made a
            // page of 13,000 sibling elements quadratic (858 KB: 1.3 s)
            INodeList nodes = element.ChildNodes;
            for (int i = nodes.Length - 1; i >= 0; i--)
            {
                if (nodes[i] is IElement child)
                {
                    stack.Push(child);
                }
            }
        }

        return (articles, main);
    }

    private static bool IsDropped(IElement element, bool insideArticle)
    {
        string name = element.LocalName;
        if (name == "header" && insideArticle)
        {
            return false; // an article's own header holds its headline and byline
        }

        if (Dropped.Contains(name) || element.HasAttribute("hidden"))
        {
            return true;
        }

        string? ariaHidden = element.GetAttribute("aria-hidden");
        if (ariaHidden is not null && ariaHidden.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        string? role = element.GetAttribute("role");
        return role is not null && DroppedRoles.Contains(role.Trim());
    }

    private static bool RoleIs(IElement element, string role)
    {
        string? value = element.GetAttribute("role");
        return value is not null && value.Trim().Equals(role, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Text of the subtree, iteratively: (node, entering) pairs on an explicit stack.</summary>
    private static string Render(IElement root)
    {
        var writer = new HtmlTextWriter();
        var stack = new Stack<(INode Node, bool Entering, bool InsideArticle)>();
        stack.Push((root, true, false));
        while (stack.Count > 0)
        {
            (INode node, bool entering, bool insideArticle) = stack.Pop();
            if (node is IText text)
            {
                writer.Text(text.Data);
                continue;
            }

            if (node is not IElement element)
            {
                continue; // comments, processing instructions, doctype
            }

            string name = element.LocalName;
            if (!entering)
            {
                if (name == "pre")
                {
                    writer.PreDepth--;
                }

                if (Blocks.Contains(name))
                {
                    writer.LineBreak();
                }

                continue;
            }

            if (node != root && IsDropped(element, insideArticle))
            {
                continue;
            }

            if (name == "br")
            {
                writer.LineBreak(force: true);
                continue;
            }

            if (name is "td" or "th")
            {
                writer.Separator();
            }
            else if (Blocks.Contains(name))
            {
                writer.LineBreak();
            }

            if (name == "pre")
            {
                writer.PreDepth++;
            }

            bool childInsideArticle = insideArticle || name == "article";
            stack.Push((node, false, insideArticle));
            INodeList children = node.ChildNodes;
            for (int i = children.Length - 1; i >= 0; i--)
            {
                stack.Push((children[i], true, childInsideArticle));
            }
        }

        return writer.ToString();
    }
}
