namespace EvidenceTracker.Importing;

/// <summary>What <c>evidence import</c> was asked to do.</summary>
public sealed record ImportSettings
{
    /// <summary>The evidence root (full path).</summary>
    public required string Root { get; init; }
    /// <summary>The inputs, as the user wrote them (relative to <see cref="WorkingDirectory"/> or absolute).</summary>
    public required IReadOnlyList<string> Paths { get; init; }
    /// <summary>The folder relative paths are resolved against (the caller's; Core reads no process-wide current directory).</summary>
    public required string WorkingDirectory { get; init; }
    /// <summary>The article id, for a single Markdown file.</summary>
    public string? Id { get; init; }
    public bool DryRun { get; init; }
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
}

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
    internal byte[]? Content { get; init; }
}

/// <summary>A problem that stops the import: usage (exit 2) or data (exit 1). Nothing is written when there is one.</summary>
public sealed record ImportProblem(string Message, bool IsUsage, string? File = null);

public sealed record ImportResult
{
    public required bool DryRun { get; init; }
    public required IReadOnlyList<ImportedFile> Files { get; init; }
    public required IReadOnlyList<ImportProblem> Problems { get; init; }

    public int Count(ImportKind kind, ImportAction action) => Files.Count(f => f.Kind == kind && f.Action == action);

    /// <summary>0 success; 1 refused because of the data; 2 usage or I/O.</summary>
    public int ExitCode => Problems.Any(p => p.IsUsage) ? 2 : Problems.Count > 0 ? 1 : 0;
}

/// <summary>Progress of a long import: inputs done of the total.</summary>
public readonly record struct ImportProgress(int Done, int Total);
