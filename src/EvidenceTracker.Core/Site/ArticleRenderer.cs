using System.Text;
using Markdig;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Yaml;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EvidenceTracker.Site;

/// <summary>
/// Renders an article's Markdown to HTML with Markdig: one pipeline, built once; raw HTML shows as its text
/// (<see cref="RawHtmlText"/>), admonitions as boxes (<see cref="Articles.AdmonitionExtension"/>), links kept only for http(s) URLs and the article's own fragments, images reduced
/// to their text (no request leaves the page), and tracked passages wrapped in <c>mark</c> elements at the
/// source positions the article parser gives. A block nested deeper than the parser accepts is shown as text.
/// </summary>
public static class ArticleRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UseFootnotes()
        .UsePipeTables()
        .UseAutoLinks()
        .Use<Articles.AdmonitionExtension>()
        .UsePreciseSourceLocation()
        .Use<Articles.LinearSetextExtension>()
        .Use<Articles.InlineBudgetExtension>()
        .Build();

    /// <param name="title">The page's title, already shown as its heading: a first-level heading that opens the
    /// article with the same text is dropped rather than shown twice.</param>
    /// <param name="definitions">The article's footnote definitions (label, raw content), as the article parser found them:
    /// those no marker cites, which Markdig drops, are listed after the footnotes and marked.</param>
    public static string Render(string markdown, IReadOnlyList<Highlight> highlights, string? title = null,
        IReadOnlyList<(string Label, string Content)>? definitions = null, ArticleWords? words = null)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(highlights);
        markdown = WithoutGeneratorSyntax(markdown);
        if (Articles.ArticleParser.TooDeep(markdown) is not null)
        {
            return RenderInParts(markdown); // nested deeper than check accepts: Markdig would take long to refuse it
        }
        MarkdownDocument document;
        try
        {
            document = HeldParentheses.Parse(markdown, Pipeline);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            // Markdig refuses the nesting (check reports it as a schema finding): each part it accepts is rendered.
            return RenderInParts(markdown);
        }
        foreach (var front in document.Descendants<YamlFrontMatterBlock>().ToList())
        {
            front.Parent?.Remove(front);
        }
        FlattenTooDeep(document, markdown);
        RawHtmlText.Apply(document);
        if (title is not null && document.Count > 0 && document[0] is HeadingBlock { Level: 1, Inline: { } heading }
            && string.Concat(heading.Descendants<LiteralInline>().Select(l => l.Content.ToString())).Trim() == title.Trim())
        {
            document.RemoveAt(0);
        }
        Sanitize(document);
        if (highlights.Count > 0)
        {
            ArticleMarks.Mark(document, highlights);
        }
        var cited = NumberFootnotes(document);
        var html = ToHtml(document);
        var unused = (definitions ?? []).Where(d => !cited.Contains(d.Label)).DistinctBy(d => d.Label, StringComparer.Ordinal).ToList();
        return unused.Count == 0 ? html : html + UnusedFootnotes(unused, words ?? new ArticleWords("Footnotes not cited in the text", "not cited in the text"));
    }

    /// <summary>
    /// The article as Markdig should see it, offsets unchanged: TOML front matter and site-generator markup (Hugo
    /// shortcodes, MkDocs icons, <c>==mark==</c> delimiters, attribute lists) blanked, as the article parser blanks them.
    /// </summary>
    private static string WithoutGeneratorSyntax(string markdown)
    {
        var chars = markdown.ToCharArray();
        Articles.SiteGeneratorSyntax.BlankTomlFrontMatter(chars, markdown);
        Articles.SiteGeneratorSyntax.Blank(chars, markdown);
        return new string(chars);
    }

    /// Puts the footnote list in the order of the markers' numbers (Markdig numbers footnotes by first use but leaves the
    /// list partly in the order of definition, so that marker 2 could point to the third item), and returns the labels of
    /// the footnotes the text cites.
    /// </summary>
    private static HashSet<string> NumberFootnotes(MarkdownDocument document)
    {
        var cited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in document.OfType<FootnoteGroup>().ToList())
        {
            var footnotes = group.OfType<Footnote>().OrderBy(f => f.Order).ToList();
            if (footnotes.Count != group.Count)
            {
                continue; // not only footnotes: left as Markdig made it
            }
            group.Clear();
            foreach (var f in footnotes)
            {
                group.Add(f);
                if (f.Label is { } label)
                {
                    cited.Add(label.TrimStart('^'));
                }
            }
        }
        return cited;
    }

    /// <summary>The footnotes no marker cites, each rendered as the article's text is (safely) and marked as uncited.</summary>
    private static string UnusedFootnotes(List<(string Label, string Content)> unused, ArticleWords words)
    {
        var list = new Element("ul");
        foreach (var (label, content) in unused)
        {
            string body;
            try
            {
                if (Articles.ArticleParser.TooDeep(content) is not null)
                {
                    throw new InvalidOperationException("nested deeper than check accepts"); // shown as text below
                }
                var document = HeldParentheses.Parse(content, Pipeline);
                FlattenTooDeep(document, content);
                Sanitize(document);
                body = ToHtml(document);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
            {
                body = new Element("p", new TextNode(content)).ToString();
            }
            list.Add(new Element("li",
                new Element("p", new Element("span", new TextNode($"[^{label}] · {words.UnusedFootnote}")).Class("badge unused")),
                Raw.FromSafeRenderer(body)).Id($"fn-unused-{Slug(label)}"));
        }
        return new Element("section", new Element("h2", new TextNode(words.UnusedFootnotes)).Id("unused-footnotes-heading"), list)
            .Class("footnotes-unused").Attr("aria-labelledby", "unused-footnotes-heading").ToString() + "\n";
    }

    /// <summary>A footnote label as an id fragment: letters, digits and '-' kept, anything else as its code.</summary>
    private static string Slug(string label) =>
        string.Concat(label.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c.ToString() : "_" + ((int)c).ToString("x", System.Globalization.CultureInfo.InvariantCulture)));

    private static string ToHtml(MarkdownDocument document)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>
    /// The article split at blank lines, each part rendered alone; a part Markdig refuses is shown as preformatted text.
    /// Used only when the whole article cannot be parsed (a nesting Markdig refuses).
    /// </summary>
    private static string RenderInParts(string markdown)
    {
        var sb = new StringBuilder();
        foreach (var part in System.Text.RegularExpressions.Regex.Split(markdown, @"\n[ \t]*\r?\n", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(10)))
        {
            if (part.AsSpan().Trim().Length == 0)
            {
                continue;
            }
            if (Articles.ArticleParser.TooDeep(part) is not null)
            {
                sb.Append(new Element("pre", new TextNode(part)).Class("unparsed")).Append('\n');
                continue;
            }
            try
            {
                var document = HeldParentheses.Parse(part, Pipeline);
                FlattenTooDeep(document, part);
                RawHtmlText.Apply(document);
                Sanitize(document);
                sb.Append(ToHtml(document));
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
            {
                sb.Append(new Element("pre", new TextNode(part)).Class("unparsed")).Append('\n');
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// Replaces the inline content of each block whose inline Markdown nests deeper than the article parser accepts
    /// (<see cref="Articles.ArticleParser.MaxNesting"/>) by its source text: rendering it would recurse that deep.
    /// </summary>
    private static void FlattenTooDeep(MarkdownDocument document, string markdown)
    {
        var stack = new Stack<Block>(document);
        while (stack.Count > 0)
        {
            var block = stack.Pop();
            if (block is ContainerBlock container)
            {
                foreach (var child in container)
                {
                    stack.Push(child);
                }
            }
            else if (block is LeafBlock { Inline: { } inline } leaf && Articles.ArticleParser.InlineTooDeep(inline))
            {
                var start = Math.Clamp(leaf.Span.Start, 0, markdown.Length);
                var end = Math.Clamp(leaf.Span.End + 1, start, markdown.Length);
                var flat = new ContainerInline();
                flat.AppendChild(new LiteralInline(markdown[start..end]));
                leaf.Inline = flat;
            }
        }
    }

    /// <summary>Links to anything but http(s) and local fragments become their text; images become their alt text.</summary>
    private static void Sanitize(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            var url = link.GetDynamicUrl?.Invoke() ?? link.Url;
            var keep = !link.IsImage && (SafeUrl.IsExternalHttp(url) || (url is not null && url.StartsWith('#') && !url.Any(char.IsWhiteSpace)));
            if (!keep)
            {
                Unwrap(link);
            }
        }
        foreach (var auto in document.Descendants<AutolinkInline>().ToList())
        {
            if (auto.IsEmail || !SafeUrl.IsExternalHttp(auto.Url))
            {
                auto.ReplaceBy(new LiteralInline(auto.Url));
            }
        }
    }

    private static void Unwrap(ContainerInline container)
    {
        var children = container.ToList();
        Inline anchor = new LiteralInline("");
        container.ReplaceBy(anchor);
        foreach (var child in children)
        {
            child.Remove();
            anchor.InsertAfter(child);
            anchor = child;
        }
    }

}
