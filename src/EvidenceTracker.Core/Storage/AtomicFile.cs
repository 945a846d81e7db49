using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace EvidenceTracker.Storage;

/// <summary>
/// Writes that never leave a half-written file: the content goes to a temporary file in the same folder,
/// then is renamed into place. New files are created exclusively: of two writers of one path, exactly one
/// wins. Temporary files are removed on failure, on SIGINT/SIGTERM (see <see cref="DeletePending"/>), and
/// — for a process killed outright — by the next write into the same folder.
/// </summary>
public static class AtomicFile
{
    private const string TempPrefix = ".evidence-tmp-";
    private static readonly UTF8Encoding Utf8NoBom = new(false);
    private static readonly ConcurrentDictionary<string, byte> Pending = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, byte> Swept = new(StringComparer.Ordinal);

    /// <summary>Replaces (or creates) <paramref name="path"/> with <paramref name="content"/>.</summary>
    public static void Write(string path, string content) => Write(path, Utf8NoBom.GetBytes(content));

    public static void Write(string path, byte[] content) => Commit(path, content, overwrite: true);

    /// <summary>Creates <paramref name="path"/> only if no file is there; false when one is (nothing is written).</summary>
    public static bool TryCreateNew(string path, string content) => Commit(path, Utf8NoBom.GetBytes(content), overwrite: false);

    public static bool TryCreateNew(string path, byte[] content) => Commit(path, content, overwrite: false);

