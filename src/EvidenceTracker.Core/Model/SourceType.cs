
namespace EvidenceTracker.Model;

/// <summary>
/// The kind of a source (<c>type:</c> in its file). The spellings (<c>journal-article</c> …) are
/// <see cref="Names.SourceTypes"/>, in this order; <see cref="Names.Of(SourceType)"/> and <see cref="Names.TryParse{T}"/> convert.
/// </summary>
public enum SourceType { JournalArticle, News, WebPage, PressRelease, Report, Book, Dataset, Regulatory, Other }
