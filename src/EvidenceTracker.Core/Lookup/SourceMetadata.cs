using EvidenceTracker.Model;

namespace EvidenceTracker.Lookup;

/// <summary>
/// What a look-up found about a work, in the source file's own terms (authors as <c>Family, Given</c>, dates as
/// <c>YYYY[-MM[-DD]]</c>, bare identifiers). Any field may be missing.
/// </summary>
public sealed record SourceMetadata
{
    public SourceType? Type { get; init; }
    public string? Title { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public string? Publisher { get; init; }
    public string? Date { get; init; }
    public string? Url { get; init; }
    public string? Doi { get; init; }
    public string? Pmid { get; init; }
    public string? Pmcid { get; init; }
    public string? Arxiv { get; init; }
    public string? Isbn { get; init; }
    public string? Lang { get; init; }
    public string? Volume { get; init; }
    public string? Issue { get; init; }
    public string? Pages { get; init; }
    public IReadOnlyList<UpdateNotice> Updates { get; init; } = [];

    /// <summary>The fields as (source field name, value) pairs, in the source file's order; lists for authors.</summary>
    public IEnumerable<(string Field, object Value)> Fields()
    {
        foreach (var (name, value) in new (string, string?)[] { ("type", Type is { } t ? Names.Of(t) : null), ("title", Title) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                yield return (name, value);
            }
        }
        if (Authors.Count > 0)
        {
            yield return ("authors", Authors);
        }
        var rest = new (string, string?)[]
        {
            ("publisher", Publisher), ("date", Date), ("url", Url), ("doi", Doi), ("pmid", Pmid), ("lang", Lang),
            ("volume", Volume), ("issue", Issue), ("pages", Pages), ("pmcid", Pmcid), ("arxiv", Arxiv), ("isbn", Isbn),
        };
        foreach (var (name, value) in rest)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                yield return (name, value);
            }
        }
    }

    /// <summary>This record with each missing field taken from <paramref name="other"/>.</summary>
    public SourceMetadata Or(SourceMetadata? other) => other is null ? this : new SourceMetadata
    {
        Type = Type ?? other.Type,
        Title = Title ?? other.Title,
        Authors = Authors.Count > 0 ? Authors : other.Authors,
        Publisher = Publisher ?? other.Publisher,
        Date = Date ?? other.Date,
        Url = Url ?? other.Url,
        Doi = Doi ?? other.Doi,
        Pmid = Pmid ?? other.Pmid,
        Pmcid = Pmcid ?? other.Pmcid,
        Arxiv = Arxiv ?? other.Arxiv,
        Isbn = Isbn ?? other.Isbn,
        Lang = Lang ?? other.Lang,
        Volume = Volume ?? other.Volume,
        Issue = Issue ?? other.Issue,
        Pages = Pages ?? other.Pages,
        Updates = Updates.Concat(other.Updates).Distinct().ToList(),
    };
}
