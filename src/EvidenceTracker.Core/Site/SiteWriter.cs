using System.Collections.Concurrent;
using System.Globalization;
using EvidenceTracker.Checking;

namespace EvidenceTracker.Site;

/// <summary>
/// Writes a built site: only files whose bytes changed, each through a temporary file renamed into place (a kill or a
/// full disk never leaves an empty or torn page), and removes only the files an earlier build wrote — those listed in
/// the folder's manifest (<see cref="SiteManifest"/>) whose content is still what it wrote. No link in the folder is
/// followed, written through or removed. Pages are derived output, so they are not flushed to disk one by one.
/// </summary>
public static class SiteWriter
{
    private const string TempPrefix = ".evidence-site-";

    /// <summary>The folders and top-level pages of a site: a link at one of these names stops the build before it writes.</summary>
    private static readonly string[] PageFolders = ["articles", "claims", "sources", "assets", "index.html", "README.md", "matrix.html", "matrix.md", "sources.html", "sources.md", "evidence.json"];

    public static SiteWriteResult Write(string outDir, IReadOnlyDictionary<string, byte[]> files, SiteWriteOptions options)
    {
        ArgumentNullException.ThrowIfNull(files);
        return Write(outDir, sink => Parallel.ForEach(files, pair => sink(pair.Key, PageContent.FromBytes(pair.Value))), options);
    }

