using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using EvidenceTracker.Checking;
using EvidenceTracker.Model;
using EvidenceTracker.Reporting;

namespace EvidenceTracker.Site;

/// <summary>
/// Builds the evidence map in memory: path (relative, '/' separators) → bytes. Identical input gives
/// identical bytes: everything is sorted, and nothing depends on the clock or the machine.
/// </summary>
public static class SiteBuilder
{
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>The sentences that uncited-sentence reports, marked on the article page with what they state.</summary>
    private static IReadOnlyList<Highlight> UncitedSentences(CheckReport report, Model.Article article) =>
        ArticleRules.UncitedSentences(article, report.Set.Config)
            .Select(u => new Highlight([(u.Start, u.End)], "uncited", "uncited", null, $"No citation in scope; states {u.What}", FillsGaps: true))
            .ToList();

    public static IReadOnlyDictionary<string, byte[]> Build(CheckReport report)
    {
        var files = new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
        Build(report, (path, bytes) => files[path] = bytes);
        return new SortedDictionary<string, byte[]>(files, StringComparer.Ordinal);
    }

    /// <summary>
    /// Hands each page to <paramref name="sink"/> as soon as it is rendered, from several threads at once, so
    /// that a writer can compare or write it and let it go: the pages of a large site are never all in memory.
    /// </summary>
    public static void Build(CheckReport report, Action<string, byte[]> sink)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(sink);
        var data = new SiteData(report);
        var html = new HtmlPages(data);
        var md = new MarkdownPages(data);
        void Put(string path, string text) => sink(path, Utf8.GetBytes(text));

        // Every page is independent: one parallel loop over all of them, the few large pages (index, matrix,
        // JSON, articles) first so that none is left running alone at the end.
        var pages = new List<Action>
        {
            () => Put("index.html", html.Index()),
            () => Put("evidence.json", EvidenceJson(data)),
            () => Put("matrix.html", html.Matrix()),
            () => Put("README.md", md.Index()),
            () => Put("matrix.md", md.Matrix()),
            () => Put("sources.html", html.SourcesPage()),
            () => Put("sources.md", md.SourcesPage()),
            () => Put("assets/style.css", SiteAssets.Css),
            () => Put("assets/filter.js", SiteAssets.FilterJs),
        };
        foreach (var a in data.Articles)
        {
            pages.Add(() => Put($"articles/{a.Id}.html", html.Article(a, UncitedSentences(report, a))));
            pages.Add(() => Put($"articles/{a.Id}.md", md.Article(a)));
        }
        foreach (var c in data.Claims)
        {
            pages.Add(() =>
            {
                Put($"claims/{c.Claim.Id}.html", html.Claim(c));
                Put($"claims/{c.Claim.Id}.md", md.Claim(c));
            });
        }
        foreach (var s in data.Sources)
        {
            pages.Add(() =>
            {
                Put($"sources/{s.Id}.html", html.Source(s));
                Put($"sources/{s.Id}.md", md.Source(s));
            });
        }
        Parallel.ForEach(Partitioner.Create(pages, loadBalance: true), page => page());
    }

    /// <summary>All data with computed levels, for other tools.</summary>
    private static string EvidenceJson(SiteData data)
    {
        using var writer = new StringWriter();
        Json.Write(writer, json =>
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteString("title", data.Title);
            JsonFormatter.WriteSummary(json, data.Report.Summary);
            json.WriteStartArray("articles");
            foreach (var a in data.Articles)
            {
                json.WriteStartObject();
                json.WriteString("id", a.Id);
                json.WriteString("title", data.ArticleTitles[a.Id]);
                json.WriteString("file", a.File);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("claims");
            foreach (var c in data.Claims)
            {
                ListingFormatter.WriteClaim(json, c, full: true,
                    extra: j =>
                    {
                        var chain = data.Chain(c.Claim);
                        j.WriteBoolean("rests-on-primary", chain.RestsOnPrimary);
                        j.WriteStartArray("leads");
                        foreach (var lead in chain.Leads)
                        {
                            j.WriteStringValue(lead);
                        }
                        j.WriteEndArray();
                    });
            }
            json.WriteEndArray();
            json.WriteStartArray("sources");
            foreach (var s in data.Sources)
            {
                ListingFormatter.WriteSource(json, s, citedBy: data.ClaimsCiting(s.Id),
                    extra: j => j.WriteString("reference", Reference.Text(data, s)));
            }
            json.WriteEndArray();
            json.WriteStartArray("findings");
            foreach (var f in data.Report.Findings)
            {
                JsonFormatter.WriteFinding(json, f);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });
        return writer.ToString();
    }
}
