using EvidenceTracker.Diagnostics;

namespace EvidenceTracker.Importing;

/// <summary>What one <c>evidence import</c> did or would do, for articles and bibliographies alike.</summary>
public sealed record ImportResult
{
    public required bool DryRun { get; init; }
    /// <summary>Article imports (articles, footnote sources, draft claims) first, in the order planned; then bibliography
    /// entries: created, merged, skipped.</summary>
    public required IReadOnlyList<ImportedFile> Files { get; init; }
    public required IReadOnlyList<ImportProblem> Problems { get; init; }
    /// <summary>Articles that could not be read (not UTF-8, binary, too large, unreadable front matter): reported and
    /// left out; the other articles are imported.</summary>
    public IReadOnlyList<ImportProblem> Skipped { get; init; } = [];
    /// <summary>What reading the bibliographies found (malformed entries, values left out, fields not imported).</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];
    /// <summary>How many of the inputs are articles, and how many bibliographies (their reports are printed when any).</summary>
    public int ArticleInputs { get; init; }
    public int BibliographyInputs { get; init; }
    /// <summary>How many bibliography entries were read.</summary>
    public int Entries { get; init; }

    public int Count(ImportKind kind, ImportAction action) => Files.Count(f => f.Kind == kind && f.Action == action);

    /// <summary>The files with one action, in order.</summary>
    public IReadOnlyList<ImportedFile> Of(ImportAction action) => [.. Files.Where(f => f.Action == action)];

    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);

    public ImportOutcome Outcome =>
        Problems.Any(p => p.IsUsage) ? ImportOutcome.Usage
        : Problems.Count > 0 || HasErrors || Skipped.Count > 0 ? ImportOutcome.Refused
        : ImportOutcome.Imported;
}