    /// <summary>Whether a temporary file's name (<c>.evidence-site-PID-N</c>) is that of another process that still runs.</summary>
    private static bool OfARunningProcess(string path)
    {
        var name = path.Split('/')[^1][TempPrefix.Length..];
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && int.TryParse(name.AsSpan(0, dash), System.Globalization.NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            && pid != Environment.ProcessId && Storage.AtomicFile.IsRunning(pid);
    }

    /// <summary>
    /// The result of a build that has nothing to do, or null: the folder's manifest recorded <paramref name="repository"/>
    /// as the repository of the last build, which finished, and every file it lists is still there (none of them behind a
    /// link), no page folder is a link and no temporary file of an interrupted build is left. Nothing is read but the
    /// folder's listing and the manifest; nothing is written. (As when a group's inputs are unchanged, a page edited by
    /// hand is left as it is: <c>--full</c> renders every page.)
    /// </summary>
    public static SiteWriteResult? UpToDate(string outDir, string repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        if (!Directory.Exists(outDir) || new DirectoryInfo(outDir).LinkTarget is not null
            || SiteManifest.RepositoryOf(outDir) != repository)
        {
            return null;
        }
        var folder = SiteFolder.Read(outDir);
        if (SiteManifest.Read(outDir, folder) is not { Inputs.Count: > 0 } contents || contents.Repository != repository
            || PageFolders.Any(folder.Links.Contains)
            || folder.Files.Any(f => f.Split('/')[^1].StartsWith(TempPrefix, StringComparison.Ordinal)))
        {
            return null;
        }
        foreach (var path in contents.Files.Keys)
        {
            if (!folder.Files.Contains(path) || folder.LinkOnTheWay(path) is not null)
            {
                return null;
            }
        }
        return new SiteWriteResult([], contents.Files.Count, [], [])
        {
            Files = contents.Files.Count,
            Reused = contents.Files.Count,
            UpToDate = true,
        };
    }

    /// <summary>
    /// Compares (and, unless <see cref="SiteWriteOptions.CheckOnly"/>, writes) each page as <paramref name="build"/> hands
    /// it over — from several threads at once, as <see cref="SiteBuilder.Build(CheckReport, Action{string, byte[]})"/> does.
    /// </summary>
    public static SiteWriteResult Write(string outDir, Action<Action<string, PageContent>> build, SiteWriteOptions options)
    {
        ArgumentNullException.ThrowIfNull(build);
        return Write(outDir, [new PageGroup("", null, build)], options);
    }

    /// <summary>
    /// Writes the site group by group (<see cref="SiteBuilder.Groups"/>), in parallel: a group whose inputs are those the
    /// manifest recorded, and whose files are all still there with the hashes it recorded, is not rendered (unless
    /// <see cref="SiteWriteOptions.Full"/> or <see cref="SiteWriteOptions.CheckOnly"/>); every other group is rendered,
    /// and each of its pages compared (and written when its bytes changed) as soon as it is rendered.
    /// </summary>
    public static SiteWriteResult Write(string outDir, IReadOnlyList<PageGroup> groups, SiteWriteOptions options)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(options);
        var checkOnly = options.CheckOnly;
        if (new DirectoryInfo(outDir).LinkTarget is not null)
        {
            throw new SiteOutputException($"'{outDir}' is a link; the build never writes through a link: give a folder of its own");
        }
        if (File.Exists(outDir))
        {
            throw new SiteOutputException($"'{outDir}' is a file, not a folder");
        }
        var folder = SiteFolder.Read(outDir);
        var contents = SiteManifest.Read(outDir, folder);
        var manifest = contents?.Files;

        // The files an earlier build wrote: path → the hash it wrote (null for a page adopted from a site without a manifest).
        var owned = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (manifest is not null)
        {
            foreach (var (path, hash) in manifest.Where(e => folder.Files.Contains(e.Key) && folder.LinkOnTheWay(e.Key) is null))
            {
                owned[path] = hash;
            }
        }
        else
        {
            var visible = folder.Files.Where(f => !SiteFolder.Hidden(f)).ToList();
            foreach (var f in visible.Where(f => options.AdoptPages && SiteFolder.ShapedLikeAPage(f)))
            {
                owned[f] = null;
            }
            var others = visible.Where(f => !owned.ContainsKey(f)).ToList();
            if (others.Count > 0 && !options.Force && !checkOnly)
            {
                throw new SiteOutputException(
                    $"'{outDir}' holds {SiteManifest.Describe(others)} that no build wrote ({(folder.Files.Contains(SiteManifest.FileName) ? $"its {SiteManifest.FileName} cannot be read or lists a path outside the folder, so none of its files is taken as the build's" : $"there is no {SiteManifest.FileName}")}); give an empty folder, or --force to write beside them (a file where the build writes a page, such as index.html, is replaced; the others are kept)");
            }
        }
        if (!checkOnly && PageFolders.FirstOrDefault(folder.Links.Contains) is { } link)
        {
            throw new SiteOutputException($"'{Path.Combine(outDir, link)}' is a link; the build never writes through a link: remove it, or give another folder");
        }
        if (!checkOnly)
        {
            // Temporary files of an interrupted build (found in real folders only: no link is entered); those of a process
            // that still runs are its own, and left to it.
            foreach (var f in folder.Files.Where(f => f.Split('/')[^1].StartsWith(TempPrefix, StringComparison.Ordinal) && !OfARunningProcess(f)))
            {
                File.Delete(Path.Combine(outDir, f));
            }
        }

        // The files of each group the manifest lists (a group is reused only when every one of them is still the build's).
        var filesOfGroup = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (contents is not null && contents.Inputs.Count > 0 && !checkOnly && !options.Full)
        {
            foreach (var path in contents.Files.Keys)
            {
                var stem = PageGroup.StemOf(path);
                (filesOfGroup.TryGetValue(stem, out var list) ? list : filesOfGroup[stem] = []).Add(path);
            }
        }
        var seen = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var inputs = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var changed = new ConcurrentBag<string>();
        var unchanged = 0;
        var reused = 0;
        // One writer thread: creating or renaming files in a folder holds the folder's lock in the kernel, so
        // writers in parallel only wait (or spin) for each other, taking the cores that render pages. The
        // bounded queue keeps rendering from running far ahead of the disk; it is short (64 pages), because pages that
        // wait in it live through collections and are promoted, which raised the peak memory of a 100,000-claim build.
        using var queue = new BlockingCollection<(string Path, byte[] Bytes, bool Replace)>(boundedCapacity: 64);
        using var writerFailed = new CancellationTokenSource();
        var written = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
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

        var succeeded = false;
        try
        {
            try
            {
                PageGroup.RenderAll(groups, WriteGroup);
            }
            catch (Exception e) when (writer.IsFaulted && (e is OperationCanceledException || e is AggregateException a && a.Flatten().InnerExceptions.All(x => x is OperationCanceledException)))
            {
                // The writer failed first: its exception, below, is the one to report.
            }
            finally
            {
                queue.CompleteAdding();
            }
            writer.GetAwaiter().GetResult();
            succeeded = true;
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1 && e.InnerExceptions[0] is AggregateException inner)
        {
            // A group that renders its pages in parallel itself (the single group of a whole build) failed: its own
            // exceptions, as a build without groups reports them.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inner);
            throw;
        }
        finally
        {
            if (!checkOnly && !succeeded)
            {
                // What the folder now holds of the build's files: those it wrote before the failure, and the earlier ones.
                var entries = new Dictionary<string, string>(written, StringComparer.Ordinal);
                foreach (var (path, hash) in owned.Where(o => !entries.ContainsKey(o.Key)))
                {
                    if ((hash ?? SiteManifest.HashOfFile(Path.Combine(outDir, path))) is { } h)
                    {
                        entries[path] = h;
                    }
                }
                TryWriteManifest(outDir, entries);
            }
        }

        void WriteGroup(PageGroup group)
        {
            if (group.Inputs is { } digest && contents is not null && contents.Inputs.TryGetValue(group.Stem, out var recorded)
                && recorded == digest && filesOfGroup.TryGetValue(group.Stem, out var files)
                && files.All(f => owned.TryGetValue(f, out var h) && h is not null))
            {
                foreach (var f in files)
                {
                    if (!seen.TryAdd(f, owned[f]!))
                    {
                        throw new InvalidOperationException($"the site has two pages at {f}");
                    }
                    written[f] = owned[f]!;
                }
                Interlocked.Add(ref reused, files.Count);
                Interlocked.Add(ref unchanged, files.Count);
                inputs[group.Stem] = digest;
                return;
            }
            group.Render((relative, bytes) =>
            {
                if (group.Inputs is not null && PageGroup.StemOf(relative) != group.Stem)
                {
                    throw new InvalidOperationException($"the page {relative} is not of the group {group.Stem}");
                }
                Sink(relative, bytes);
            });
            if (group.Inputs is { } rendered)
            {
                inputs[group.Stem] = rendered;
            }
        }

        void Sink(string relative, PageContent content)
        {
            if (PagePathProblem(relative) is { } problem)
            {
                throw new SiteOutputException($"a page would be written at '{relative}', which {problem}; nothing is written there");
            }
            if (content.Bytes is not { } bytes)
            {
                SinkStreamed(relative, content);
                return;
            }
            var hash = SiteManifest.Hash(bytes);
            if (!seen.TryAdd(relative, hash))
            {
                throw new InvalidOperationException($"the site has two pages at {relative}");
            }
            var path = Path.Combine(outDir, relative);
            if (folder.LinkOnTheWay(relative) is { } through)
            {
                if (checkOnly)
                {
                    changed.Add(relative);
                    return;
                }
                throw new SiteOutputException($"'{Path.Combine(outDir, through)}' is a link; the build never writes through a link: remove it, or give another folder");
            }
            var exists = folder.Files.Contains(relative);
            if (exists && SameBytes(path, bytes))
            {
                Interlocked.Increment(ref unchanged);
                written[relative] = hash;
                return;
            }
            if (!Changed(relative, path, exists))
            {
                return;
            }
            queue.Add((path, bytes, exists), writerFailed.Token);
            written[relative] = hash;
        }

        // A page that differs from its file: listed as changed; false when only checking (nothing is written); refused
        // when the file there was not written by a build, unless forced.
        bool Changed(string relative, string path, bool exists)
        {
            changed.Add(relative);
            if (checkOnly)
            {
                return false;
            }
            if (exists && !owned.ContainsKey(relative) && !options.Force)
            {
                throw new SiteOutputException($"'{path}' was not written by a build (it is not in {SiteManifest.FileName}); move it away, or --force to replace it");
            }
            return true;
        }

        // A whole-site page: rendered straight into its file's folder through a stream that hashes it, compares it with
        // the file there and writes it to a temporary file only from its first differing byte (see PageFileStream), on
        // the rendering thread (whole-site pages render one at a time), never held whole in memory or in the queue.
        void SinkStreamed(string relative, PageContent content)
        {
            if (!seen.TryAdd(relative, ""))
            {
                throw new InvalidOperationException($"the site has two pages at {relative}");
            }
            var path = Path.Combine(outDir, relative);
            var throughLink = folder.LinkOnTheWay(relative);
            if (throughLink is not null && !checkOnly)
            {
                throw new SiteOutputException($"'{Path.Combine(outDir, throughLink)}' is a link; the build never writes through a link: remove it, or give another folder");
            }
            var exists = throughLink is null && folder.Files.Contains(relative);
            try
            {
                if (!checkOnly)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                }
                using var page = new PageFileStream(path, exists, checkOnly ? null : TempPath(path));
                content.WriteTo(page);
                var same = page.Finish();
                seen[relative] = page.Hash;
                if (same && throughLink is null)
                {
                    Interlocked.Increment(ref unchanged);
                    written[relative] = page.Hash;
                    return;
                }
                if (!Changed(relative, path, exists))
                {
                    return;
                }
                page.Commit(path, replace: exists);
                written[relative] = page.Hash;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new IOException($"cannot write '{path}': {e.Message}", e);
            }
        }

        // Files an earlier build wrote that this one does not: removed, unless changed since (then kept, no longer listed).
        var removed = new List<string>();
        var kept = new List<string>();
        foreach (var (path, hash) in owned.Where(o => !seen.ContainsKey(o.Key)).OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            if (hash is not null && SiteManifest.HashOfFile(Path.Combine(outDir, path)) != hash)
            {
                kept.Add(path);
                continue;
            }
            removed.Add(path);
        }
        if (!checkOnly)
        {
            foreach (var f in removed)
            {
                File.Delete(Path.Combine(outDir, f));
            }
            RemoveEmptiedFolders(outDir, folder, removed);
            // The pages seen are the manifest's entries (not copied: at 100,000 claims they are 250,000).
            var entries = seen;
            var newInputs = new Dictionary<string, string>(inputs, StringComparer.Ordinal);
            if (contents is null || !SameEntries(contents.Files, entries) || !SameEntries(contents.Inputs, newInputs) || contents.Repository != options.Repository)
            {
                WriteManifest(outDir, entries, newInputs, replace: contents is not null || folder.Files.Contains(SiteManifest.FileName), options.Repository);
            }
        }
        var writtenList = changed.Order(StringComparer.Ordinal).ToList();
        return new SiteWriteResult(checkOnly ? [] : writtenList, unchanged, checkOnly ? [] : removed,
            checkOnly ? writtenList.Concat(removed).Order(StringComparer.Ordinal).ToList() : [])
        {
            Files = seen.Count,
            Kept = kept,
            Reused = reused,
        };
    }

