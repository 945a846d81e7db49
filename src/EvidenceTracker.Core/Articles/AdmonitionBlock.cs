using Markdig.Parsers;
using Markdig.Syntax;

namespace EvidenceTracker.Articles;

/// <summary>
/// An admonition of Python-Markdown and MkDocs Material: <c>!!! note "Title"</c> (a box), <c>??? note</c> (collapsed
/// details; <c>???+</c> open), or a content tab <c>=== "Tab"</c>, followed by its content indented by four spaces.
/// Its content is Markdown like any other (paragraphs, lists, footnote markers), so it is read and shown as such.
/// </summary>
public sealed class AdmonitionBlock(BlockParser parser) : ContainerBlock(parser)
{
    /// <summary>The kind (<c>note</c>, <c>warning</c>, <c>tip</c>…); <c>tab</c> for a content tab.</summary>
    public string Kind { get; init; } = "note";
    /// <summary>The title as written; null when none is given (the kind is shown), empty for none at all.</summary>
    public string? Title { get; init; }
    /// <summary><c>???</c>: collapsible.</summary>
    public bool Collapsible { get; init; }
    /// <summary><c>???+</c>: collapsible, and open.</summary>
    public bool Open { get; init; }
}
