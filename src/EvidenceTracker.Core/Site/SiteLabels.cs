using System.Globalization;

namespace EvidenceTracker.Site;

/// <summary>
/// The words of the site's own interface (not of the data) for the verdict box, the index's filters and cards, and the
/// sources page, in one place so that they can be translated: a set per language, <see cref="En"/> the first.
/// A format string takes its values as {0}, {1}.
/// </summary>
internal sealed record SiteLabels
{
    /// <summary>English.</summary>
    public static SiteLabels En { get; } = new();

    // Navigation.
    public string Sources { get; init; } = "Sources";

    // The verdict box of a claim page.
    public string Verdict { get; init; } = "Verdict";
    public string SupportLevel { get; init; } = "Support level";
    public string Reason { get; init; } = "Reason";
    public string NoVerdict { get; init; } = "no verdict";
    public string NoVerdictRecorded { get; init; } = "No verdict recorded.";
    public string NoReasonRecorded { get; init; } = "The reviewer recorded no reason.";
    public string Draft { get; init; } = "draft";
    public string DraftMeaning { get; init; } = "the statement is still the import placeholder";
    public string VerdictBoxLabel { get; init; } = "Verdict and support";

    // The index.
    public string ClaimColumn { get; init; } = "Claim";
    public string SupportColumn { get; init; } = "Support";
    public string VerdictColumn { get; init; } = "Verdict";
    public string TagsColumn { get; init; } = "Tags";
    public string AnyVerdict { get; init; } = "any verdict";
    public string NoClaimsMatch { get; init; } = "No claims match these filters.";
    public string ClearFilters { get; init; } = "Clear filters";
    public string SortOrder { get; init; } = "Weakest first: by support level (contradicted, unsupported, draft, cited, quoted, verified), then verdict (contradicted, unsupported, unverifiable, none, partly-supported, supported).";

    // The sources page.
    public string SourcesIntro { get; init; } = "Every source, the ones most claims rest on first.";
    public string SourceColumn { get; init; } = "Source";
    public string PublisherColumn { get; init; } = "Publisher";
    public string DateColumn { get; init; } = "Date";
    public string LevelColumn { get; init; } = "Level";
    public string CitedByColumn { get; init; } = "Cited by";
    public string LinksColumn { get; init; } = "Links";
    public string LevelNotRecorded { get; init; } = "not recorded";
    public string NotCited { get; init; } = "no claim";
    public string ClaimsOne { get; init; } = "1 claim";
    public string ClaimsMany { get; init; } = "{0} claims";
    public string RestOnOne { get; init; } = "{0} of {1} claims cite \u201C{2}\u201D.";

    /// <summary>"1 claim", "25 claims".</summary>
    public string Claims(int n) => n == 1 ? ClaimsOne : string.Format(CultureInfo.InvariantCulture, ClaimsMany, n);
}
