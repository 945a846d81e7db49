using System.Globalization;
using System.Text;
using EvidenceTracker.Checking;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Model;
using static EvidenceTracker.Site.H;

namespace EvidenceTracker.Site;

/// <summary>The HTML pages of the evidence map. Every value goes through the encoding builder.</summary>
internal sealed class HtmlPages(SiteData data)
{
    private static string Up(int depth) => string.Concat(Enumerable.Repeat("../", depth));

    /// <summary>The words of the pages, in the site's language.</summary>
    private SiteLabels L => data.Labels;

    /// <summary>The wire name of a level: CSS classes and filter values, never shown as a label.</summary>
    public static string LevelName(SupportLevel level) => Names.Of(level);

    private Element Badge(SupportLevel level) =>
        E("span", L.Level(level)).Class($"badge level-{LevelName(level)}");

    /// <summary>The support badge of a claim ("draft" for a claim whose statement is still the import placeholder).</summary>
    private Element Badge(ClaimStatus c) => Badge(c.Support);

    /// <summary>The value of a claim's support in the index's data-level attribute and level filter.</summary>
    private static string LevelKey(ClaimStatus c) => LevelName(c.Support);

    /// <summary>The value of a verdict in the index's data-verdict attribute and verdict filter.</summary>
    private static string VerdictKey(Verdict? v) => v is { } x ? Names.Of(x) : "none";

    /// <summary>A symbol beside the verdict's name and colour, so that no verdict is told by colour alone.</summary>
    internal static string VerdictSymbol(Verdict v) => v switch
    {
        Model.Verdict.Supported => "\u2713",        // ✓
        Model.Verdict.PartlySupported => "\u25D1",  // ◑
        Model.Verdict.Unverifiable => "?",
        Model.Verdict.Unsupported => "\u2717",      // ✗
        _ => "\u2298",                              // ⊘
    };

    private Node Verdict(Verdict? v) => v is { } verdict
        ? E("span", E("span", VerdictSymbol(verdict)).Class("symbol").Attr("aria-hidden", "true"), L.Verdict(verdict)).Class($"badge verdict verdict-{Names.Of(verdict)}")
        : E("span", E("span", "—").Attr("aria-hidden", "true"), E("span", L.NoVerdict).Class("visually-hidden")).Class("verdict-none muted");

    /// <summary>The element with a <c>lang</c> attribute when its text is in another language than the page's labels.</summary>
    private Element InLang(Element element, string text)
    {
        var lang = SiteData.TextLang(text);
        return lang == data.Lang ? element : element.Attr("lang", lang);
    }

    /// <summary>Text of the data (a statement, a title, a note): marked with its language where the page's is another.</summary>
    private Element DataText(string tag, string text) => InLang(E(tag, text), text);

    /// <summary>A message of check (always English): marked as English on a page in another language.</summary>
    private Node English(string text) => data.Lang == "en" ? new TextNode(text) : E("span", text).Attr("lang", "en");

    private Element Page(string title, int depth, Node body, string? jsonLd = null, bool script = false)
    {
        var up = Up(depth);
        var head = E("head",
            E("meta").Attr("charset", "utf-8"),
            E("meta").Attr("name", "viewport").Attr("content", "width=device-width, initial-scale=1"),
            E("meta").Attr("http-equiv", "Content-Security-Policy")
                .Attr("content", "default-src 'none'; style-src 'self'; script-src 'self'; img-src data:; base-uri 'none'; form-action 'none'"),
            E("title", title == data.Title ? title : $"{title} · {data.Title}"),
            E("link").Attr("rel", "stylesheet").Href(up + "assets/style.css"));
        if (jsonLd is not null)
        {
            head.Add(E("script", Raw.Constant(jsonLd)).Attr("type", "application/ld+json"));
        }
        var bodyEl = E("body",
            E("header",
                E("nav",
                    InLang(E("a", data.Title), data.Title).Href(up + "index.html"),
                    E("a", L.NavSources).Href(up + "sources.html"),
                    E("a", L.NavMatrix).Href(up + "matrix.html"),
                    E("a", L.NavData).Href(up + "evidence.json")).Attr("aria-label", L.NavLabel)).Class("site"),
            E("main", body),
            E("footer", E("p", L.Footer)).Class("site"));
        if (script)
        {
            bodyEl.Add(E("script").Attr("defer", null).LocalSrc(up + "assets/filter.js"));
        }
        return E("html", head, bodyEl).Attr("lang", data.Lang);
    }

