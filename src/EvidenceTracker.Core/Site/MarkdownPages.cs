using System.Text;
using EvidenceTracker.Checking;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Model;

namespace EvidenceTracker.Site;

/// <summary>
/// The Markdown pages, for reading on GitHub: tables and relative links to the other .md pages. Values are
/// escaped so that no data becomes markup; only http(s) URLs become links.
/// </summary>
internal sealed class MarkdownPages(SiteData data)
{
    /// <summary>
    /// Escapes Markdown syntax and HTML in inline text; line breaks become spaces. An http(s) URL in the text becomes an
    /// autolink (<c>&lt;https://…&gt;</c>), never backslash-escaped: escapes inside a bare URL cut GitHub's link short.
    /// </summary>
    public static string Esc(string text) => Esc(text, autolinks: true);

    private static string Esc(string text, bool autolinks)
    {
        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length;)
        {
            if (autolinks && UrlEnd(text, i) is int end)
            {
                sb.Append('<').Append(text[i..end].Replace("|", "%7C", StringComparison.Ordinal)).Append('>');
                i = end;
                continue;
            }
            var ch = text[i++];
            switch (ch)
            {
                case '\\' or '`' or '*' or '_' or '[' or ']' or '(' or ')' or '#' or '|' or '!' or '~' or '{' or '}':
                    sb.Append('\\').Append(ch);
                    break;
                case '-' or '+' or '=' when sb.Length == 0:
                    // A list item or a heading underline only at the start of a line.
                    sb.Append('\\').Append(ch);
                    break;
                case '.' or ')' when sb.Length > 0 && sb.Length <= 9 && sb.ToString().All(char.IsAsciiDigit):
                    sb.Append('\\').Append(ch); // "1." would start an ordered list
                    break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '\r': break;
                case '\n' or '\t': sb.Append(' '); break;
                case var c when char.IsControl(c): break; // ESC, BEL, NUL…: left out, as the HTML pages leave them out
                default: sb.Append(ch); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>The longest URL made an autolink (browsers and servers refuse longer ones; <see cref="Uri"/> stops at 65,519).</summary>
    internal const int MaxAutolinkLength = 2_048;

    /// <summary>The end of an http(s) URL starting at <paramref name="i"/>, trailing punctuation left out; null when none starts there.</summary>
    private static int? UrlEnd(string text, int i)
    {
        if (!(text.AsSpan(i).StartsWith("https://", StringComparison.OrdinalIgnoreCase) || text.AsSpan(i).StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            || (i > 0 && char.IsLetterOrDigit(text[i - 1])))
        {
            return null;
        }
        var end = i;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && !char.IsControl(text[end]) && text[end] is not ('<' or '>' or '"' or '`'))
        {
            if (++end - i > MaxAutolinkLength)
            {
                return null; // each http:// in a long run of text without a space would scan the rest of it again
            }
        }
        var opened = text.AsSpan(i, end - i).Count('(');
        var closed = text.AsSpan(i, end - i).Count(')');
        while (end > i && (text[end - 1] is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or ']' or '}' or '*' or '_' or '~'
            || (text[end - 1] == ')' && opened < closed)))
        {
            closed -= text[end - 1] == ')' ? 1 : 0;
            end--;
        }
        var scheme = text[i + 4] is 's' or 'S' ? 8 : 7;
        return end - i > scheme && SafeUrl.IsExternalHttp(text[i..end]) ? end : null;
    }

    /// <summary>A link destination with the characters that would end or break it percent-encoded.</summary>
    private static string Target(string url)
    {
        var sb = new StringBuilder(url.Length);
        foreach (var ch in url)
        {
            if (ch is ' ' or '(' or ')' or '<' or '>' or '"' or '\\' or '`' or '|' or '[' or ']' or '\'' || char.IsControl(ch))
            {
                sb.Append('%').Append(((int)ch).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(ch);
            }
        }
        return sb.ToString();
    }

    private static string Link(string text, string target) => $"[{Esc(text, autolinks: false)}]({Target(target)})";

    /// <summary>An http(s) URL as an autolink when the text is the URL itself, a link when it is not; other URLs as text.</summary>
    private static string External(string? url, string text) =>
        !SafeUrl.IsExternalHttp(url) ? Esc(text, autolinks: false)
        : url == text && UrlEnd(url, 0) == url.Length ? $"<{url!.Replace("|", "%7C", StringComparison.Ordinal)}>"
        : Link(text, url!);

    /// <summary>The words of the pages, in the site's language.</summary>
    private SiteLabels L => data.Labels;

    private string Level(SupportLevel l) => $"`{L.Level(l)}`";

    /// <summary>A verdict with its symbol (never told by a colour, which Markdown has not), or "no verdict".</summary>
    private string Verdict(Verdict? v) => v is { } x ? $"{HtmlPages.VerdictSymbol(x)} {L.Verdict(x)}" : "—";

    private string Support(ClaimStatus c) => Level(c.Support);

    private static string Up(int depth) => string.Concat(Enumerable.Repeat("../", depth));

    private string ClaimRow(ClaimStatus c, int depth) =>
        $"| {Link(c.Claim.Statement, $"{Up(depth)}claims/{c.Claim.Id}.md")} | {Support(c)} | {Verdict(c.Claim.Verdict)} |";

    private string ClaimTableHead => $"| {L.Claim} | {L.Support} | {L.VerdictHeading} |\n|---|---|---|";

    public void Index(TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        var s = data.Report.Summary;
        w.Write("# ");
        w.Write(Esc(data.Title));
        w.Write("\n\n");
        w.Write($"{L.Count(s.Claims, Noun.Claim)}, {L.Count(s.Sources, Noun.Source)}, {L.Count(s.Articles, Noun.Article)}. {L.Check}{L.Count(s.Errors, Noun.Error)}, {L.Count(s.Warnings, Noun.Warning)}, {L.Count(s.Notes, Noun.Note)}.\n\n");
        w.Write($"## {L.Support}\n\n| {L.FilterLevel} | {L.Claims} |\n|---|---:|\n");
        foreach (var l in Enum.GetValues<SupportLevel>().Reverse().Where(l => l != SupportLevel.Draft || s.Support[l] > 0))
        {
            w.Write($"| {Level(l)} | {s.Support[l]} |\n");
        }
        w.Write($"\n## {L.Articles}\n\n");
        foreach (var a in data.Articles)
        {
            w.Write($"- {Link(data.ArticleTitles[a.Id], $"articles/{a.Id}.md")} — {L.Count(data.ClaimsOfArticle(a.Id).Count, Noun.Claim)}\n");
        }
        if (data.Articles.Count == 0)
        {
            w.Write(L.NoArticles);
            w.Write('\n');
        }
        w.Write($"\n## {L.Claims}\n\n");
        w.Write(Esc(L.SortOrder));
        w.Write("\n\n");
        w.Write(ClaimTableHead);
        w.Write('\n');
        foreach (var c in ClaimOrder.WeakestFirst(data.Claims))
        {
            w.Write(ClaimRow(c, 0));
            w.Write('\n');
        }
        w.Write($"\n{Link(L.NavSources, "sources.md")} · {Link(L.MatrixTitle, "matrix.md")} · {Link("evidence.json", "evidence.json")}\n");
    }

    public string Claim(ClaimStatus status)
    {
        var c = status.Claim;
        var sb = new StringBuilder();
        sb.Append("# ").Append(Esc(c.Statement)).Append("\n\n");
        sb.Append($"> **{L.VerdictHeading}:** {(c.Verdict is null ? L.NoVerdictRecorded : Verdict(c.Verdict))}  \n");
        sb.Append($"> **{L.SupportLevelHeading}:** {Support(status)}  \n");
        sb.Append($"> **{L.Reason}:** {(c.Note is { } reason && !string.IsNullOrWhiteSpace(reason) ? Esc(reason.Trim()) : L.NoReasonRecorded)}\n\n");
        sb.Append(Notices(c.Citations.Select(x => x.Source).Distinct(StringComparer.Ordinal), named: true));
        if (c.Reviewed is not null || c.Reviewer is not null)
        {
            sb.Append($"- {L.Reviewed}: ").Append(string.Join(" · ", new[] { c.Reviewed, c.Reviewer }.OfType<string>().Select(Esc))).Append('\n');
        }
        sb.Append($"- {L.Id}: `{c.Id}`\n");
        if (c.Article is { } a)
        {
            sb.Append($"- {L.Article}: ").Append(data.ArticleById.ContainsKey(a) ? Link(data.ArticleTitles[a], $"../articles/{a}.md") : Esc(a)).Append('\n');
        }
        if (c.Tags.Count > 0)
        {
            sb.Append($"- {L.Tags}: ").Append(Esc(string.Join(", ", c.Tags))).Append('\n');
        }
        if (c.Excerpt is { } excerpt)
        {
            sb.Append($"\n## {L.InTheArticle}\n\n> ").Append(Esc(excerpt)).Append('\n');
        }
        sb.Append($"\n## {L.Evidence}\n\n");
        if (c.Citations.Count == 0)
        {
            sb.Append(L.NoCitations).Append('\n');
        }
        var n = 1;
        foreach (var x in c.Citations)
        {
            var source = data.SourceById.GetValueOrDefault(x.Source);
            sb.Append($"{n++}. ").Append(source is null ? Esc(x.Source) : Link(x.Source, $"../sources/{x.Source}.md"))
                .Append($" — **{L.Stance(x.Stance)}**")
                .Append(source?.Level is { } lv ? $" · {L.SourceOfLevel(lv)}" : $" · {L.LevelNotRecorded}")
                .Append(x.Locator is { } loc ? $" · {Esc(loc)}" : "").Append('\n');
            sb.Append("   ").Append(source is null ? Esc(L.NoSuchSource(x.Source)) : Esc(Reference.Text(data, source))).Append('\n');
            if (x.Quote is { } q)
            {
                sb.Append("   > ").Append(Esc(q.Trim())).Append('\n');
            }
        }
        sb.Append($"\n## {L.Chain}\n\n");
        var chain = data.Chain(c);
        if (chain.Cited.Count == 0)
        {
            sb.Append(L.NoCitedSource).Append('\n');
        }
        foreach (var id in chain.Cited)
        {
            var s = data.SourceById[id];
            sb.Append("- ").Append(L.Cited).Append(Link(s.Title, $"../sources/{id}.md")).Append(s.Level is { } l ? $" ({L.SourceLevel(l)})" : $" ({L.LevelNotRecorded})").Append('\n');
        }
        foreach (var id in chain.Leads)
        {
            var s = data.SourceById[id];
            sb.Append("- ").Append(L.Lead).Append(Link(s.Title, $"../sources/{id}.md")).Append(s.Level is { } l ? $" ({L.SourceLevel(l)})" : $" ({L.LevelNotRecorded})")
                .Append(Esc(L.ReportedOnBy(string.Join(", ", chain.Cited.Where(x => data.SourceById[x].ReportsOn.Contains(id)))))).Append('\n');
        }
        if (chain.Cited.Count > 0)
        {
            // A space after the bold: ** before a Chinese character would not close (CommonMark's flanking rules).
            sb.Append('\n').Append(chain.RestsOnPrimary
                ? L.RestsOnPrimary
                : $"**{L.NoPrimary}**" + (chain.Leads.Count > 0 ? " " + L.LeadsAreNotSupport.TrimStart() : "")).Append('\n');
        }
        sb.Append($"\n## {L.Findings}\n\n").Append(Findings(data.FindingsOfClaim(c.Id)));
        return sb.ToString();
    }

    private string Findings(IReadOnlyList<Finding> findings)
    {
        if (findings.Count == 0)
        {
            return L.None + "\n";
        }
        var sb = new StringBuilder();
        foreach (var f in findings)
        {
            sb.Append($"- **{Rules.SeverityName(f.Severity)}** `{f.Rule}`: {Esc(f.Message)} ({Esc(f.File ?? "")}{(f.Line is int l ? $":{l}:{f.Column}" : "")})\n");
        }
        return sb.ToString();
    }

    /// <summary>The cached notices of the sources, one line each (a paragraph of lines), as on the HTML pages; empty when none.</summary>
    private string Notices(IEnumerable<string> sourceIds, bool named)
    {
        var lines = new List<string>();
        foreach (var id in sourceIds)
        {
            if (!data.Report.Notices.TryGetValue(id, out var notices))
            {
                continue;
            }
            foreach (var n in notices)
            {
                var line = new StringBuilder();
                line.Append($"**{HtmlPages.NoticeSymbol(RetractionRule.SeverityOf(n.Kind))} {L.NoticeKind(n.Kind)}**");
                if (named)
                {
                    line.Append($" \u2014 {L.NoticeOfSource} ").Append(data.SourceById.TryGetValue(id, out var s) ? Link(s.Title, $"../sources/{id}.md") : Esc(id));
                }
                if (n.Doi is { } doi)
                {
                    line.Append($" \u00B7 {L.NoticeDoi} ").Append(External("https://doi.org/" + doi, doi));
                }
                if (n.Date is { } date)
                {
                    line.Append(" \u00B7 ").Append(Esc(date));
                }
                line.Append(" \u00B7 ").Append(Esc(L.RecordedBy(n.RecordedBy ?? "publisher")));
                lines.Add(line.ToString());
            }
        }
        return lines.Count == 0 ? "" : string.Join("  \n", lines) + "\n\n";
    }

    public string Source(Source s)
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(Esc(s.Title)).Append("\n\n").Append(Notices([s.Id], named: false)).Append(Esc(Reference.Text(data, s))).Append("\n\n");
        sb.Append($"- {L.LevelHeading}: {(s.Level is { } l ? L.SourceLevel(l) : L.NotRecordedNotPrimary)}\n- {L.Type}: {Esc(Names.Of(s.Type))}\n- {L.Id}: `{s.Id}`\n");
        if (s.Url is { } url)
        {
            sb.Append($"- {L.Url}: ").Append(External(url, url)).Append('\n');
        }
        if (s.Doi is { } doi)
        {
            sb.Append("- DOI: ").Append(External("https://doi.org/" + doi, doi)).Append('\n');
        }
        if (s.ReportsOn.Count > 0)
        {
            sb.Append($"\n## {L.ReportsOn}\n\n");
            foreach (var t in s.ReportsOn)
            {
                sb.Append("- ").Append(data.SourceById.TryGetValue(t, out var ts) ? Link(ts.Title, $"{t}.md") : Esc(t)).Append('\n');
            }
        }
        var citing = data.ClaimsCiting(s.Id);
        sb.Append($"\n## {L.ClaimsCiting(citing.Count)}\n\n");
        if (citing.Count == 0)
        {
            sb.Append(L.NoClaimCites).Append('\n');
        }
        else
        {
            sb.Append(ClaimTableHead).Append('\n');
            foreach (var c in ClaimOrder.WeakestFirst(citing))
            {
                sb.Append(ClaimRow(c, 1)).Append('\n');
            }
        }
        sb.Append($"\n## {L.Findings}\n\n").Append(Findings(data.FindingsOfSource(s.Id)));
        return sb.ToString();
    }

    /// <summary>Every source, most cited first: publisher, date, level, how many claims cite it (linked to its page, which lists them), its links.</summary>
    public void SourcesPage(TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        var sources = HtmlPages.MostCitedFirst(data);
        w.Write("# ");
        w.Write(L.NavSources);
        w.Write("\n\n");
        w.Write(Esc(L.SourcesIntro));
        if (HtmlPages.MostCitedSentence(data, sources) is { } most)
        {
            w.Write(' ');
            w.Write(Esc(most));
        }
        w.Write("\n\n");
        w.Write($"| {L.Source} | {L.PublisherColumn} | {L.DateColumn} | {L.LevelHeading} | {L.CitedByColumn} | {L.LinksColumn} |\n|---|---|---|---|---:|---|\n");
        foreach (var s in sources)
        {
            var count = data.ClaimsCiting(s.Id).Count;
            var links = new List<string>();
            if (s.Pmid is { } pmid)
            {
                links.Add("PubMed " + External(HtmlPages.PubMedUrl(pmid), pmid));
            }
            if (s.Doi is { } doi)
            {
                links.Add("DOI " + External("https://doi.org/" + doi, doi));
            }
            if (HtmlPages.ShownUrl(s) is { } url)
            {
                links.Add(SafeUrl.IsExternalHttp(url) ? External(url, HtmlPages.UrlText(url)) : Esc(url, autolinks: false));
            }
            w.Write($"| {Link(s.Title, $"sources/{s.Id}.md")} | {(s.Publisher is { } p ? Esc(p) : "—")} | {Esc(s.Date ?? "—")} | {(s.Level is { } l ? L.SourceLevel(l) : L.LevelNotRecorded)} | ");
            w.Write(count == 0 ? L.NotCited : Link(L.Count(count, Noun.Claim), $"sources/{s.Id}.md"));
            w.Write(" | ");
            w.Write(links.Count == 0 ? "—" : string.Join(" · ", links));
            w.Write(" |\n");
        }
    }

    /// <summary>
    /// The article as Markdown with each tracked excerpt linked to its claim and labelled with its level, at the place the
    /// article parser found it. Raw HTML shows as text (&lt; escaped outside code); links and images to anything but
    /// http(s) (and the article's own fragments) become their text; the article's footnotes stay as they are.
    /// </summary>
    public string Article(Model.Article article)
    {
        var claims = data.ClaimsOfArticle(article.Id);
        var sb = new StringBuilder();
        sb.Append("# ").Append(Esc(data.ArticleTitles[article.Id])).Append("\n\n");
        sb.Append(L.TwinIntro(claims.Count)).Append("\n\n---\n\n");
        sb.Append(MarkdownTwin.Body(article, claims.Select(c => (c.Claim.Excerpt, c.Claim.Id, L.HighlightLabel(c.Support, c.Claim.Verdict))).ToList()).Trim())
            .Append($"\n\n---\n\n## {L.TrackedClaims}\n\n");
        if (claims.Count == 0)
        {
            sb.Append(L.None).Append('\n');
        }
        else
        {
            sb.Append(ClaimTableHead).Append('\n');
            foreach (var c in claims)
            {
                sb.Append(ClaimRow(c, 1)).Append('\n');
            }
        }
        return sb.ToString();
    }

    public static string StripFrontMatter(string text)
    {
        var t = text.TrimStart('\uFEFF');
        if (t.StartsWith("---", StringComparison.Ordinal) || t.StartsWith("+++", StringComparison.Ordinal))
        {
            var end = t.IndexOf(t[..3] == "+++" ? "\n+++" : "\n---", 3, StringComparison.Ordinal);
            if (end >= 0)
            {
                var next = t.IndexOf('\n', end + 4);
                return next < 0 ? "" : t[(next + 1)..];
            }
        }
        return t;
    }

    public void Matrix(TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.Write($"# {L.MatrixTitle}\n\n{L.MatrixRows}\n\n| {L.Claim} | {L.Source} | {L.Citation} |\n|---|---|---|\n");
        foreach (var c in data.Claims)
        {
            foreach (var x in c.Claim.Citations)
            {
                w.Write($"| {Link(c.Claim.Id, $"claims/{c.Claim.Id}.md")} | {(data.SourceById.ContainsKey(x.Source) ? Link(x.Source, $"sources/{x.Source}.md") : Esc(x.Source))} | {L.CellText(x)} |\n");
            }
        }
    }
}