    private static bool SameEntries(Dictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(e => b.TryGetValue(e.Key, out var h) && h == e.Value);

    private static void TryWriteManifest(string outDir, Dictionary<string, string> entries)
    {
        try
        {
            if (Directory.Exists(outDir))
            {
                // No inputs: the next build renders every group again and compares it with what is there.
                WriteManifest(outDir, entries, new Dictionary<string, string>(), replace: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The build's own failure is the one to report; the next build finds the pages unlisted and identical.
        }
    }

    /// <summary>Writes the manifest straight to a temporary file renamed into place (never held whole in memory).</summary>
    /// <summary>
    /// Why a page's path (relative, '/' separators) may not be written: it must stay inside the output folder and name
    /// a file (every page's name comes from a slug id or a fixed name; this is the last guard should one not).
    /// </summary>
    internal static string? PagePathProblem(string relative)
    {
        if (relative.Length == 0 || relative[0] == '/' || relative.Contains('\\', StringComparison.Ordinal))
        {
            return "is not a relative path";
        }
        if (relative.Any(char.IsControl))
        {
            return "holds a control character";
        }
        foreach (var segment in relative.Split('/'))
        {
            if (segment is "" or "." or "..")
            {
                return "is not a plain path inside the output folder";
            }
        }
        return null;
    }

    private static void WriteManifest(string outDir, IReadOnlyDictionary<string, string> entries, Dictionary<string, string> inputs, bool replace,
        string? repository = null)
    {
        var path = Path.Combine(outDir, SiteManifest.FileName);
        try
        {
            using var file = new PageFileStream(path, exists: false, TempPath(path));
            SiteManifest.Write(file, entries, inputs, repository);
            file.Finish();
            file.Commit(path, replace);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot write '{path}': {e.Message}", e);
        }
    }

    private static long _counter;

    /// <summary>A temporary file beside <paramref name="path"/> (same folder: the rename is atomic), removed by the next build if left.</summary>
    private static string TempPath(string path) => Path.Combine(Path.GetDirectoryName(path)!,
        $"{TempPrefix}{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture)}");

    /// <summary>Writes a file through a temporary file in the same folder, renamed into place: never an empty or torn file.</summary>
    private static void WriteFile(string path, byte[] bytes, bool replace)
    {
        var temp = TempPath(path);
        try
        {
            using (var handle = File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write))
            {
                RandomAccess.Write(handle, bytes, 0);
            }
            File.Move(temp, path, overwrite: replace);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temp);
            throw new IOException($"cannot write '{path}': {e.Message}", e);
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

    /// <summary>Removes the folders (real ones, never links) left empty by the removals, deepest first.</summary>
    private static void RemoveEmptiedFolders(string outDir, SiteFolder folder, IReadOnlyList<string> removed)
    {
        var candidates = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var f in removed)
        {
            for (var slash = f.LastIndexOf('/'); slash > 0; slash = f.LastIndexOf('/', slash - 1))
            {
                candidates.Add(f[..slash]);
            }
        }
        foreach (var dir in candidates.OrderByDescending(d => d.Count(c => c == '/')).ThenBy(d => d, StringComparer.Ordinal))
        {
            var full = Path.Combine(outDir, dir);
            if (folder.Folders.Contains(dir) && new DirectoryInfo(full).LinkTarget is null && !Directory.EnumerateFileSystemEntries(full).Any())
            {
                Directory.Delete(full);
            }
        }
    }
}