    public static string Document(Element html)
    {
        var sb = new StringBuilder("<!DOCTYPE html>\n");
        html.WriteTo(sb);
        sb.Append('\n');
        return sb.ToString();
    }

    /// <summary>
    /// Writes <see cref="Document"/> to <paramref name="writer"/> from the element tree as it goes: a whole-site page (a
    /// row per claim, its rows made as they are written, see <see cref="LazyFragment"/>) is never held whole.
    /// </summary>
    public static void WriteDocument(Element html, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("<!DOCTYPE html>\n");
        html.WriteTo(writer);
        writer.Write('\n');
    }

    private Node ClaimLink(string id, int depth, Node? text = null) =>
        E("a", text ?? id).Href($"{Up(depth)}claims/{id}.html");

    private Node SourceLink(string id, int depth, Node? text = null) =>
        data.SourceById.ContainsKey(id) ? E("a", text ?? id).Href($"{Up(depth)}sources/{id}.html") : E("span", text ?? id).Class("muted");

    private Node ArticleLink(string id, int depth, Node? text = null) =>
        data.ArticleById.ContainsKey(id) ? InLang(E("a", text ?? data.ArticleTitles[id]), data.ArticleTitles[id]).Href($"{Up(depth)}articles/{id}.html") : E("span", id);

    // ---------------------------------------------------------------- index

    public void Index(TextWriter writer)
    {
        var summary = data.Report.Summary;
        var levels = Enum.GetValues<SupportLevel>().Reverse().Where(l => l != SupportLevel.Draft || summary.Support[l] > 0).ToList();
        var body = All(
            DataText("h1", data.Title),
            E("p", $"{L.Count(summary.Claims, Noun.Claim)}, {L.Count(summary.Sources, Noun.Source)}, {L.Count(summary.Articles, Noun.Article)}. ",
                $"{L.Check}{L.Count(summary.Errors, Noun.Error)}, {L.Count(summary.Warnings, Noun.Warning)}, {L.Count(summary.Notes, Noun.Note)}."),
            E("section",
                E("h2", L.Support).Id("support-heading"),
                Charts.SupportBars(levels.Select(l => (LevelName(l), summary.Support[l])).ToList()),
                E("ul", levels.Select(l => (Node?)E("li", Badge(l), $" {summary.Support[l]} — ", L.LevelMeaning(l))))).Attr("aria-labelledby", "support-heading"),
            E("section",
                E("h2", L.Articles),
                data.Articles.Count == 0
                    ? E("p", L.NoArticles).Class("muted")
                    : E("ul", data.Articles.Select(a => (Node?)E("li", ArticleLink(a.Id, 0),
                        $" — {L.Count(data.ClaimsOfArticle(a.Id).Count, Noun.Claim)}")))),
            E("section",
                E("h2", L.Claims).Id("claims-heading"),
                E("p", L.SortOrder).Class("muted"),
                Filters(),
                E("p", L.NoClaimsMatch).Id("no-match").Class("no-match").Attr("role", "status").Attr("hidden", null),
                E("div", ClaimsTable(ClaimOrder.WeakestFirst(data.Claims), 0)).Class("table-wrap")).Attr("aria-labelledby", "claims-heading"));
        WriteDocument(Page(data.Title, 0, body, script: true), writer);
    }

    private Element Filters()
    {
        var level = E("select", E("option", L.AnyLevel).Attr("value", "")).Id("filter-level");
        foreach (var l in Enum.GetValues<SupportLevel>().OrderBy(ClaimOrder.LevelRank).Where(l => l != SupportLevel.Draft || data.Report.Summary.Support[l] > 0))
        {
            level.Add(E("option", L.Level(l)).Attr("value", LevelName(l)));
        }
        var verdict = E("select", E("option", L.AnyVerdict).Attr("value", "")).Id("filter-verdict");
        foreach (var v in Enum.GetValues<Verdict>().OrderBy(v => ClaimOrder.VerdictRank(v)))
        {
            verdict.Add(E("option", L.Verdict(v)).Attr("value", Names.Of(v)));
            if (v == Model.Verdict.Unverifiable)
            {
                verdict.Add(E("option", L.NoVerdict).Attr("value", "none"));
            }
        }
        var tag = E("select", E("option", L.AnyTag).Attr("value", "")).Id("filter-tag");
        foreach (var t in data.Tags)
        {
            tag.Add(E("option", t).Attr("value", t));
        }
        return E("form",
            E("label", L.FilterText, E("input").Attr("type", "search").Id("filter-text").Attr("placeholder", L.FilterPlaceholder)),
            E("label", L.FilterLevel, level),
            E("label", L.VerdictHeading, verdict),
            E("label", L.FilterTag, tag),
            E("button", L.ClearFilters).Attr("type", "button").Id("filter-clear"),
            E("p", L.ShownBefore.Length > 0 ? L.ShownBefore : null, E("span").Id("filter-count"), L.ShownAfter).Attr("aria-live", "polite")).Id("filters").Class("filters").Attr("hidden", null);
    }

