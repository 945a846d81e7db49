using EvidenceTracker.Diagnostics;

namespace EvidenceTracker.Importing;

/// <summary>What <c>evidence import</c> was asked to do.</summary>
public sealed record ImportSettings
{
    /// <summary>The evidence root (full path).</summary>
    public required string Root { get; init; }
    /// <summary>The inputs, as the user wrote them (relative to <see cref="WorkingDirectory"/> or absolute).</summary>
    public required IReadOnlyList<string> Paths { get; init; }
    /// <summary>The directory relative inputs are resolved against (full path).</summary>
    public required string WorkingDirectory { get; init; }
    /// <summary>The article id, for a single Markdown file.</summary>
    public string? Id { get; init; }
    public bool DryRun { get; init; }
    /// <summary>Also make a source of each linked http(s) page and a draft claim of each sentence holding such a link.</summary>
    public bool Links { get; init; }
    public string Format { get; init; } = "text";
}

public enum ImportKind { Article, Source, Claim }

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

/// <summary>Where a bibliography entry came from: its file (as reported), 1-based line and column, label and key.</summary>
public sealed record EntryOrigin(string File, int Line, int Column, string Label, string? Key);

/// <summary>One file import wrote, would write, or found already there.</summary>
public sealed record ImportedFile
{
    public required ImportKind Kind { get; init; }
    public required string Id { get; init; }
    /// <summary>Relative to the root, with / separators.</summary>
    public required string Path { get; init; }
    public required ImportAction Action { get; init; }
    /// <summary>For an article: the input file as given. For a source: the footnote it came from. For a claim: its markers.</summary>
    public string? From { get; init; }
    /// <summary>For a claim or a source: the article it came from.</summary>
    public string? Article { get; init; }
    /// <summary>For a source from a bibliography: the entry it came from.</summary>
    public EntryOrigin? Entry { get; init; }
    /// <summary>For a merge or a skip: <c>doi</c>, <c>url</c> or <c>title+year</c>.</summary>
    public string? MatchedBy { get; init; }
    /// <summary>For a merge or a skip: whether the source existed before this import.</summary>
    public bool IntoExisting { get; init; }
    /// <summary>For a merge: the fields the entry added to the source.</summary>
    public IReadOnlyList<string> AddedFields { get; init; } = [];
    internal byte[]? Content { get; init; }
}

/// <summary>A problem that stops the import: usage (exit 2) or data (exit 1). Nothing is written when there is one.</summary>
public sealed record ImportProblem(string Message, bool IsUsage, string? File = null);

/// <summary>How an import ended; the command line maps it to an exit code.</summary>
public enum ImportOutcome
{
    /// <summary>Imported, or nothing to do.</summary>
    Imported,
    /// <summary>Refused, wholly or in part, because of the data: an article or an entry that cannot be imported.</summary>
    Refused,
    /// <summary>A usage or I/O problem: nothing was imported.</summary>
    Usage,
}

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

/// <summary>Progress of a long import: inputs done of the total.</summary>
public readonly record struct ImportProgress(int Done, int Total);
