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
            .Select(u => new Highlight(u.Text, "uncited", "uncited", null, $"No citation in scope; states {u.What}", FillsGaps: true))
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

/// <summary>What writing (or checking) the site found: the files written, unchanged, removed, or stale.</summary>
public sealed record SiteWriteResult(IReadOnlyList<string> Written, int Unchanged, IReadOnlyList<string> Removed, IReadOnlyList<string> Stale)
{
    /// <summary>The number of files the site has.</summary>
    public int Files { get; init; }
}

/// <summary>
/// Writes a built site: only files whose bytes changed, and removes pages that no longer exist. Pages are
/// derived output, so they are not flushed to disk one by one (an interrupted build is repaired by the next
/// one); a changed page is written to a temporary file and renamed into place, so a reader — a web server —
/// never sees half a page.
/// </summary>
public static class SiteWriter
{
    private const string TempPrefix = ".evidence-site-";

    public static SiteWriteResult Write(string outDir, IReadOnlyDictionary<string, byte[]> files, bool checkOnly)
    {
        ArgumentNullException.ThrowIfNull(files);
        return Write(outDir, sink => Parallel.ForEach(files, pair => sink(pair.Key, pair.Value)), checkOnly);
    }

    /// <summary>
    /// Compares (and, unless <paramref name="checkOnly"/>, writes) each page as <paramref name="build"/> hands
    /// it over — from several threads at once, as <see cref="SiteBuilder.Build(CheckReport, Action{string, byte[]})"/> does.
    /// </summary>
    public static SiteWriteResult Write(string outDir, Action<Action<string, byte[]>> build, bool checkOnly)
    {
        ArgumentNullException.ThrowIfNull(build);
        var all = Directory.Exists(outDir)
            ? Directory.EnumerateFiles(outDir, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(outDir, f).Replace(Path.DirectorySeparatorChar, '/'))
                .ToList()
            : [];
        var existing = all.Where(f => !f.Split('/').Any(part => part.StartsWith('.'))).ToHashSet(StringComparer.Ordinal);
        if (!checkOnly)
        {
            // Temporary files of an interrupted build.
            foreach (var f in all.Where(f => f.Split('/')[^1].StartsWith(TempPrefix, StringComparison.Ordinal)))
            {
                File.Delete(Path.Combine(outDir, f));
            }
        }
        var seen = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var changed = new ConcurrentBag<string>();
        var unchanged = 0;
        // One writer thread: creating or renaming files in a folder holds the folder's lock in the kernel, so
        // writers in parallel only wait (or spin) for each other, taking the cores that render pages. The
        // bounded queue keeps rendering from running far ahead of the disk.
        using var queue = new BlockingCollection<(string Path, byte[] Bytes, bool Replace)>(boundedCapacity: 512);
        using var writerFailed = new CancellationTokenSource();
        var writer = checkOnly ? Task.CompletedTask : Task.Factory.StartNew(() =>
        {
            try
            {
                var folders = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (path, bytes, replace) in queue.GetConsumingEnumerable())
                {
                    if (folders.Add(Path.GetDirectoryName(path)!))
                    {
                        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    }
                    WriteFile(path, bytes, replace);
                }
            }
            catch
            {
                // Unblock the renderers waiting on a full queue; the writer's exception is rethrown below.
                writerFailed.Cancel();
                throw;
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            build(Sink);
        }
        catch (Exception e) when (writer.IsFaulted && (e is OperationCanceledException || e is AggregateException { InnerExceptions: var inner } && inner.All(x => x is OperationCanceledException)))
        {
            // The writer failed first: its exception, below, is the one to report.
        }
        finally
        {
            queue.CompleteAdding();
        }
        writer.GetAwaiter().GetResult();

        void Sink(string relative, byte[] bytes)
        {
            if (!seen.TryAdd(relative, 0))
            {
                throw new InvalidOperationException($"the site has two pages at {relative}");
            }
            var path = Path.Combine(outDir, relative);
            var exists = existing.Contains(relative);
            if (exists && SameBytes(path, bytes))
            {
                Interlocked.Increment(ref unchanged);
                return;
            }
            changed.Add(relative);
            if (!checkOnly)
            {
                queue.Add((path, bytes, exists), writerFailed.Token);
            }
        }

        var removed = existing.Where(f => !seen.ContainsKey(f)).Order(StringComparer.Ordinal).ToList();
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
            checkOnly ? written.Concat(removed).Order(StringComparer.Ordinal).ToList() : [])
        {
            Files = seen.Count,
        };
    }

    private static void WriteFile(string path, byte[] bytes, bool replace)
    {
        if (!replace)
        {
            // A new page: nobody can be reading it yet. One open, one positioned write, one close.
            using var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write);
            RandomAccess.Write(handle, bytes, 0);
            return;
        }
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $"{TempPrefix}{Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)}-{Path.GetFileName(path)}");
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>Compares a file with the page's bytes through a pooled buffer (no 100 MB of arrays on a rebuild).</summary>
    private static bool SameBytes(string path, byte[] bytes)
    {
        try
        {
            using var handle = File.OpenHandle(path);
            if (RandomAccess.GetLength(handle) != bytes.Length)
            {
                return false;
            }
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Min(bytes.Length, 1 << 20));
            try
            {
                for (var offset = 0; offset < bytes.Length;)
                {
                    var read = RandomAccess.Read(handle, buffer.AsSpan(0, Math.Min(buffer.Length, bytes.Length - offset)), offset);
                    if (read == 0 || !buffer.AsSpan(0, read).SequenceEqual(bytes.AsSpan(offset, read)))
                    {
                        return false;
                    }
                    offset += read;
                }
                return true;
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
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