    /// <summary>
    /// The claims as a table that becomes a list of cards on narrow screens: each statement links to its claim, with
    /// the claim's excerpt beneath it; support, verdict and tags beside it, each labelled for the cards.
    /// </summary>
    private Element ClaimsTable(IEnumerable<ClaimStatus> claims, int depth)
    {
        // The rows are made one at a time as the table is written (the index has a row per claim).
        var rows = E("tbody", Each(claims, c =>
        {
            var claim = c.Claim;
            var search = string.Join(' ', [claim.Id, claim.Statement, claim.Excerpt ?? "", string.Join(' ', claim.Tags)]).ToLowerInvariant();
            return E("tr",
                    E("td",
                        E("p", ClaimLink(claim.Id, depth, DataText("span", claim.Statement))).Class("statement"),
                        string.IsNullOrWhiteSpace(claim.Excerpt) ? null : E("p", DataText("span", claim.Excerpt.Trim())).Class("excerpt")).Class("claim"),
                    E("td", Badge(c)).Attr("data-label", L.Support),
                    E("td", Verdict(claim.Verdict)).Attr("data-label", L.VerdictHeading),
                    E("td", string.Join(", ", claim.Tags)).Attr("data-label", L.Tags).Class(claim.Tags.Count == 0 ? "tags empty" : "tags"))
                .Attr("data-id", claim.Id)
                .Attr("data-level", LevelKey(c))
                .Attr("data-verdict", VerdictKey(claim.Verdict))
                .Attr("data-tags", string.Join(' ', claim.Tags))
                .Attr("data-text", search);
        }));
        return E("table",
            E("thead", E("tr", E("th", L.Claim).Attr("scope", "col"),
                E("th", L.Support).Attr("scope", "col"), E("th", L.VerdictHeading).Attr("scope", "col"), E("th", L.Tags).Attr("scope", "col"))),
            rows).Id("claims").Class("claims cards");
    }

    // ---------------------------------------------------------------- claim

    public string Claim(ClaimStatus status)
    {
        var claim = status.Claim;
        var body = E("article",
            VerdictBox(status),
            Notices(claim.Citations.Select(c => c.Source).Distinct(StringComparer.Ordinal), named: true),
            E("dl",
                Reviewed(claim),
                E("dt", L.Id), E("dd", E("code", claim.Id)),
                claim.Article is { } a ? All(E("dt", L.Article), E("dd", ArticleLink(a, 1))) : null,
                claim.Tags.Count > 0 ? All(E("dt", L.Tags), E("dd", string.Join(", ", claim.Tags))) : null).Class("facts"),
            claim.Excerpt is { } excerpt ? All(E("h2", L.InTheArticle), ExcerptInContext(claim, status.Support, excerpt)) : null,
            E("h2", L.Evidence),
            claim.Citations.Count == 0 ? E("p", L.NoCitations).Class("muted") : E("ol", claim.Citations.Select(Citation)),
            E("h2", L.Chain),
            Chain(claim),
            E("h2", L.Findings),
            Findings(data.FindingsOfClaim(claim.Id)));
        return Document(Page(claim.Id, 1, body, claim.Verdict is not null ? ClaimReview.JsonLd(data, claim) : null));
    }

    /// <summary>When and by whom the verdict was given, where recorded.</summary>
    private Node? Reviewed(Claim claim) =>
        claim.Reviewed is null && claim.Reviewer is null ? null
        : All(E("dt", L.Reviewed), E("dd",
            claim.Reviewed is { } date ? E("time", date).Attr("datetime", date) : null,
            claim.Reviewed is not null && claim.Reviewer is not null ? " · " : null,
            claim.Reviewer is { } reviewer ? InLang(E("span", reviewer), reviewer) : null));

