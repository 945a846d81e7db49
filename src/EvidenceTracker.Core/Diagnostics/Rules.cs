namespace EvidenceTracker.Diagnostics;

/// <summary>A rule's stable id, its default severity, and the help a reader needs to fix what it finds.</summary>
public sealed record RuleDescriptor(string Id, Severity DefaultSeverity, string Summary, string Help);

/// <summary>The rule ids of the product contract. Ids are stable: CI configurations and SARIF consumers rely on them.</summary>
public static class Rules
{
    public const string YamlSyntax = "yaml-syntax";
    public const string Schema = "schema";
    public const string DuplicateId = "duplicate-id";
    public const string IdMismatch = "id-mismatch";
    public const string UnknownSource = "unknown-source";
    public const string UnknownArticle = "unknown-article";
    public const string UnsupportedClaim = "unsupported-claim";
    public const string VerdictConflict = "verdict-conflict";
    public const string QuoteNotFound = "quote-not-found";
    public const string FigureMismatch = "figure-mismatch";
    public const string SecondaryOnly = "secondary-only";
    public const string ExcerptNotInArticle = "excerpt-not-in-article";
    public const string UncitedSentence = "uncited-sentence";
    public const string UnclaimedCitation = "unclaimed-citation";
    public const string UndefinedFootnote = "undefined-footnote";
    public const string UnusedFootnote = "unused-footnote";
    public const string OrphanSource = "orphan-source";
    public const string MissingSnapshot = "missing-snapshot";
    public const string StraySnapshot = "stray-snapshot";
    public const string RetractedSource = "retracted-source";
    public const string DuplicateSource = "duplicate-source";
    public const string UnknownCitekey = "unknown-citekey";

