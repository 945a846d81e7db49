using EvidenceTracker.Diagnostics;
using EvidenceTracker.Model;

namespace EvidenceTracker.Bibliography;

/// <summary>The rule ids of findings about bibliography files (reported by import, not by <c>check</c>).</summary>
public static class BibRules
{
    /// <summary>Error: an entry that cannot be read (syntax) or has no title; it is not imported.</summary>
    public const string Entry = "bib-entry";

    /// <summary>Warning: a value that is not valid for its field (a bad DOI, URL or date); the value is left out.</summary>
    public const string Value = "bib-value";

    /// <summary>Note: fields or tags that a source has no place for; they are not imported.</summary>
    public const string Unmapped = "bib-unmapped";

    public static Severity SeverityOf(string rule) => rule switch
    {
        Entry => Severity.Error,
        Value => Severity.Warning,
        _ => Severity.Note,
    };
}

/// <summary>An entry of a bibliography, read into the fields that a source has.</summary>
internal sealed class BibEntry
{
    public string? Key { get; set; }
    /// <summary>How the entry reads in its file, for reports: <c>@article{smith2020}</c>, <c>TY JOUR</c>, <c>item 3</c>.</summary>
    public required string Label { get; init; }
    public required Position Start { get; init; }
    public SourceType Type { get; set; } = SourceType.Other;
    public string? Title { get; set; }
    public List<PersonName> Authors { get; } = [];
    public string? Publisher { get; set; }
    public string? Date { get; set; }
    public string? Accessed { get; set; }
    public string? Url { get; set; }
    public string? Doi { get; set; }
    public string? Pmid { get; set; }
    public string? Lang { get; set; }
    public string? Volume { get; set; }
    public string? Issue { get; set; }
    public string? Pages { get; set; }
    // the fields of EvidenceTracker itself, which a CSL-JSON export carries under "custom"
    public string? Level { get; set; }
    public List<string> ReportsOn { get; } = [];
    public string? Snapshot { get; set; }
    public string? SnapshotSha256 { get; set; }
    public string? Archived { get; set; }

    /// <summary>Citation keys of entries merged into this one (each becomes one of the source's <c>keys</c>).</summary>
    public List<string> MergedKeys { get; } = [];

    private HashSet<string>? _mergedKeySet;

    /// <summary>
    /// Records <paramref name="key"/>, the key of an entry merged into this one, unless this entry is known by it already
    /// (its own key or one merged before); true when recorded. A set, not a search of <see cref="CitationKeys"/>: 10,000
    /// entries of one title merged into one took 16 s, the list of keys made again for each.
    /// </summary>
    public bool AddMergedKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _mergedKeySet ??= new HashSet<string>(MergedKeys, StringComparer.Ordinal);
        if (string.Equals(key, Key, StringComparison.Ordinal) || !_mergedKeySet.Add(key))
        {
            return false;
        }
        MergedKeys.Add(key);
        return true;
    }

    /// <summary>
    /// The citation keys the source is known by: the entry's key (unless it is a record number or a URI, as Zotero's
    /// CSL-JSON ids are) and those of entries merged into it.
    /// </summary>
    public List<string> CitationKeys => [.. new[] { Key }.Concat(MergedKeys).OfType<string>().Where(IsCitationKey).Distinct(StringComparer.Ordinal)];

    /// <summary>Whether an entry key is a name articles cite the entry by: not a record number, not a URI, no white space.</summary>
    public static bool IsCitationKey(string? key) =>
        key is { Length: > 0 } && !key.All(char.IsAsciiDigit) && !key.Contains("://", StringComparison.Ordinal) && !key.Any(char.IsWhiteSpace);

    /// <summary>Names of the entry's fields that have no place in a source.</summary>
    public List<string> Unmapped { get; } = [];
}

/// <summary>Findings about one bibliography file.</summary>
internal sealed class BibDiagnostics(string file)
{
    public string File { get; } = file;
    public List<Finding> Findings { get; } = [];

    public void Add(string rule, string message, Position? at, string? source = null) =>
        Findings.Add(new Finding
        {
            Rule = rule,
            Severity = BibRules.SeverityOf(rule),
            Message = message,
            File = File,
            Line = at?.Line,
            Column = at?.Column,
            Source = source,
        });

    public void Error(string message, Position? at) => Add(BibRules.Entry, message, at);

    public void Warning(string message, Position? at) => Add(BibRules.Value, message, at);

    public void Note(string message, Position? at) => Add(BibRules.Unmapped, message, at);
}

/// <summary>What a parser read from one file.</summary>
internal sealed record BibParseResult(List<BibEntry> Entries, List<Finding> Findings);

/// <summary>The source types, and the CSL types they map to (one-to-one on export).</summary>
internal static class SourceTypes
{
    public static string ToCsl(SourceType type) => type switch
    {
        SourceType.JournalArticle => "article-journal",
        SourceType.News => "article-newspaper",
        SourceType.WebPage => "webpage",
        SourceType.PressRelease => "report",
        SourceType.Report => "report",
        SourceType.Book => "book",
        SourceType.Dataset => "dataset",
        SourceType.Regulatory => "regulation",
        _ => "document",
    };

    /// <summary>The source type of a CSL type; <paramref name="genre"/> tells a press release among reports.</summary>
    public static SourceType FromCsl(string? cslType, string? genre)
    {
        if (genre is not null && IsPressRelease(genre))
        {
            return SourceType.PressRelease;
        }
        return cslType switch
        {
            "article-journal" or "article-magazine" or "review" or "review-book" or "paper-conference" => SourceType.JournalArticle,
            "article-newspaper" => SourceType.News,
            "webpage" or "post" or "post-weblog" => SourceType.WebPage,
            "report" or "thesis" or "standard" => SourceType.Report,
            "book" or "chapter" or "collection" or "classic" or "entry" or "entry-dictionary" or "entry-encyclopedia" or "pamphlet" => SourceType.Book,
            "dataset" => SourceType.Dataset,
            "regulation" or "legislation" or "bill" or "legal_case" or "treaty" or "hearing" => SourceType.Regulatory,
            _ => SourceType.Other,
        };
    }

    public static bool IsPressRelease(string text) =>
        text.Replace("-", " ", StringComparison.Ordinal).Trim().Equals("press release", StringComparison.OrdinalIgnoreCase);

    /// <summary>Types whose <c>publisher</c> is the periodical or site that contains the work (CSL <c>container-title</c>).</summary>
    public static bool PublisherIsContainer(SourceType type) => type is SourceType.JournalArticle or SourceType.News or SourceType.WebPage;
}
