
namespace EvidenceTracker.Articles;

/// <summary>How far a footnote marker's support reaches (<c>evidence.yaml: citation-scope</c>).</summary>
public enum CitationScope
{
    /// <summary>Every sentence of the paragraph since the previous marker (the default).</summary>
    Run,

    /// <summary>Only the sentence that the marker ends.</summary>
    Sentence,
}
