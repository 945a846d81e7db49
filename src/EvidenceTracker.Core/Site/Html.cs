using System.Globalization;
using System.Text;

namespace EvidenceTracker.Site;

/// <summary>
/// A small typed HTML builder that is safe by construction: every text and attribute value is
/// HTML-encoded when written, element and attribute names come from code, and a link target is set only
/// through <see cref="Element.Href"/>, which accepts site-relative paths and absolute http(s) URLs and
/// nothing else. The only unencoded content is <see cref="Raw"/>, made from trusted constants
/// (stylesheet, script) or from Markdig's renderer with raw HTML disabled.
/// </summary>
public abstract class Node
{
    /// <summary>
    /// Escapes the five characters that are markup (&amp; &lt; &gt; " '), and drops control characters that HTML
    /// forbids (CR included; LF and tab are kept); everything else, Chinese text included, is written as it is. Runs of
    /// plain characters are written as slices, so a page streamed to a file is never first built whole as a string.
    /// </summary>
    internal static void Encode(TextWriter writer, string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            string? replacement = ch switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '\n' or '\t' => null,
                _ => char.IsControl(ch) ? "" : null,
            };
            if (replacement is null)
            {
                continue;
            }
            writer.Write(text.AsSpan(start, i - start));
            writer.Write(replacement);
            start = i + 1;
        }
        writer.Write(text.AsSpan(start));
    }

    /// <summary>Writes the node's markup to a writer, as it goes.</summary>
    public abstract void WriteTo(TextWriter writer);

    /// <summary>Writes the node's markup to a string builder (through <see cref="WriteTo(TextWriter)"/>).</summary>
    public void WriteTo(StringBuilder sb)
    {
        using var writer = new StringWriter(sb, CultureInfo.InvariantCulture);
        WriteTo(writer);
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        WriteTo(sb);
        return sb.ToString();
    }

    public static implicit operator Node(string? text) => new TextNode(text ?? "");
}

public sealed class TextNode(string text) : Node
{
    public override void WriteTo(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Encode(writer, text);
    }
}

/// <summary>Trusted markup. Never built from data: only from constants and from the safe Markdown renderer.</summary>
public sealed class Raw : Node
{
    private readonly string _html;

    private Raw(string html) => _html = html;

    /// <summary>A trusted constant of the site (its stylesheet, its script).</summary>
    public static Raw Constant(string html) => new(html);

    /// <summary>Output of <see cref="ArticleRenderer"/>, whose pipeline disables raw HTML and filters link targets.</summary>
    internal static Raw FromSafeRenderer(string html) => new(html);

    public override void WriteTo(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(_html);
    }
}

public sealed class Fragment(IEnumerable<Node?> children) : Node
{
    private readonly List<Node> _children = children.Where(c => c is not null).Select(c => c!).ToList();

    public override void WriteTo(TextWriter writer)
    {
        foreach (var c in _children)
        {
            c.WriteTo(writer);
        }
    }
}

public sealed class Element : Node
{
    private static readonly HashSet<string> Void = new(StringComparer.Ordinal) { "br", "hr", "img", "input", "link", "meta", "col" };
    private readonly string _tag;
    private readonly List<KeyValuePair<string, string?>> _attributes = [];
    private readonly List<Node> _children = [];

    public Element(string tag, params Node?[] children)
    {
        _tag = tag;
        Add(children);
    }

    public Element Add(params Node?[] children)
    {
        ArgumentNullException.ThrowIfNull(children);
        foreach (var c in children)
        {
            if (c is not null)
            {
                _children.Add(c);
            }
        }
        return this;
    }

    public Element Add(IEnumerable<Node?> children) => Add(children.ToArray());

    /// <summary>Sets an attribute; the value is encoded. Event handlers, style and URL attributes are refused.</summary>
    public Element Attr(string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || name is "href" or "src" or "action" or "formaction" or "srcdoc" or "xlink:href")
        {
            throw new ArgumentException($"attribute '{name}' must be set through Href (or not at all)", nameof(name));
        }
        _attributes.Add(new(name, value));
        return this;
    }

    public Element Class(string? classes) => classes is null ? this : Attr("class", classes);

    public Element Id(string id) => Attr("id", id);

    /// <summary>A link target: a site-relative path, a fragment, or an absolute http(s) URL. Anything else is dropped.</summary>
    public Element Href(string? url)
    {
        if (SafeUrl.IsAllowed(url))
        {
            _attributes.Add(new("href", url));
        }
        return this;
    }

    /// <summary>A script or image source inside the site: a relative path, never a URL with a scheme.</summary>
    public Element LocalSrc(string relativePath)
    {
        if (!SafeUrl.IsAllowed(relativePath) || SafeUrl.IsExternalHttp(relativePath) || relativePath.StartsWith('#'))
        {
            throw new ArgumentException("a local source must be a relative path inside the site", nameof(relativePath));
        }
        _attributes.Add(new("src", relativePath));
        return this;
    }

    public override void WriteTo(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write('<');
        writer.Write(_tag);
        foreach (var (name, value) in _attributes)
        {
            writer.Write(' ');
            writer.Write(name);
            if (value is not null)
            {
                writer.Write("=\"");
                Encode(writer, value);
                writer.Write('"');
            }
        }
        writer.Write('>');
        if (Void.Contains(_tag))
        {
            return;
        }
        foreach (var c in _children)
        {
            c.WriteTo(writer);
        }
        writer.Write("</");
        writer.Write(_tag);
        writer.Write('>');
    }
}

/// <summary>Which URLs may become links.</summary>
public static class SafeUrl
{
    /// <summary>Absolute http(s) URLs, and relative paths or fragments written by the site itself.</summary>
    public static bool IsAllowed(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return false;
        }
        if (Model.Values.IsHttpUrl(url))
        {
            return true;
        }
        // Relative: no scheme at all (a colon before the first / ? # would make one).
        var end = url.IndexOfAny(['/', '?', '#']);
        var head = end < 0 ? url : url[..end];
        return !head.Contains(':', StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal);
    }

    /// <summary>Only absolute http(s) URLs: the test for links that come from data.</summary>
    public static bool IsExternalHttp(string? url) => Model.Values.IsHttpUrl(url);
}

/// <summary>Shorthands for building pages.</summary>
public static class H
{
    public static Element E(string tag, params Node?[] children) => new(tag, children);

    public static Element E(string tag, IEnumerable<Node?> children) => new Element(tag).Add(children);

    public static Fragment All(IEnumerable<Node?> children) => new(children);

    public static Fragment All(params Node?[] children) => new(children);

    /// <summary>A node per item, each made only when it is written (<see cref="LazyFragment"/>): rows of a whole-site table.</summary>
    public static LazyFragment Each<T>(IEnumerable<T> items, Func<T, Node?> node) => new(items.Select(node));

    /// <summary>A link when the URL is allowed, else the text alone.</summary>
    public static Node Link(string? url, Node text) => SafeUrl.IsAllowed(url) ? new Element("a", text).Href(url) : text;
}
