using EvidenceTracker.Diagnostics;

namespace EvidenceTracker.Articles;

/// <summary>
/// One citation key in an article's body: Pandoc's <c>[@key]</c>, <c>[see @a, p. 3; @b]</c>, <c>[-@key]</c> or in-text
/// <c>@key</c>, Manubot's <c>@doi:10.…</c>. Cross-references (<c>@fig:…</c>) and e-mail addresses are not keys.
/// </summary>
public sealed record CitationKeyUse
{
    /// <summary>The key as written, without the <c>@</c> (and without the braces of <c>@{key}</c>).</summary>
    public required string Key { get; init; }

    /// <summary>Where the <c>@</c> stands in the file.</summary>
    public required Position Position { get; init; }

    /// <summary>The body block that holds the key.</summary>
    public required int Block { get; init; }

    /// <summary>
    /// Offset in the block's text where the citation stands: a bracketed citation is removed from the text (as a
    /// footnote marker is), an in-text key stays in it.
    /// </summary>
    public required int TextOffset { get; init; }

    /// <summary>The citation as written in the plain text: <c>[@a; @b, p. 3]</c>, or <c>@a</c> for an in-text key.</summary>
    public required string Citation { get; init; }
}