    /// <summary>
    /// What a reader needs first: the claim, the reviewer's verdict, the support level the evidence shows, and the note
    /// as the reason — in a box bordered in the verdict's colour.
    /// </summary>
    private Element VerdictBox(ClaimStatus status)
    {
        var claim = status.Claim;
        return E("section",
            E("h1", DataText("span", claim.Statement)),
            E("dl",
                E("dt", L.VerdictHeading), E("dd", claim.Verdict is null ? E("span", L.NoVerdictRecorded).Class("muted") : Verdict(claim.Verdict)),
                E("dt", L.SupportLevelHeading), E("dd", Badge(status), " ", L.LevelMeaning(status.Support)),
                E("dt", L.Reason), E("dd", claim.Note is { } note && !string.IsNullOrWhiteSpace(note) ? DataText("p", note.Trim()) : E("p", L.NoReasonRecorded).Class("muted"))))
            .Class($"verdict-box verdict-{VerdictKey(claim.Verdict)}").Attr("aria-label", L.VerdictBoxLabel);
    }

    private Node ExcerptInContext(Claim claim, SupportLevel level, string excerpt)
    {
        var article = claim.Article is { } id && data.ArticleById.TryGetValue(id, out var a) ? a : null;
        var paragraph = article is null ? null : Context(article.Text, excerpt);
        // The highlight of the excerpt on the article page, where the article renders it.
        var see = article is not null && !string.IsNullOrEmpty(excerpt) && article.Document.ExcerptSourceSpans(excerpt).Count > 0
            ? E("p", E("a", L.SeeInArticle).Href($"../articles/{article.Id}.html#claim-{claim.Id}")).Class("see-in-article")
            : null;
        if (paragraph is null)
        {
            return All(E("blockquote", DataText("p", excerpt)), see);
        }
        var at = paragraph.IndexOf(excerpt, StringComparison.Ordinal);
        return All(E("blockquote",
            InLang(E("p", PlainMarkdown(paragraph[..at]), E("mark", excerpt).Class($"claim level-{LevelName(level)}"), PlainMarkdown(paragraph[(at + excerpt.Length)..])), paragraph),
            E("p", "— ", ArticleLink(article!.Id, 1)).Class("muted")), see);
    }

    /// <summary>Text of a Markdown paragraph without its emphasis markers and footnote markers, for quoting in context.</summary>
    private static string PlainMarkdown(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text.Replace("**", "", StringComparison.Ordinal), @"\[\^[^\]]*\]|(?<=^|\s|\p{IsCJKUnifiedIdeographs})_|_(?=$|\s|\p{IsCJKUnifiedIdeographs})|^>\s?",
            "", System.Text.RegularExpressions.RegexOptions.Multiline, TimeSpan.FromSeconds(1));

    /// <summary>The paragraph (block of text between blank lines) holding the excerpt.</summary>
    private static string? Context(string text, string excerpt)
    {
        var at = new Text.OrdinalSearch(excerpt).IndexOf(text);
        if (at < 0)
        {
            return null;
        }
        var start = text.LastIndexOf("\n\n", at, StringComparison.Ordinal);
        var end = text.IndexOf("\n\n", at + excerpt.Length, StringComparison.Ordinal);
        var para = text[(start < 0 ? 0 : start + 2)..(end < 0 ? text.Length : end)].Trim();
        return para.Length > 1200 ? null : para;
    }

    private Node? Citation(Citation c)
    {
        var source = data.SourceById.GetValueOrDefault(c.Source);
        return E("li",
            E("p", SourceLink(c.Source, 1), " — ", E("strong", L.Stance(c.Stance)),
                source?.Level is { } l ? $" · {L.SourceOfLevel(l)}" : $" · {L.LevelNotRecorded}",
                c.Locator is { } loc ? $" · {loc}" : null),
            source is null ? E("p", L.NoSuchSource(c.Source)).Class("finding-error") : InLang(E("p", Reference.Node(data, source)), source.Title),
            c.Quote is { } q ? E("blockquote", DataText("p", q.Trim()).Class("quote")) : null);
    }

