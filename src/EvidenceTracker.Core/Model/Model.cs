using EvidenceTracker.Articles;
using EvidenceTracker.Diagnostics;

namespace EvidenceTracker.Model;

public enum Stance { Supports, Refutes, Mentions }

public enum Verdict { Supported, PartlySupported, Unsupported, Contradicted, Unverifiable }

public enum SourceLevel { Primary, Secondary }

/// <summary>Computed from the evidence, worst first; never stored in a file. <see cref="Draft"/>: the statement is still
/// the import's placeholder (<see cref="Drafts"/>), whatever the evidence.</summary>
public enum SupportLevel { Draft, Contradicted, Unsupported, Cited, Quoted, Verified }

/// <summary>The wire names of the enumerations, as they appear in files and in JSON.</summary>
public static class Names
{
    public static readonly string[] Stances = ["supports", "refutes", "mentions"];
    public static readonly string[] Verdicts = ["supported", "partly-supported", "unsupported", "contradicted", "unverifiable"];
    public static readonly string[] Levels = ["primary", "secondary"];
    public static readonly string[] SupportLevels = ["draft", "contradicted", "unsupported", "cited", "quoted", "verified"];
    public static readonly string[] SourceTypes = ["journal-article", "news", "web-page", "press-release", "report", "book", "dataset", "regulatory", "other"];

    public static string Of(Stance s) => Stances[(int)s];
    public static string Of(Verdict v) => Verdicts[(int)v];
    public static string Of(SourceLevel l) => Levels[(int)l];
    public static string Of(SupportLevel l) => SupportLevels[(int)l];

    public static bool TryParse<T>(string[] names, string text, out T value) where T : struct, Enum
    {
        var i = Array.IndexOf(names, text);
        value = i >= 0 ? (T)(object)i : default;
        return i >= 0;
    }
}

/// <summary>Positions of a file's fields: the key and the value of each top-level field.</summary>
public sealed class FieldPositions
{
    // Kept for every claim and source of a repository: a short list (a field appears once per file) weighs a
    // third of a dictionary.
    private readonly List<(string Field, Position Key, Position Value)> _list = new(8);

    public static readonly FieldPositions Empty = new();

    internal void Set(string field, Position key, Position value)
    {
        var i = IndexOf(field);
        if (i >= 0)
        {
            _list[i] = (field, key, value);
        }
        else
        {
            _list.Add((field, key, value));
        }
    }

    public Position? Key(string field) => IndexOf(field) is var i and >= 0 ? _list[i].Key : null;

    public Position? Value(string field) => IndexOf(field) is var i and >= 0 ? _list[i].Value : null;

    private int IndexOf(string field)
    {
        for (var i = 0; i < _list.Count; i++)
        {
            if (string.Equals(_list[i].Field, field, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }
}

public sealed record Citation
{
    public required string Source { get; init; }
    public string? Quote { get; init; }
    public string? Locator { get; init; }
    public Stance Stance { get; init; } = Stance.Supports;
    public required Position Start { get; init; }
    public required Position SourcePosition { get; init; }
    public Position? QuotePosition { get; init; }
}

public sealed record Claim
{
    public required string Id { get; init; }
    /// <summary>Path relative to the evidence root, with / separators.</summary>
    public required string File { get; init; }
    public required string Statement { get; init; }
    public string? Article { get; init; }
    public string? Excerpt { get; init; }
    public IReadOnlyList<Citation> Citations { get; init; } = [];
    public Verdict? Verdict { get; init; }
    public string? Note { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>When the verdict was given (<c>reviewed:</c>, a date).</summary>
    public string? Reviewed { get; init; }
    /// <summary>Who gave the verdict (<c>reviewer:</c>).</summary>
    public string? Reviewer { get; init; }
    /// <summary>Findings of this claim kept on purpose (<c>suppress:</c>).</summary>
    public IReadOnlyList<Suppression> Suppressions { get; init; } = [];
    public FieldPositions Positions { get; init; } = FieldPositions.Empty;
}

public sealed record Source
{
    public required string Id { get; init; }
    public required string File { get; init; }
    public required string Type { get; init; }
    public required string Title { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public string? Publisher { get; init; }
    public string? Date { get; init; }
    public string? Accessed { get; init; }
    public string? Url { get; init; }
    public string? Doi { get; init; }
    public string? Pmid { get; init; }
    public string? Lang { get; init; }
    public SourceLevel? Level { get; init; }
    public IReadOnlyList<string> ReportsOn { get; init; } = [];
    /// <summary>The position of each <see cref="ReportsOn"/> item.</summary>
    public IReadOnlyList<Position> ReportsOnPositions { get; init; } = [];
    public string? Snapshot { get; init; }
    public string? SnapshotSha256 { get; init; }
    public string? Archived { get; init; }
    public string? Volume { get; init; }
    public string? Issue { get; init; }
    public string? Pages { get; init; }
    /// <summary>Findings of this source kept on purpose (<c>suppress:</c>).</summary>
    public IReadOnlyList<Suppression> Suppressions { get; init; } = [];
    /// <summary>Other names articles use for the source: BibTeX/Pandoc citation keys.</summary>
    public IReadOnlyList<string> Keys { get; init; } = [];
    public string? Pmcid { get; init; }
    public string? Arxiv { get; init; }
    public string? Isbn { get; init; }
    /// <summary>A public archived copy (for example on the Wayback Machine).</summary>
    public string? ArchiveUrl { get; init; }
    public FieldPositions Positions { get; init; } = FieldPositions.Empty;
}

public sealed record Article
{
    public required string Id { get; init; }
    public required string File { get; init; }
    /// <summary>The article's text (UTF-8 decoded, BOM removed).</summary>
    public required string Text { get; init; }
    /// <summary>The article parsed once, when loaded: front matter, sentences, footnote markers and definitions.</summary>
    public ArticleDocument Document { get; init; } = ArticleDocument.Empty;
}

/// <summary>Settings from <c>evidence.yaml</c>.</summary>
public sealed record EvidenceConfig
{
    public string? Title { get; init; }
    public IReadOnlyDictionary<string, Severity> RuleSeverities { get; init; } = new Dictionary<string, Severity>();
    public string CitationScope { get; init; } = "run";
    public string? Style { get; init; }
    public IReadOnlyDictionary<string, IReadOnlyList<string>> StrongWords { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    /// <summary>The language of the site's labels (<c>site-lang:</c> en or zh); null: the language of most articles.</summary>
    public string? SiteLang { get; init; }
    /// <summary>Where the site is published (<c>site-url:</c>), an absolute http(s) URL.</summary>
    public string? SiteUrl { get; init; }
    /// <summary>Findings kept on purpose by rule and file (<c>suppress:</c>), for those tied to no claim or source.</summary>
    public IReadOnlyList<Suppression> Suppressions { get; init; } = [];

    public static readonly EvidenceConfig Default = new();
}

/// <summary>
/// One entry of a <c>suppress:</c> list: findings of <see cref="Rule"/> kept on purpose, with the reason. In a claim or
/// source it covers that claim's or source's findings; in <c>evidence.yaml</c> the findings in <see cref="File"/>
/// (relative to the root) whose message contains <see cref="Match"/>, when given.
/// </summary>
public sealed record Suppression(string Rule, string Reason)
{
    public string? File { get; init; }
    public string? Match { get; init; }
}
