using System.Globalization;

namespace EvidenceTracker.Storage;

/// <summary>
/// Several file changes made as one: every new content is first written to a temporary file beside its target (and
/// every file that will be replaced is backed up the same way), so that a full disk or a refused write stops the
/// transaction before any file has changed; then the changes are renamed into place one after the other, and when one
/// of those renames fails, the ones already made are undone in reverse order — every file is as it was.
/// </summary>
/// <remarks>
/// The callers hold the <see cref="EditLock"/> of every folder they change, so no other edit interleaves. A removed
/// file is first renamed to a hidden backup beside it and deleted only when every step has succeeded.
/// </remarks>
public sealed class FileTransaction(IFileSteps? steps = null)
{
    /// <summary>The steps as they go to the disk.</summary>
    public static IFileSteps Disk { get; } = new DiskSteps();

    private readonly IFileSteps _steps = steps ?? Disk;
    private readonly List<Change> _changes = [];

    private enum Kind { Replace, Create, Rename, Delete }

    private sealed record Change(Kind Kind, string Path, string? To, byte[]? Content, byte[]? Original, bool Last = false);

    /// <summary>The number of changes planned.</summary>
    public int Count => _changes.Count;

    /// <summary>Replaces the content of an existing file; <paramref name="original"/> is what it holds now (for the undo).</summary>
    public void Replace(string path, byte[] content, byte[] original) => _changes.Add(new Change(Kind.Replace, path, null, content, original));

    /// <summary>Creates a file that must not exist yet.</summary>
    public void Create(string path, byte[] content) => _changes.Add(new Change(Kind.Create, path, null, content, null));

    /// <summary>Renames a file to a name that must be free.</summary>
    public void Rename(string from, string to) => _changes.Add(new Change(Kind.Rename, from, to, null, null));

    /// <summary>
    /// Removes a file: last, once every other change is in place; or, with <paramref name="last"/> false, in the order
    /// the changes were planned (so that a process killed part-way leaves a state the next run can tell and finish).
    /// </summary>
    public void Delete(string path, bool last = true) => _changes.Add(new Change(Kind.Delete, path, null, null, null, last));

    /// <summary>
    /// Makes every change, or none: throws an <see cref="IOException"/> saying what failed, after putting back what had
    /// been changed (and naming any file that could not be put back, with where its content is).
    /// </summary>
    public void Commit()
    {
        var staged = new Dictionary<Change, (string? Temp, string? Backup)>();
        try
        {
            foreach (var change in _changes.Where(c => c.Kind is Kind.Replace or Kind.Create))
            {
                var temp = _steps.Stage(change.Path, change.Content!);
                staged[change] = (temp, null);
                if (change.Kind == Kind.Replace)
                {
                    staged[change] = (temp, _steps.Stage(change.Path, change.Original!));
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            DiscardAll(staged.Values);
            throw new IOException($"{ex.Message}; nothing was changed", ex);
        }

        var undo = new Stack<(string What, Action Step)>();
        var ordered = _changes.Where(c => !c.Last).Concat(_changes.Where(c => c.Last)).ToList();
        try
        {
            foreach (var change in ordered)
            {
                switch (change.Kind)
                {
                    case Kind.Create:
                        if (!_steps.Rename(staged[change].Temp!, change.Path, replace: false))
                        {
                            throw new IOException($"{change.Path} already exists");
                        }
                        undo.Push((change.Path, () => _steps.Discard(change.Path)));
                        break;
                    case Kind.Replace:
                        _steps.Rename(staged[change].Temp!, change.Path, replace: true);
                        var backup = staged[change].Backup!;
                        undo.Push((change.Path, () => _steps.Rename(backup, change.Path, replace: true)));
                        break;
                    case Kind.Rename:
                        if (!_steps.Rename(change.Path, change.To!, replace: false))
                        {
                            throw new IOException($"{change.To} already exists");
                        }
                        undo.Push((change.Path, () =>
                        {
                            if (!_steps.Rename(change.To!, change.Path, replace: false))
                            {
                                throw new IOException($"{change.Path} exists again");
                            }
                        }));
                        break;
                    default:
                        var hidden = BackupName(change.Path);
                        if (!_steps.Rename(change.Path, hidden, replace: false))
                        {
                            throw new IOException($"cannot move {change.Path} aside");
                        }
                        staged[change] = (null, hidden);
                        undo.Push((change.Path, () =>
                        {
                            if (!_steps.Rename(hidden, change.Path, replace: false))
                            {
                                throw new IOException($"{change.Path} exists again");
                            }
                            staged[change] = (null, null);
                        }));
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var lost = new List<string>();
            while (undo.Count > 0)
            {
                var (what, step) = undo.Pop();
                try
                {
                    step();
                }
                catch (Exception undoFailed) when (undoFailed is IOException or UnauthorizedAccessException)
                {
                    lost.Add(what);
                }
            }
            if (lost.Count > 0)
            {
                // What could not be put back keeps its old content in its backup: leave the backups where they are.
                DiscardAll(staged.Where(s => !lost.Contains(s.Key.Path, StringComparer.Ordinal)).Select(s => s.Value));
                throw new IOException($"{ex.Message}; the changes made were undone except for {string.Join(", ", lost)} "
                    + "(its earlier content is in a hidden .evidence- file beside it)", ex);
            }
            DiscardAll(staged.Values);
            throw new IOException($"{ex.Message}; every change was undone, no file changed", ex);
        }
        DiscardAll(staged.Values); // the staged files are in place by now; what is left are the backups
    }

    private void DiscardAll(IEnumerable<(string? Temp, string? Backup)> files)
    {
        foreach (var (temp, backup) in files)
        {
            foreach (var path in new[] { temp, backup })
            {
                if (path is null)
                {
                    continue;
                }
                try
                {
                    _steps.Discard(path);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // a leftover hidden file: swept by a later write, and ignored by every reader
                }
            }
        }
    }

    private static long _counter;

    /// <summary>A hidden name beside <paramref name="path"/> that the temporary-file sweep leaves alone.</summary>
    private static string BackupName(string path) => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!,
        $".evidence-undo-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture)}-{Path.GetFileName(path)}");

    private sealed class DiskSteps : IFileSteps
    {
        public string Stage(string path, byte[] content) => AtomicFile.Stage(path, content);

        public bool Rename(string from, string to, bool replace)
        {
            if (replace)
            {
                AtomicFile.RenameOver(from, to);
                return true;
            }
            return AtomicFile.RenameNoReplace(from, to);
        }

        public void Discard(string path) => AtomicFile.Discard(path);
    }
}