    private Node Chain(Claim claim)
    {
        var chain = data.Chain(claim);
        if (chain.Cited.Count == 0)
        {
            return E("p", L.NoCitedSource).Class("muted");
        }
        return All(
            Charts.Chain(claim, chain, data.SourceById),
            E("p", chain.RestsOnPrimary
                    ? L.RestsOnPrimary
                    : L.NoPrimary + (chain.Leads.Count > 0 ? L.LeadsAreNotSupport : ""))
                .Class(chain.RestsOnPrimary ? null : "finding-warning"),
            E("ul",
                chain.Cited.Select(id => (Node?)E("li", L.Cited, SourceLink(id, 1, DataText("span", data.SourceById[id].Title)), LevelText(id)))
                .Concat(chain.Leads.Select(id => (Node?)E("li", L.Lead, SourceLink(id, 1, DataText("span", data.SourceById[id].Title)), LevelText(id),
                    L.ReportedOnBy(string.Join(", ", chain.Cited.Where(x => data.SourceById[x].ReportsOn.Contains(id)))))))));
    }

    private string LevelText(string id) => data.SourceById[id].Level is { } lv ? $" ({L.SourceLevel(lv)})" : $" ({L.LevelNotRecorded})";

    private Node Findings(IReadOnlyList<Finding> findings) => findings.Count == 0
        ? E("p", L.None).Class("muted")
        : E("ul", findings.Select(f => (Node?)E("li",
            InLang(E("span", Rules.SeverityName(f.Severity)), Rules.SeverityName(f.Severity)).Class($"badge finding-{Rules.SeverityName(f.Severity)}"), " ",
            E("code", f.Rule), ": ", English(f.Message), " ",
            E("span", $"({f.File}{(f.Line is int l ? $":{l}:{f.Column}" : "")})").Class("muted"))));

    // ---------------------------------------------------------------- notices

    /// <summary>A symbol beside a notice's kind and colour, so that no notice is told by colour alone.</summary>
    internal static string NoticeSymbol(Severity severity) => severity switch
    {
        Severity.Error => "\u2298",    // ⊘ retracted, withdrawn, removed
        Severity.Warning => "\u26A0",  // ⚠ expression of concern
        _ => "\u270E",                 // ✎ correction
    };

    /// <summary>
    /// The retraction, expression-of-concern and correction notices cached for the sources (see
    /// <see cref="CheckReport.Notices"/>): each its kind in words and a symbol, the notice's DOI linked to doi.org, its
    /// date and who recorded it; on a claim's page, <paramref name="named"/>, with the source it concerns. Null when none.
    /// </summary>
    private Element? Notices(IEnumerable<string> sourceIds, bool named)
    {
        var items = new List<Node?>();
        foreach (var id in sourceIds)
        {
            if (data.Report.Notices.TryGetValue(id, out var notices))
            {
                items.AddRange(notices.Select(n => (Node?)Notice(id, n, named)));
            }
        }
        return items.Count == 0 ? null : E("section", E("ul", items)).Class("notices").Attr("aria-label", L.NoticesLabel);
    }

    private Element Notice(string sourceId, Lookup.UpdateNotice notice, bool named)
    {
        var severity = RetractionRule.SeverityOf(notice.Kind);
        return E("li",
            E("strong", E("span", NoticeSymbol(severity)).Class("symbol").Attr("aria-hidden", "true"), " ", L.NoticeKind(notice.Kind)),
            named ? All(" \u2014 ", L.NoticeOfSource, " ", SourceLink(sourceId, 1, DataText("span", data.SourceById.TryGetValue(sourceId, out var s) ? s.Title : sourceId))) : null,
            notice.Doi is { } doi ? All(" \u00B7 ", L.NoticeDoi, " ", Link("https://doi.org/" + doi, doi)) : null,
            notice.Date is { } date ? All(" \u00B7 ", date) : null,
            " \u00B7 ", L.RecordedBy(notice.RecordedBy ?? "publisher"))
            .Class($"notice notice-{Rules.SeverityName(severity)}");
    }

    // ---------------------------------------------------------------- source

