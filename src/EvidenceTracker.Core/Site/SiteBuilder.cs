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

    /// <summary>Uncited strong sentences to mark on an article page; supplied by the article analysis when available.</summary>
    public static Func<CheckReport, Model.Article, IReadOnlyList<Highlight>> UncitedSentences { get; set; } = (_, _) => [];

    public static IReadOnlyDictionary<string, byte[]> Build(CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var data = new SiteData(report);
        var html = new HtmlPages(data);
        var md = new MarkdownPages(data);
        var files = new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
        void Put(string path, string text) => files[path] = Utf8.GetBytes(text);

        Put("assets/style.css", SiteAssets.Css);
        Put("assets/filter.js", SiteAssets.FilterJs);
        Put("index.html", html.Index());
        Put("README.md", md.Index());
        Put("matrix.html", html.Matrix());
        Put("matrix.md", md.Matrix());
        Put("evidence.json", EvidenceJson(data));
        foreach (var a in data.Articles)
        {
            Put($"articles/{a.Id}.html", html.Article(a, UncitedSentences(report, a)));
            Put($"articles/{a.Id}.md", md.Article(a));
        }
        Parallel.ForEach(data.Claims, c =>
        {
            Put($"claims/{c.Claim.Id}.html", html.Claim(c));
            Put($"claims/{c.Claim.Id}.md", md.Claim(c));
        });
        Parallel.ForEach(data.Sources, s =>
        {
            Put($"sources/{s.Id}.html", html.Source(s));
            Put($"sources/{s.Id}.md", md.Source(s));
        });
        return new SortedDictionary<string, byte[]>(files, StringComparer.Ordinal);
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
                    extra: j => j.WriteBoolean("reaches-primary", data.ReachesPrimary(c.Claim)));
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

/// <summary>What writing (or checking) the site found: the files written, unchanged, removed, or stale.</summary>
public sealed record SiteWriteResult(IReadOnlyList<string> Written, int Unchanged, IReadOnlyList<string> Removed, IReadOnlyList<string> Stale);

/// <summary>Writes a built site: only files whose bytes changed, and removes pages that no longer exist.</summary>
public static class SiteWriter
{
    public static SiteWriteResult Write(string outDir, IReadOnlyDictionary<string, byte[]> files, bool checkOnly)
    {
        ArgumentNullException.ThrowIfNull(files);
        var existing = Directory.Exists(outDir)
            ? Directory.EnumerateFiles(outDir, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(outDir, f).Replace(Path.DirectorySeparatorChar, '/'))
                .Where(f => !f.Split('/').Any(part => part.StartsWith('.')))
                .ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
        var changed = new ConcurrentBag<string>();
        var unchanged = 0;
        Parallel.ForEach(files, pair =>
        {
            var path = Path.Combine(outDir, pair.Key);
            if (existing.Contains(pair.Key) && SameBytes(path, pair.Value))
            {
                Interlocked.Increment(ref unchanged);
                return;
            }
            changed.Add(pair.Key);
            if (!checkOnly)
            {
                Storage.AtomicFile.Write(path, pair.Value);
            }
        });
        var removed = existing.Where(f => !files.ContainsKey(f)).Order(StringComparer.Ordinal).ToList();
        if (!checkOnly)
        {
            foreach (var f in removed)
            {
                File.Delete(Path.Combine(outDir, f));
            }
            RemoveEmptyFolders(outDir);
        }
        var written = changed.Order(StringComparer.Ordinal).ToList();
        return new SiteWriteResult(checkOnly ? [] : written, unchanged, checkOnly ? [] : removed,
            checkOnly ? written.Concat(removed).Order(StringComparer.Ordinal).ToList() : []);
    }

    private static bool SameBytes(string path, byte[] bytes)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Length == bytes.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static void RemoveEmptyFolders(string dir)
    {
        if (!Directory.Exists(dir))
        {
            return;
        }
        foreach (var sub in Directory.EnumerateDirectories(dir))
        {
            RemoveEmptyFolders(sub);
            if (!Directory.EnumerateFileSystemEntries(sub).Any())
            {
                Directory.Delete(sub);
            }
        }
    }
}
