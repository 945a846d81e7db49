
namespace EvidenceTracker.Model;

/// <summary>
/// Where <c>evidence snapshot</c> fetches a source from (<c>--from</c>): its url, its PubMed abstract (by pmid) or its
/// DOI's landing page; without <c>--from</c>, the first of these the source has. The spellings are
/// <see cref="Names.SnapshotOrigins"/>, in this order.
/// </summary>
public enum SnapshotOrigin { Url, Pubmed, Doi }