    public string Source(Source s)
    {
        var citing = data.ClaimsCiting(s.Id);
        var reportedBy = data.ReportedOnBy.TryGetValue(s.Id, out var r) ? r : [];
        var body = E("article",
            E("h1", DataText("span", s.Title)),
            Notices([s.Id], named: false),
            InLang(E("p", Reference.Node(data, s)), s.Title),
            E("dl",
                E("dt", L.LevelHeading), E("dd", s.Level is { } l ? L.SourceLevel(l) : L.NotRecordedNotPrimary),
                E("dt", L.Type), E("dd", Names.Of(s.Type)),
                E("dt", L.Id), E("dd", E("code", s.Id)),
                s.Url is { } url ? All(E("dt", L.Url), E("dd", Link(SafeUrl.IsExternalHttp(url) ? url : null, url))) : null,
                s.Doi is { } doi ? All(E("dt", "DOI"), E("dd", Link("https://doi.org/" + doi, doi))) : null,
                s.Pmid is { } pmid ? All(E("dt", "PubMed"), E("dd", Link(PubMedUrl(pmid), pmid))) : null,
                s.Snapshot is { } snap ? All(E("dt", L.Snapshot), E("dd", snap, s.Archived is { } ar ? L.Archived(ar) : null)) : null),
            s.ReportsOn.Count > 0 ? All(E("h2", L.ReportsOn), E("ul", s.ReportsOn.Select(t => (Node?)E("li", SourceLink(t, 1, data.SourceById.TryGetValue(t, out var ts) ? DataText("span", ts.Title) : t))))) : null,
            reportedBy.Count > 0 ? All(E("h2", L.ReportedOnByHeading), E("ul", reportedBy.Select(b => (Node?)E("li", SourceLink(b.Id, 1, DataText("span", b.Title)))))) : null,
            E("h2", L.ClaimsCiting(citing.Count)),
            citing.Count == 0 ? E("p", L.NoClaimCites).Class("muted") : E("div", ClaimsTable(ClaimOrder.WeakestFirst(citing), 1)).Class("table-wrap"),
            E("h2", L.Findings),
            Findings(data.FindingsOfSource(s.Id)));
        return Document(Page(s.Id, 1, body));
    }

    /// <summary>The PubMed page of a PubMed id: digits only, else null (no link).</summary>
    internal static string? PubMedUrl(string pmid) =>
        pmid.Length is > 0 and <= 12 && pmid.All(char.IsAsciiDigit) ? $"https://pubmed.ncbi.nlm.nih.gov/{pmid}/" : null;

    /// <summary>The sources, most cited first (then by id).</summary>
    internal static IReadOnlyList<Source> MostCitedFirst(SiteData data) =>
        data.Sources.OrderByDescending(s => data.ClaimsCiting(s.Id).Count).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();

    // ---------------------------------------------------------------- sources

    /// <summary>
    /// Every source with its publisher, date, level, the claims citing it (how many, and which: a disclosure list) and
    /// its identifiers as links, most cited first: a reader sees at once which sources the map rests on.
    /// </summary>
    public void SourcesPage(TextWriter writer)
    {
        var sources = MostCitedFirst(data);
        // A row per source, made as the table is written.
        var rows = E("tbody", Each(sources, s =>
        {
            var citing = ClaimOrder.WeakestFirst(data.ClaimsCiting(s.Id));
            return E("tr",
                E("td", E("p", SourceLink(s.Id, 0, DataText("span", s.Title))).Class("statement"),
                    E("p", E("code", s.Id)).Class("excerpt")).Class("claim"),
                E("td", s.Publisher is { } p ? DataText("span", p) : E("span", "—").Class("muted")).Attr("data-label", L.PublisherColumn),
                E("td", s.Date ?? "—").Attr("data-label", L.DateColumn),
                E("td", s.Level is { } lv ? E("span", L.SourceLevel(lv)).Class($"badge source-{Names.Of(lv)}") : E("span", L.LevelNotRecorded).Class("muted")).Attr("data-label", L.LevelHeading),
                E("td", citing.Count == 0
                    ? E("span", L.NotCited).Class("muted")
                    : E("details", E("summary", L.Count(citing.Count, Noun.Claim)),
                        E("ul", citing.Select(c => (Node?)E("li", ClaimLink(c.Claim.Id, 0, DataText("span", c.Claim.Statement)), " ", Badge(c), " ", Verdict(c.Claim.Verdict)))))).Attr("data-label", L.CitedByColumn).Attr("data-count", citing.Count.ToString(CultureInfo.InvariantCulture)),
                E("td", Identifiers(s)).Attr("data-label", L.LinksColumn)).Attr("data-id", s.Id);
        }));
        var body = All(
            E("h1", L.NavSources),
            E("p", L.SourcesIntro, MostCitedSentence(data, sources) is { } most ? " " + most : null),
            sources.Count == 0
                ? E("p", L.NoSources).Class("muted")
                : E("div", E("table",
                    E("thead", E("tr", E("th", L.Source).Attr("scope", "col"), E("th", L.PublisherColumn).Attr("scope", "col"), E("th", L.DateColumn).Attr("scope", "col"),
                        E("th", L.LevelHeading).Attr("scope", "col"), E("th", L.CitedByColumn).Attr("scope", "col"), E("th", L.LinksColumn).Attr("scope", "col"))),
                    rows).Id("sources").Class("sources cards")).Class("table-wrap"));
        WriteDocument(Page(L.NavSources, 0, body), writer);
    }

