using EvidenceTracker.Diagnostics;
using EvidenceTracker.Model;

namespace EvidenceTracker.Loading;

/// <summary>
/// The one catalogue of the fields of claim, source and settings files: the readers take their field names from it,
/// and <see cref="JsonSchemas"/> generates the published JSON Schemas from it.
/// </summary>
public static class FieldCatalogue
{
    public static readonly string[] SeverityNames = ["error", "warning", "note", "off"];
    public static readonly string[] CitationScopes = ["run", "sentence"];
    public static readonly string[] Styles = ["gb-t-7714", "apa", "vancouver"];
    public static readonly string[] SiteLanguages = ["en", "zh"];

    public static IReadOnlyList<FieldSpec> Claim { get; } =
    [
        new("id", FieldKind.Slug, "The claim's id: a lowercase slug equal to the file's name.", Required: true),
        new("statement", FieldKind.Text, "The claim, in one sentence.", Required: true),
        new("article", FieldKind.Slug, "The id of the article that makes the claim."),
        new("excerpt", FieldKind.Text, "The claim's words, verbatim from the article."),
        new("citations", FieldKind.Citations, "The evidence: citations of sources."),
        new("verdict", FieldKind.Choice, "The reviewer's judgement.", Choices: Names.Verdicts),
        new("note", FieldKind.Text, "The reason for the verdict, or any remark."),
        new("tags", FieldKind.TextList, "Tags for filtering."),
        new("reviewed", FieldKind.Date, "When the verdict was given: YYYY, YYYY-MM or YYYY-MM-DD."),
        new("reviewer", FieldKind.Text, "Who gave the verdict: a person or an organisation."),
        new("suppress", FieldKind.Suppressions, "Findings of this claim kept on purpose, each with its reason."),
    ];

    public static IReadOnlyList<FieldSpec> Citation { get; } =
    [
        new("source", FieldKind.Slug, "The id of the cited source.", Required: true),
        new("quote", FieldKind.Text, "A verbatim passage of the source."),
        new("locator", FieldKind.Text, "Page, section, paragraph, figure or table."),
        new("stance", FieldKind.Choice, "How the source bears on the claim (default: supports).", Choices: Names.Stances),
    ];

    public static IReadOnlyList<FieldSpec> Source { get; } =
    [
        new("id", FieldKind.Slug, "The source's id: a lowercase slug equal to the file's name.", Required: true),
        new("type", FieldKind.Choice, "The kind of source.", Required: true, Choices: Names.SourceTypes),
        new("title", FieldKind.Text, "The title.", Required: true),
        new("authors", FieldKind.TextList, "Authors as \"Family, Given\" (or an organisation's name)."),
        new("publisher", FieldKind.Text, "Journal, newspaper, site or organisation."),
        new("date", FieldKind.Date, "Publication date: YYYY, YYYY-MM or YYYY-MM-DD."),
        new("accessed", FieldKind.Date, "When web material was read: YYYY, YYYY-MM or YYYY-MM-DD."),
        new("url", FieldKind.Url, "An absolute http(s) URL."),
        new("doi", FieldKind.Doi, "The bare DOI, lowercase (10.…)."),
        new("pmid", FieldKind.Pmid, "The PubMed id (digits)."),
        new("lang", FieldKind.Lang, "The language, a BCP 47 tag (en, zh, zh-Hans)."),
        new("level", FieldKind.Choice, "primary: reports its own research or data; secondary: reports on others'.", Choices: Names.Levels),
        new("reports-on", FieldKind.SlugList, "For a secondary source: the ids of the sources it reports on."),
        new("snapshot", FieldKind.Text, "The archived copy, relative to sources/ (snapshots/<id>.txt|md|html|pdf)."),
        new("snapshot-sha256", FieldKind.Sha256, "The snapshot's SHA-256, written by `evidence snapshot`."),
        new("archived", FieldKind.Date, "When the snapshot was taken."),
        new("volume", FieldKind.Text, "Volume."),
        new("issue", FieldKind.Text, "Issue."),
        new("pages", FieldKind.Text, "Pages."),
        new("keys", FieldKind.TextList, "Other names articles use for the source: BibTeX/Pandoc citation keys."),
        new("pmcid", FieldKind.Pmcid, "The PubMed Central id (PMC…)."),
        new("arxiv", FieldKind.Arxiv, "The arXiv id (2101.00001)."),
        new("isbn", FieldKind.Isbn, "The ISBN (10 or 13 digits)."),
        new("archive-url", FieldKind.Url, "A public archived copy, such as a Wayback Machine URL."),
        new("suppress", FieldKind.Suppressions, "Findings of this source kept on purpose, each with its reason."),
    ];

    public static IReadOnlyList<FieldSpec> Config { get; } =
    [
        new("title", FieldKind.Text, "The title of the evidence map."),
        new("rules", FieldKind.Severities, "The severity of each rule: error, warning, note or off."),
        new("citation-scope", FieldKind.Choice, "How far a footnote marker reaches: its paragraph since the previous marker (run) or its sentence.", Choices: CitationScopes),
        new("style", FieldKind.Choice, "The reference style.", Choices: Styles),
        new("site-lang", FieldKind.Choice, "The language of the site's labels (default: the language of most articles).", Choices: SiteLanguages),
        new("site-url", FieldKind.Url, "The address where the site is published (absolute http(s) URL), for absolute links in ClaimReview data."),
        new("strong-words", FieldKind.WordLists, "Extra words that make a sentence a strong claim, per language."),
        new("suppress", FieldKind.ConfigSuppressions, "Findings tied to no claim or source kept on purpose, by rule and file, each with its reason."),
    ];

    public static IReadOnlyList<FieldSpec> Suppression { get; } =
    [
        new("rule", FieldKind.Choice, "The rule whose findings are kept.", Required: true, Choices: RuleIds),
        new("reason", FieldKind.Text, "Why the findings are kept.", Required: true),
    ];

    public static IReadOnlyList<FieldSpec> ConfigSuppression { get; } =
    [
        new("rule", FieldKind.Choice, "The rule whose findings are kept.", Required: true, Choices: RuleIds),
        new("file", FieldKind.Text, "The file of the findings, relative to the repository root.", Required: true),
        new("match", FieldKind.Text, "Only findings whose message contains this text."),
        new("reason", FieldKind.Text, "Why the findings are kept.", Required: true),
    ];

    private static string[] RuleIds => Rules.All.Select(r => r.Id).ToArray();

    public static string[] NamesOf(IReadOnlyList<FieldSpec> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return fields.Select(f => f.Name).ToArray();
    }
}
