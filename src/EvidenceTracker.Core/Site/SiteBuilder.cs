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
        ArgumentNullException.ThrowIfNull(sink);
        PageGroup.RenderAll(Groups(report), group => group.Render(sink));
    }

    /// <summary>
    /// The site as groups of pages, each with the digest of its inputs (<see cref="PageInputs"/>) and how to render it:
    /// a writer renders only the groups whose inputs changed since the last build. The few large pages (index, matrix,
    /// JSON) and the articles come first, so that when rendered in parallel none is left running alone at the end.
    /// </summary>
    public static IReadOnlyList<PageGroup> Groups(CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var data = new SiteData(report);
        var inputs = new PageInputs(data);
        var html = new HtmlPages(data);
        var md = new MarkdownPages(data);
        static void Put(Action<string, byte[]> sink, string path, string text) => sink(path, Utf8.GetBytes(text));
        PageGroup Whole(string path, Func<byte[]> render) =>
            new(PageGroup.StemOf(path), inputs.Everything, sink => sink(path, render())) { WholeSite = true };

        var groups = new List<PageGroup>
        {
            Whole("index.html", html.Index),
            Whole("evidence.json", () => EvidenceJson(data)),
            new("matrix", inputs.Everything, sink =>
            {
                sink("matrix.html", html.Matrix());
                Put(sink, "matrix.md", md.Matrix());
            }) { WholeSite = true },
            Whole("README.md", () => Utf8.GetBytes(md.Index())),
            new("assets/style", inputs.Tool, sink => Put(sink, "assets/style.css", SiteAssets.Css)),
            new("assets/filter", inputs.Tool, sink => Put(sink, "assets/filter.js", SiteAssets.FilterJs)),
            new("sources", inputs.Everything, sink =>
            {
                sink("sources.html", html.SourcesPage());
                Put(sink, "sources.md", md.SourcesPage());
            }) { WholeSite = true },
        };
        foreach (var a in data.Articles)
        {
            groups.Add(new($"articles/{a.Id}", inputs.Article(a), sink =>
            {
                Put(sink, $"articles/{a.Id}.html", html.Article(a, ArticleRules.UncitedSentences(a, report.Set.Config)));
                Put(sink, $"articles/{a.Id}.md", md.Article(a));
            }));
        }
        foreach (var c in data.Claims)
        {
            groups.Add(new($"claims/{c.Claim.Id}", inputs.Claim(c), sink =>
            {
                Put(sink, $"claims/{c.Claim.Id}.html", html.Claim(c));
                Put(sink, $"claims/{c.Claim.Id}.md", md.Claim(c));
            }));
        }
        foreach (var s in data.Sources)
        {
            groups.Add(new($"sources/{s.Id}", inputs.Source(s), sink =>
            {
                Put(sink, $"sources/{s.Id}.html", html.Source(s));
                Put(sink, $"sources/{s.Id}.md", md.Source(s));
            }));
        }
        return groups;
    }

    /// <summary>All data with computed levels, for other tools.</summary>
    /// <remarks>
    /// Written by <see cref="Utf8JsonWriter"/> straight into a UTF-8 buffer (the same bytes as <see cref="Json.Write"/>),
    /// not through a string: at 100,000 claims the file is hundreds of megabytes.
    /// </remarks>
    private static byte[] EvidenceJson(SiteData data)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Json.Options))
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
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
