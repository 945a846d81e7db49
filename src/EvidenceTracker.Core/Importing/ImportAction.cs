
namespace EvidenceTracker.Importing;

public enum ImportAction
{
    /// <summary>A new file (written, or to be written with --dry-run).</summary>
    Create,
    /// <summary>The article is already in the repository with identical bytes.</summary>
    Unchanged,
    /// <summary>A footnote's source already exists (same URL, or the same title without one): reused, not written.</summary>
    Reuse,
    /// <summary>A bibliography entry that duplicates a source (by DOI, URL, or title and year) and adds fields to it.</summary>
    Merge,
    /// <summary>A bibliography entry that duplicates a source and adds nothing: skipped.</summary>
    Skip,
}
