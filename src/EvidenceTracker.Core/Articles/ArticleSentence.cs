using EvidenceTracker.Diagnostics;

namespace EvidenceTracker.Articles;

/// <summary>A sentence of a body block: offsets into <see cref="ArticleBlock.Text"/>, and where it starts in the file.</summary>
public sealed record ArticleSentence(int Start, int Length, string Text, Position Position)
{
    public int End => Start + Length;
}