    /// <summary>A source's PubMed id, DOI and URL as links (a URL only when it is http(s)).</summary>
    private Node Identifiers(Source s)
    {
        var items = new List<Node?>();
        if (s.Pmid is { } pmid)
        {
            items.Add(E("li", "PubMed ", Link(PubMedUrl(pmid), pmid)));
        }
        if (s.Doi is { } doi)
        {
            items.Add(E("li", "DOI ", Link("https://doi.org/" + doi, doi)));
        }
        if (ShownUrl(s) is { } url)
        {
            items.Add(E("li", SafeUrl.IsExternalHttp(url) ? E("a", UrlText(url)).Href(url) : E("span", url).Class("muted")));
        }
        return items.Count == 0 ? E("span", "—").Class("muted") : E("ul", items).Class("identifiers");
    }

    /// <summary>The source's URL unless it is only its DOI's address, which the DOI link already gives.</summary>
    internal static string? ShownUrl(Source s) =>
        s.Url is { } url && !(s.Doi is { } doi && string.Equals(url.TrimEnd('/'), "https://doi.org/" + doi, StringComparison.OrdinalIgnoreCase)) ? url : null;

    /// <summary>"25 of 35 claims cite …": the source the most claims rest on, or null when no source is cited.</summary>
    internal static string? MostCitedSentence(SiteData data, IReadOnlyList<Source> mostCitedFirst)
    {
        var top = mostCitedFirst.Count > 0 && data.ClaimsCiting(mostCitedFirst[0].Id).Count > 0 ? mostCitedFirst[0] : null;
        return top is null ? null : data.Labels.RestOnOne(data.ClaimsCiting(top.Id).Count, data.Claims.Count, top.Title);
    }

    /// <summary>A URL shown short: its host and the start of its path.</summary>
    internal static string UrlText(string url)
    {
        var uri = new Uri(url);
        var path = uri.AbsolutePath.Length > 1 ? uri.AbsolutePath : "";
        var text = uri.Host + path;
        return text.Length > 40 ? text[..39] + "…" : text;
    }

    // ---------------------------------------------------------------- article

    public string Article(Model.Article article, IReadOnlyList<(int Start, int End, string What)> uncited)
    {
        var claims = data.ClaimsOfArticle(article.Id);
        var highlights = claims.Where(c => !string.IsNullOrEmpty(c.Claim.Excerpt))
            .Select(c => new Highlight(article.Document.ExcerptSourceSpans(c.Claim.Excerpt!), $"claim {Tone(c.Support, c.Claim.Verdict)}",
                L.HighlightLabel(c.Support, c.Claim.Verdict), $"../claims/{c.Claim.Id}.html", L.HighlightDescription(c.Claim.Id, c.Support, c.Claim.Verdict))
            { Id = $"claim-{c.Claim.Id}" })
            .Concat(uncited.Select((u, i) => new Highlight([(u.Start, u.End)], "uncited", L.Uncited, $"#uncited-{i + 1}-why", L.UncitedReason + u.What, FillsGaps: true)
            { Id = $"uncited-{i + 1}", LinksText = false }))
            .ToList();
        var title = data.ArticleTitles[article.Id];
        var html = ArticleRenderer.Render(article.Text, highlights, title,
            article.Document.Definitions.Select(d => (d.Label, d.Content)).ToList(), new ArticleWords(L.UnusedFootnotes, L.UnusedFootnote));
        var legend = E("div", Enum.GetValues<SupportLevel>().Reverse().Where(l => l != SupportLevel.Draft || claims.Any(c => c.Support == l)).Select(l => (Node?)E("span",
                E("mark", L.Level(l)).Class($"claim level-{LevelName(l)}")))
                .Concat(Enum.GetValues<Verdict>().Where(v => v is not Model.Verdict.Supported).Select(v => (Node?)E("span",
                    E("mark", L.Verdict(v)).Class($"claim verdict-{Names.Of(v)}"))))
                .Append(E("span", E("mark", L.UncitedSentence, E("span", L.Uncited).Class("label")).Class("uncited"))))
            .Class("legend").Attr("role", "note").Attr("aria-label", L.Legend);
        var articleLang = data.ArticleLangs.GetValueOrDefault(article.Id, data.Lang);
        var body = All(
            E("h1", DataText("span", title)),
            E("p", L.ArticleIntro(claims.Count)),
            legend,
            E("article", Raw.FromSafeRenderer(html)).Attr("lang", articleLang),
            uncited.Count == 0 ? null : E("section",
                E("h2", L.UncitedSentences).Id("uncited-heading"),
                E("ol", uncited.Select((u, i) => (Node?)E("li",
                    E("a", DataText("span", PlainMarkdown(article.Text[u.Start..u.End]).Trim())).Href($"#uncited-{i + 1}"), " — ",
                    L.UncitedReason, English(u.What)).Id($"uncited-{i + 1}-why")))).Attr("aria-labelledby", "uncited-heading").Class("uncited-list"),
            E("h2", L.TrackedClaims),
            claims.Count == 0 ? E("p", L.None).Class("muted") : E("div", ClaimsTable(claims, 1)).Class("table-wrap"));
        return Document(Page(title, 1, body));
    }

