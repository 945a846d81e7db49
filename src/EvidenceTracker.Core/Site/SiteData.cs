using EvidenceTracker.Checking;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Model;
using EvidenceTracker.Verification;

namespace EvidenceTracker.Site;

/// <summary>The evidence indexed for rendering: lookups built once, shared by every page.</summary>
public sealed class SiteData
{
    public SiteData(CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        Report = report;

        // A page's file is named after its id: a claim or source whose id is not a slug (check reports it under schema)
        // has no page, so that no id ("../../x", "a/", a NUL) can name a file outside its folder or none at all.
        Claims = report.Claims.Where(c => Values.SlugProblem(c.Claim.Id) is null)
            .GroupBy(c => c.Claim.Id, StringComparer.Ordinal).Select(g => g.First())
            .OrderBy(c => c.Claim.Id, StringComparer.Ordinal).ToList();
        Sources = report.Set.Sources.Where(s => Values.SlugProblem(s.Id) is null)
            .GroupBy(s => s.Id, StringComparer.Ordinal).Select(g => g.First())
            .OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        // An article's id is its file name: one that could not name a page (a control character in it) has none either.
        Articles = report.Set.Articles.Where(a => SiteWriter.PagePathProblem($"articles/{a.Id}.html") is null)
            .OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
        SourceById = Sources.ToDictionary(s => s.Id, StringComparer.Ordinal);
        ArticleById = Articles.GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        ClaimFindings = report.Findings.Where(f => f.Claim is not null).GroupBy(f => f.Claim!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Finding>)g.ToList(), StringComparer.Ordinal);
        SourceFindings = report.Findings.Where(f => f.Claim is null && f.Source is not null).GroupBy(f => f.Source!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Finding>)g.ToList(), StringComparer.Ordinal);
        CitedBy = Claims.SelectMany(c => c.Claim.Citations.Select(x => (x.Source, Claim: c)))
            .GroupBy(x => x.Source, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ClaimStatus>)g.Select(x => x.Claim).Distinct().ToList(), StringComparer.Ordinal);
        // Looked up once per article (the index lists every article with its count): a scan of every claim per article
        // made the index quadratic (3,333 articles × 100,000 claims).
        ClaimsByArticle = Claims.Where(c => c.Claim.Article is not null).GroupBy(c => c.Claim.Article!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ClaimStatus>)g.ToList(), StringComparer.Ordinal);
        ReportedOnBy = Sources.SelectMany(s => s.ReportsOn.Select(t => (Target: t, By: s)))
            .GroupBy(x => x.Target, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Source>)g.Select(x => x.By).ToList(), StringComparer.Ordinal);
        Tags = Claims.SelectMany(c => c.Claim.Tags).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        ArticleTitles = Articles.ToDictionary(a => a.Id, a => FrontMatter.Title(a.Text) ?? a.Id, StringComparer.Ordinal);
        Style = Bibliography.ReferenceFormatter.DefaultStyle(report.Set.Config, report.Set.Articles, report.Set.Sources);
        ArticleLangs = Articles.GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => TextLang(g.First().Text), StringComparer.Ordinal);
        // The site's language: site-lang, else that of most articles (English on a tie or without articles).
        var zh = ArticleLangs.Values.Count(l => l == "zh");
        Labels = SiteLabels.For(report.Set.Config.SiteLang ?? (zh * 2 > ArticleLangs.Count ? "zh" : "en"));
        Title = report.Set.Config.Title ?? Labels.DefaultTitle;
        // check reports any other site-url under schema; the structured data takes only an http(s) one
        SiteUrl = Values.IsHttpUrl(report.Set.Config.SiteUrl) ? report.Set.Config.SiteUrl : null;
    }

    /// <summary>The labels of the site's language (<c>site-lang</c>, else the language of most articles).</summary>
    internal SiteLabels Labels { get; }

    /// <summary>The site's language: <c>en</c> or <c>zh</c>.</summary>
    public string Lang => Labels.Lang;

    /// <summary>Where the site is published (<c>site-url</c>), for absolute URLs in structured data.</summary>
    public string? SiteUrl { get; }

    /// <summary>The language of each article's text, by id.</summary>
    public IReadOnlyDictionary<string, string> ArticleLangs { get; }

    /// <summary>
    /// "en" when at least half of the letters are Latin (accented ones too), else "zh". Called for every
    /// statement of every table: a plain count, without the Unicode folding of the id slugs.
    /// </summary>
    public static string TextLang(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int latin = 0, other = 0;
        foreach (var ch in text)
        {
            if (char.IsAsciiLetter(ch) || (ch is >= '\u00C0' and < '\u0250' && char.IsLetter(ch)))
            {
                latin++;
            }
            else if (ch > '\u007F' && char.IsLetter(ch))
            {
                other++;
            }
        }
        return latin >= other ? "en" : "zh";
    }

    /// <summary>The reference style: <c>style:</c> in evidence.yaml, else by the language of the articles.</summary>
    public Bibliography.ReferenceStyle Style { get; }

    public CheckReport Report { get; }
    public string Title { get; }
    public IReadOnlyList<ClaimStatus> Claims { get; }
    public IReadOnlyList<Source> Sources { get; }
    public IReadOnlyList<Model.Article> Articles { get; }
    public IReadOnlyDictionary<string, Source> SourceById { get; }
    public IReadOnlyDictionary<string, Model.Article> ArticleById { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<Finding>> ClaimFindings { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<Finding>> SourceFindings { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<ClaimStatus>> CitedBy { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<Source>> ReportedOnBy { get; }
    /// <summary>The claims of each article (<c>article:</c>), in the order of <see cref="Claims"/>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ClaimStatus>> ClaimsByArticle { get; }
    public IReadOnlyList<string> Tags { get; }
    public IReadOnlyDictionary<string, string> ArticleTitles { get; }

    public IReadOnlyList<Finding> FindingsOfClaim(string id) => ClaimFindings.TryGetValue(id, out var f) ? f : [];

    public IReadOnlyList<Finding> FindingsOfSource(string id) => SourceFindings.TryGetValue(id, out var f) ? f : [];

    /// <summary>The claims whose <c>article:</c> is <paramref name="id"/>, in the order of <see cref="Claims"/>.</summary>
    public IReadOnlyList<ClaimStatus> ClaimsOfArticle(string id) => ClaimsByArticle.TryGetValue(id, out var c) ? c : [];

    public IReadOnlyList<ClaimStatus> ClaimsCiting(string id) => CitedBy.TryGetValue(id, out var c) ? c : [];

    /// <summary>
    /// The claim's chain: the sources it cites (its support, whatever the stance), then its leads — what those sources
    /// report on and the claim does not cite. A lead is never support: no primary source is drawn as reached unless
    /// the claim cites it.
    /// </summary>
    public ClaimChain Chain(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var cited = claim.Citations.Select(c => c.Source).Where(SourceById.ContainsKey).Distinct(StringComparer.Ordinal).ToList();
        return new ClaimChain(cited, Chains.Leads(claim, SourceById), Chains.RestsOnPrimary(claim, SourceById));
    }
}
