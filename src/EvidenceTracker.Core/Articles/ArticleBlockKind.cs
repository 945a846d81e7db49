
namespace EvidenceTracker.Articles;

/// <summary>What kind of Markdown block a body block came from.</summary>
public enum ArticleBlockKind
{
    Paragraph,
    Heading,
}
