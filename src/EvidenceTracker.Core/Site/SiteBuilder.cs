using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using EvidenceTracker.Checking;
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
    /// (Whole-site pages are rendered into memory here; <see cref="SiteWriter"/> streams them to their files.)
    /// </summary>
    public static void Build(CheckReport report, Action<string, byte[]> sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        PageGroup.RenderAll(Groups(report), group => group.Render((path, content) => sink(path, content.ToArray())));
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
        static void Put(Action<string, PageContent> sink, string path, string text) => sink(path, Utf8.GetBytes(text));
        // A whole-site page is handed over as how to write it: the writer streams it to its file (never held whole).
        static PageContent Text(Action<TextWriter> write) => PageContent.Streamed(stream =>
        {
            using var writer = new StreamWriter(stream, Utf8, 1 << 16, leaveOpen: true);
            write(writer);
        });
        PageGroup Whole(string path, PageContent page) =>
            new(PageGroup.StemOf(path), inputs.Everything, sink => sink(path, page)) { WholeSite = true };

        var groups = new List<PageGroup>
        {
            Whole("index.html", Text(html.Index)),
            Whole("evidence.json", PageContent.Streamed(stream => EvidenceJson(data, stream))),
            new("matrix", inputs.Everything, sink =>
            {
                sink("matrix.html", Text(html.Matrix));
                sink("matrix.md", Text(md.Matrix));
            }) { WholeSite = true },
            Whole("README.md", Text(md.Index)),
            new("assets/style", inputs.Tool, sink => Put(sink, "assets/style.css", SiteAssets.Css)),
            new("assets/filter", inputs.Tool, sink => Put(sink, "assets/filter.js", SiteAssets.FilterJs)),
            new("sources", inputs.Everything, sink =>
            {
                sink("sources.html", Text(html.SourcesPage));
                sink("sources.md", Text(md.SourcesPage));
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
    /// Written by <see cref="Utf8JsonWriter"/> straight to the stream (the same bytes as <see cref="Json.Write"/>), flushed
    /// every <see cref="JsonChunk"/> bytes: at 100,000 claims the file is hundreds of megabytes, never held whole.
    /// </remarks>
    private static void EvidenceJson(SiteData data, Stream stream)
    {
        using (var json = new Utf8JsonWriter(stream, Json.Options))
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
                FlushChunk(json);
            }
            json.WriteEndArray();
            json.WriteStartArray("sources");
            foreach (var s in data.Sources)
            {
                ListingFormatter.WriteSource(json, s, citedBy: data.ClaimsCiting(s.Id),
                    extra: j => j.WriteString("reference", Reference.Text(data, s)));
                FlushChunk(json);
            }
            json.WriteEndArray();
            json.WriteStartArray("findings");
            foreach (var f in data.Report.Findings)
            {
                JsonFormatter.WriteFinding(json, f);
                FlushChunk(json);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
    }

    /// <summary>How much JSON <see cref="EvidenceJson"/> lets the writer hold before it flushes to the stream.</summary>
    private const int JsonChunk = 1 << 16;

    private static void FlushChunk(Utf8JsonWriter json)
    {
        if (json.BytesPending >= JsonChunk)
        {
            json.Flush();
        }
    }
}
