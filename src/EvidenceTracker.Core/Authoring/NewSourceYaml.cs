using EvidenceTracker.Model;
using EvidenceTracker.Yaml;

namespace EvidenceTracker.Authoring;

/// <summary>
/// The YAML of a new source file, its fields in the contract's order: what <c>evidence add source</c> and a
/// bibliography import write. A field without a value is left out.
/// </summary>
internal sealed record NewSourceYaml
{
    public required string Id { get; init; }
    public required SourceType Type { get; init; }
    public string? Title { get; init; }
    public IReadOnlyCollection<string> Authors { get; init; } = [];
    public string? Publisher { get; init; }
    public string? Date { get; init; }
    public string? Accessed { get; init; }
    public string? Url { get; init; }
    public string? Doi { get; init; }
    public string? Pmid { get; init; }
    public string? Lang { get; init; }
    public string? Level { get; init; }
    public IReadOnlyCollection<string> ReportsOn { get; init; } = [];
    /// <summary><c>reports-on: [a, b]</c> on one line rather than one item a line.</summary>
    public bool ReportsOnOnOneLine { get; init; }
    public string? Snapshot { get; init; }
    public string? SnapshotSha256 { get; init; }
    public string? Archived { get; init; }
    public string? Volume { get; init; }
    public string? Issue { get; init; }
    public string? Pages { get; init; }
    public string? Pmcid { get; init; }
    public string? Arxiv { get; init; }
    public string? Isbn { get; init; }
    /// <summary>The citation keys the source is known by, each double-quoted.</summary>
    public IReadOnlyCollection<string> Keys { get; init; } = [];

    public override string ToString()
    {
        var yaml = new YamlWriter()
            .Field("id", Id)
            .Field("type", Names.Of(Type))
            .Field("title", Title)
            .BlockList("authors", Authors)
            .Field("publisher", Publisher)
            .Field("date", Date, date: true)
            .Field("accessed", Accessed, date: true)
            .Field("url", Url)
            .Field("doi", Doi)
            .Field("pmid", Pmid)
            .Field("lang", Lang)
            .Field("level", Level);
        yaml = ReportsOnOnOneLine ? yaml.FlowList("reports-on", ReportsOn) : yaml.BlockList("reports-on", ReportsOn);
        return yaml
            .Field("snapshot", Snapshot)
            .Field("snapshot-sha256", SnapshotSha256)
            .Field("archived", Archived, date: true)
            .Field("volume", Volume)
            .Field("issue", Issue)
            .Field("pages", Pages)
            .Field("pmcid", Pmcid)
            .Field("arxiv", Arxiv)
            .Field("isbn", Isbn)
            .BlockList("keys", Keys, quoted: true)
            .ToString();
    }
}