    /// <summary>
    /// Creates <paramref name="path"/> in an existing folder, never replacing a file: false when the name is taken.
    /// With <paramref name="durable"/> off (bulk imports of thousands of files) the content is not flushed to disk
    /// before the rename, and on Linux the file is made with the fewest system calls (O_EXCL, renameat2 NOREPLACE).
    /// </summary>
    public static bool CreateNew(string path, byte[] content, bool durable = true)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (durable)
        {
            return Commit(path, content, overwrite: false);
        }
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        SweepOnce(dir);
        var temp = TempName(dir);
        Pending[temp] = 0;
        try
        {
            if (LinuxFiles.TryCreateNew(full, temp, content) is { } created)
            {
                return created;
            }
        }
        finally
        {
            Pending.TryRemove(temp, out _);
        }
        return Commit(path, content, overwrite: false, flush: false);
    }

    /// <summary>
    /// Writes <paramref name="content"/> to a fresh temporary file in the folder of <paramref name="path"/> (swept if this
    /// process dies, deleted by <see cref="DeletePending()"/>) and returns its name; <see cref="Discard"/> deletes it.
    /// For edits of several files that are renamed into place together (<see cref="FileTransaction"/>).
    /// </summary>
    public static string Stage(string path, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        SweepOnce(dir);
        var temp = TempName(dir);
        Pending[temp] = 0;
        try
        {
            using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            stream.Write(content);
            stream.Flush(flushToDisk: true);
            return temp;
        }
        catch (Exception ex) when (NamesTemporary(ex, temp))
        {
            Discard(temp);
            throw NamingTarget(ex, temp, Path.GetFullPath(path));
        }
        catch
        {
            Discard(temp);
            throw;
        }
    }

    /// <summary>Deletes a file made by <see cref="Stage"/> (or any file the caller owns); a missing file is no error.</summary>
    public static void Discard(string path)
    {
        TryDelete(path);
        Pending.TryRemove(path, out _);
    }

    /// <summary>Renames <paramref name="from"/> to <paramref name="to"/> only if that name is free (atomically where the
    /// kernel can): false when it is taken. A staged file that has been renamed is no longer pending.</summary>
    public static bool RenameNoReplace(string from, string to)
    {
        bool moved;
        if (LinuxFiles.TryRenameNoReplace(from, to) is { } done)
        {
            moved = done;
        }
        else if (File.Exists(to) || Directory.Exists(to))
        {
            moved = false;
        }
        else
        {
            File.Move(from, to, overwrite: false);
            moved = true;
        }
        if (moved)
        {
            Pending.TryRemove(from, out _);
        }
        return moved;
    }

    /// <summary>Renames <paramref name="from"/> over <paramref name="to"/>, replacing it in one step.</summary>
    public static void RenameOver(string from, string to)
    {
        File.Move(from, to, overwrite: true);
        Pending.TryRemove(from, out _);
    }

    /// <summary>Deletes the temporary files of writes still in progress; called when the process is told to stop.</summary>
    public static void DeletePending() => DeletePending(_ => true);

    /// <summary>Deletes the temporary files of writes in progress whose path <paramref name="which"/> selects.</summary>
    internal static void DeletePending(Func<string, bool> which)
    {
        foreach (var path in Pending.Keys.Where(which))
        {
            TryDelete(path);
        }
    }

    /// <summary>This process's part of temporary names: its id (for the sweep) and a random tag (ids are reused).</summary>
    private static readonly string ProcessTag =
        $"{TempPrefix}{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}-";

    private static long _counter;

    /// <summary>A name no other write uses: the process tag and a counter (no random bytes drawn per file).</summary>
    private static string TempName(string dir) =>
        Path.Combine(dir, ProcessTag + Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture));

    private static bool Commit(string path, byte[] content, bool overwrite, bool flush = true)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Commit(path, stream => stream.Write(content), overwrite ? null : content, flush);
    }

    /// <summary>
    /// Replaces (or creates) <paramref name="path"/> with what <paramref name="write"/> writes: the text is streamed to
    /// the temporary file (a report of 300,000 findings never sits whole in memory), which then takes the name.
    /// </summary>
    public static void Write(string path, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Commit(path, stream =>
        {
            using var text = new StreamWriter(stream, Utf8NoBom, 1 << 16, leaveOpen: true);
            write(text);
        }, exclusiveContent: null, flush: true);
    }

    /// <summary>
    /// Writes a temporary file with <paramref name="write"/>, then moves it into place: replacing any file there when
    /// <paramref name="exclusiveContent"/> is null, else only if the name is free (false when it is taken).
    /// </summary>
    private static bool Commit(string path, Action<Stream> write, byte[]? exclusiveContent, bool flush)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        SweepOnce(dir);
        if (exclusiveContent is not null && (File.Exists(full) || Directory.Exists(full)))
        {
            return false;
        }
        var temp = TempName(dir);
        Pending[temp] = 0;
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: flush);
            }
            if (exclusiveContent is null)
            {
                File.Move(temp, full, overwrite: true);
                return true;
            }
            // An exclusive create: renameat2(RENAME_NOREPLACE) moves the file into place only if the name is free,
            // atomically (File.Move without overwrite checks first and renames after: two writers can both win).
            return MoveExclusively(temp, full, exclusiveContent);
        }
        catch (Exception ex) when (NamesTemporary(ex, temp))
        {
            throw NamingTarget(ex, temp, full);
        }
        finally
        {
            TryDelete(temp);
            Pending.TryRemove(temp, out _);
        }
    }

    /// <summary>
    /// Puts <paramref name="temp"/> in place as <paramref name="full"/> only if that name is free; false when it is
    /// taken. renameat2(RENAME_NOREPLACE) does it atomically (File.Move without overwrite checks, then renames: two
    /// writers could both win). Where that is not available, the final name is opened with CreateNew (O_EXCL), so
    /// exactly one writer wins, and <paramref name="content"/> is written into it.
    /// </summary>
    private static bool MoveExclusively(string temp, string full, byte[] content)
    {
        if (LinuxFiles.TryRenameNoReplace(temp, full) is { } moved)
        {
            return moved;
        }
        try
        {
            using var stream = new FileStream(full, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            stream.Write(content);
            return true;
        }
        catch (IOException) when (File.Exists(full) || Directory.Exists(full))
        {
            return false;
        }
    }

    private static bool NamesTemporary(Exception ex, string temp) =>
        ex is IOException or UnauthorizedAccessException && ex.Message.Contains(temp, StringComparison.Ordinal);

    /// <summary>
    /// The error of a write as the user should read it: about the file being written, not the temporary name it goes
    /// through (".evidence-tmp-…" means nothing to them, and is gone by the time they look).
    /// </summary>
    private static Exception NamingTarget(Exception ex, string temp, string full)
    {
        var message = ex.Message.Replace(temp, full, StringComparison.Ordinal);
        return ex is UnauthorizedAccessException ? new UnauthorizedAccessException(message, ex) : new IOException(message, ex);
    }

    /// <summary>Sweeps a folder the first time this process writes into it (not once per file: bulk writes stay linear).</summary>
    private static void SweepOnce(string dir)
    {
        if (Swept.TryAdd(dir, 0))
        {
            SweepStale(dir);
        }
    }

    /// <summary>Removes temporary files left in <paramref name="dir"/> by processes that no longer run.</summary>
    private static void SweepStale(string dir)
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(dir, TempPrefix + "*"))
            {
                var name = Path.GetFileName(file)[TempPrefix.Length..];
                var dash = name.IndexOf('-', StringComparison.Ordinal);
                if (dash > 0 && int.TryParse(name[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                    && pid != Environment.ProcessId && !IsRunning(pid))
                {
                    TryDelete(file);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Whether a process with this id runs (its temporary files are then its own).</summary>
    internal static bool IsRunning(int pid)
    {
        if (OperatingSystem.IsLinux())
        {
            return Directory.Exists($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}");
        }
        try
        {
            using var p = System.Diagnostics.Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>
    /// Writes several files as one step: every content goes to a temporary file in its folder first, and only when all
    /// are written are they renamed into place, so a failure part-way (a full disk) leaves none of them. A file marked
    /// new never replaces an existing one: the paths that existed by then are returned, and left untouched.
    /// </summary>
    public static IReadOnlyList<string> WriteAll(IReadOnlyList<(string Path, byte[] Content, bool New)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var temps = new List<(string Temp, string Full, bool New, byte[] Content)>(files.Count);
        var conflicts = new List<string>();
        var moved = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var (path, content, isNew) in files)
            {
                var full = Path.GetFullPath(path);
                var dir = Path.GetDirectoryName(full)!;
                SweepOnce(dir);
                var temp = TempName(dir);
                Pending[temp] = 0;
                temps.Add((temp, full, isNew, content));
                if (LinuxFiles.TryWriteNew(temp, content) != true)
                {
                    // a fresh temporary name: no other writer can have it open, so no advisory lock is needed
                    using var handle = File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite);
                    RandomAccess.Write(handle, content, 0);
                }
            }
            foreach (var (temp, full, isNew, content) in temps)
            {
                if (!isNew)
                {
                    File.Move(temp, full, overwrite: true);
                    moved.Add(temp);
                    continue;
                }
                if (MoveExclusively(temp, full, content))
                {
                    moved.Add(temp);
                }
                else
                {
                    conflicts.Add(full);
                }
            }
        }
        catch (Exception ex) when (temps.FindLast(t => NamesTemporary(ex, t.Temp)) is { Temp: not null } named)
        {
            throw NamingTarget(ex, named.Temp, named.Full);
        }
        finally
        {
            foreach (var (temp, _, _, _) in temps)
            {
                if (!moved.Contains(temp))
                {
                    TryDelete(temp);
                }
                Pending.TryRemove(temp, out _);
            }
        }
        return conflicts;
    }
}
