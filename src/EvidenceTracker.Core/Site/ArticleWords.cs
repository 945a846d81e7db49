namespace EvidenceTracker.Site;

/// <summary>
/// The words the article renderer adds around the article: the heading of the list of footnotes the text never cites, and
/// the mark on each of them.
/// </summary>
public sealed record ArticleWords(string UnusedFootnotes, string UnusedFootnote);
