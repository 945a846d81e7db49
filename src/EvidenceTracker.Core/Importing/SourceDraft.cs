using EvidenceTracker.Model;

namespace EvidenceTracker.Importing;

/// <summary>What a footnote definition says about its source. <see cref="Title"/> is never empty.</summary>
public sealed record SourceDraft
{
    public required string Title { get; init; }
    public string? Url { get; init; }
    public string? Publisher { get; init; }
    /// <summary>Publication date, YYYY, YYYY-MM or YYYY-MM-DD.</summary>
    public string? Date { get; init; }
    /// <summary>Retrieval date (检索日期, retrieved, accessed).</summary>
    public string? Accessed { get; init; }
    /// <summary>Bare lowercase DOI, from a doi.org URL or <c>doi:10.…</c>.</summary>
    public string? Doi { get; init; }
    /// <summary>Authors of an APA-style reference (<c>Smith, J., &amp; Doe, A. (2020). Title. …</c>).</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];
    public string? Volume { get; init; }
    public string? Issue { get; init; }
    public string? Pages { get; init; }

    /// <summary>
    /// <c>journal-article</c> with a DOI or a volume; <c>news</c> with a publisher and a date; <c>web-page</c> with a
    /// URL; else <c>other</c>.
    /// </summary>
    public SourceType Type => Doi is not null || Volume is not null ? SourceType.JournalArticle
        : Publisher is not null && Date is not null ? SourceType.News
        : Url is not null ? SourceType.WebPage
        : SourceType.Other;
}
