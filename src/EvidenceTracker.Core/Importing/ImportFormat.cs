using EvidenceTracker.Model;

namespace EvidenceTracker.Importing;

/// <summary>
/// What an input of <c>evidence import</c> is read as: a Markdown article (<see cref="Article"/>: copied to
/// <c>articles/</c>, its footnotes become sources and draft claims), or a bibliography of <see cref="Bibliography"/>'s
/// format (each entry becomes a source).
/// </summary>
public readonly record struct ImportFormat(BibliographyFormat? Bibliography)
{
    public static ImportFormat Article { get; } = new(null);

    public bool IsArticle => Bibliography is null;

    public static implicit operator ImportFormat(BibliographyFormat bibliography) => new(bibliography);
}