    /// <summary>
    /// The CSS class of a highlight: the worse of the support level and the verdict, on one scale (contradicted,
    /// unsupported, unverifiable, partly-supported or cited, quoted, supported or verified); on a tie, the verdict.
    /// </summary>
    internal static string Tone(SupportLevel level, Verdict? verdict)
    {
        var levelRank = level switch
        {
            SupportLevel.Contradicted => 0,
            SupportLevel.Unsupported => 1,
            SupportLevel.Cited => 3,
            SupportLevel.Quoted => 4,
            _ => 5,
        };
        if (verdict is not { } v)
        {
            return $"level-{LevelName(level)}";
        }
        var verdictRank = v switch
        {
            Model.Verdict.Contradicted => 0,
            Model.Verdict.Unsupported => 1,
            Model.Verdict.Unverifiable => 2,
            Model.Verdict.PartlySupported => 3,
            _ => 5,
        };
        return verdictRank <= levelRank ? $"verdict-{Names.Of(v)}" : $"level-{LevelName(level)}";
    }

    // ---------------------------------------------------------------- matrix

    public const int MaxMatrixCells = 200_000;

    public void Matrix(TextWriter writer)
    {
        var sources = data.Sources.Where(s => data.CitedBy.ContainsKey(s.Id)).ToList();
        var claims = data.Claims.Where(c => c.Claim.Citations.Count > 0).ToList();
        Node table;
        if ((long)sources.Count * claims.Count <= MaxMatrixCells)
        {
            var head = E("tr", E("th", L.Claim).Attr("scope", "col").Class("claim"));
            foreach (var s in sources)
            {
                head.Add(E("th", SourceLink(s.Id, 0)).Attr("scope", "col"));
            }
            // A row per claim, made as the table is written.
            var rows = E("tbody", Each(claims, c =>
            {
                var row = E("tr", E("th", ClaimLink(c.Claim.Id, 0), " ", Badge(c.Support)).Attr("scope", "row").Class("claim"));
                foreach (var s in sources)
                {
                    var cites = c.Claim.Citations.Where(x => x.Source == s.Id).ToList();
                    row.Add(E("td", cites.Count == 0 ? null : string.Join("; ", cites.Select(L.CellText))));
                }
                return row;
            }));
            table = E("div", E("table", E("thead", head), rows).Class("matrix")).Class("table-wrap");
        }
        else
        {
            // A row per citation, made as the table is written.
            var rows = E("tbody", Each(claims.SelectMany(c => c.Claim.Citations.Select(x => (c, x))), cx =>
                E("tr", E("td", ClaimLink(cx.c.Claim.Id, 0)), E("td", SourceLink(cx.x.Source, 0)), E("td", L.CellText(cx.x)))));
            table = All(
                E("p", L.MatrixTooLarge(claims.Count, sources.Count)).Class("muted"),
                E("div", E("table", E("thead", E("tr", E("th", L.Claim), E("th", L.Source), E("th", L.Citation))), rows)).Class("table-wrap"));
        }
        var body = All(
            E("h1", L.MatrixTitle),
            E("p", L.MatrixIntro),
            table);
        WriteDocument(Page(L.MatrixTitle, 0, body), writer);
    }
}