    public static IReadOnlyList<RuleDescriptor> All { get; } =
    [
        new(YamlSyntax, Severity.Error, "A file is not valid YAML, or cannot be read as UTF-8 text.",
            "Fix the YAML at the reported line and column: check indentation, unclosed quotes and brackets, and duplicate keys. Aliases (*name) are not allowed in evidence files."),
        new(Schema, Severity.Error, "A field is unknown or misspelt, has the wrong type, or a required field is missing; or an id, date, URL or DOI is malformed.",
            "Compare the file with the claim and source formats in the README. Ids are lowercase slugs ([a-z0-9]+(-[a-z0-9]+)*, at most 80 characters); dates are YYYY, YYYY-MM or YYYY-MM-DD; URLs are absolute http(s); DOIs start with 10."),
        new(DuplicateId, Severity.Error, "Two claims, or two sources, share one id.",
            "Give one of them a new id and rename its file to match; update the citations that named it."),
        new(IdMismatch, Severity.Error, "An id differs from its file's name.",
            "Rename the file to <id>.yaml, or change the id to the file's name."),
        new(UnknownSource, Severity.Error, "A citation names a source that does not exist.",
            "Add the source with `evidence add source`, or correct the id (see `evidence list sources`)."),
        new(UnknownArticle, Severity.Error, "A claim names an article that does not exist.",
            "Import the article with `evidence import`, or correct the id (see `evidence list articles`)."),
        new(UnsupportedClaim, Severity.Error, "A claim has no citation of an existing source and no recorded verdict.",
            "Cite a source with `evidence cite CLAIM SOURCE`, or record the reviewer's verdict (for example `verdict: unverifiable`) with a note."),
        new(VerdictConflict, Severity.Error, "A recorded verdict that the evidence cannot back.",
            "A `supported` or `partly-supported` verdict needs a supporting citation of an existing source; `contradicted` needs a citation with `stance: refutes`. Add the evidence or change the verdict."),
        new(QuoteNotFound, Severity.Error, "A quote that its source's snapshot does not contain.",
            "Copy the quote verbatim from the snapshot; the message names the closest passage."),
        new(FigureMismatch, Severity.Warning, "A figure of the claim that none of its supporting quotes states.",
            "Quote the passage that states the figure, or correct the claim's figure."),
        new(SecondaryOnly, Severity.Warning, "A claim that cites no primary source in support (what a cited source reports on is a lead, not support).",
            "Cite the primary research where it states the claim; `reports-on` records the leads to check."),
        new(ExcerptNotInArticle, Severity.Error, "A claim's excerpt that its article no longer contains.",
            "Copy the excerpt verbatim from the article again, or update the claim if the article changed."),
        new(UncitedSentence, Severity.Warning, "An article sentence states a figure or a strong claim with no citation in scope.",
            "Add a footnote citation to the sentence. Where the article cannot change, track the sentence as a claim with a verdict and note, or set the rule's severity in evidence.yaml."),
        new(UnclaimedCitation, Severity.Note, "A cited passage of an article that no claim's excerpt overlaps.",
            "Track the passage as a claim (`evidence import` drafts one)."),
        new(UndefinedFootnote, Severity.Error, "An article cites a footnote it never defines.",
            "Define the footnote ([^n]: ...) or remove the marker."),
        new(UnusedFootnote, Severity.Warning, "An article defines a footnote it never cites.",
            "Cite the footnote where its source is used, or remove the definition."),
        new(OrphanSource, Severity.Warning, "A source that no claim cites.",
            "Cite it from a claim with `evidence cite`, or remove it."),
        new(UnknownCitekey, Severity.Error, "An article cites a citation key (@key, [@key], @doi:…) that no source has as its id, in its `keys`, or as its identifier.",
            "Import the article's bibliography (`evidence import paper.bib`, or name it under `bibliography:` in the front matter and import the article), add the key to a source's `keys`, or correct the key. A prefixed key (@doi:…, @pmid:…) gets its source from `evidence import` of the article."),
        new(MissingSnapshot, Severity.Note, "A cited source with a quote but no archived snapshot.",
            "Archive the source with `evidence snapshot SOURCE FILE` so its quotes can be verified."),
        new(StraySnapshot, Severity.Note, "A file in sources/snapshots/ that no source's `snapshot` field refers to.",
            "A name of the form <id>.<12 hex digits>.<ext> was written by an `evidence snapshot` that was stopped before it recorded it, or is a snapshot a source no longer uses: the next `evidence snapshot <id> FILE` removes it, or delete it. Any other file: record it with `evidence snapshot SOURCE sources/snapshots/NAME`, or delete it."),
        new(RetractedSource, Severity.Error, "A cited source that its publisher, PubMed or Retraction Watch has retracted (a warning for an expression of concern, a note for a correction), from the records `evidence lookup` cached.",
            "Read the notice the message names. Cite other evidence, or record why the claim still stands (a `note`, and `suppress: retracted-source` with a reason). Run `evidence lookup --refresh` to update the records."),
        new(DuplicateSource, Severity.Warning, "Two sources with one DOI, PMID, PMCID, arXiv id or normalised URL: one work recorded twice.",
            "Keep one: move the citations to it with `evidence rm DUPLICATE --force` after citing the one you keep, or rename with `evidence mv`. Where both records are wanted (a preprint and its paper under one URL), suppress the finding with a reason."),
    ];

    private static readonly Dictionary<string, RuleDescriptor> ById = All.ToDictionary(r => r.Id, StringComparer.Ordinal);

    public static bool IsKnown(string id) => ById.ContainsKey(id);

    public static RuleDescriptor Get(string id) => ById[id];

    public static Severity DefaultSeverity(string id) => ById.TryGetValue(id, out var r) ? r.DefaultSeverity : Severity.Error;

    public static string SeverityName(Severity s) => s switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Note => "note",
        _ => "off",
    };

    public static bool TryParseSeverity(string text, out Severity severity)
    {
        switch (text)
        {
            case "error": severity = Severity.Error; return true;
            case "warning": severity = Severity.Warning; return true;
            case "note": severity = Severity.Note; return true;
            case "off": severity = Severity.Off; return true;
            default: severity = Severity.Off; return false;
        }
    }
}
