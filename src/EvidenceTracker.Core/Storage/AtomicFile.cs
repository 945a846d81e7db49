using System.Text;

namespace EvidenceTracker.Storage;

/// <summary>Writes that never leave a half-written file: a temporary file in the same folder, then a rename.</summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(false);

    /// <summary>Replaces (or creates) <paramref name="path"/> with <paramref name="content"/>.</summary>
    public static void Write(string path, string content) => Write(path, Utf8NoBom.GetBytes(content));

    public static void Write(string path, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
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
        var temps = new List<(string Temp, string Full, bool New)>(files.Count);
        var conflicts = new List<string>();
        try
        {
            foreach (var (path, content, isNew) in files)
            {
                var full = Path.GetFullPath(path);
                var dir = Path.GetDirectoryName(full)!;
                var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
                temps.Add((temp, full, isNew));
                // a fresh temporary name: no other writer can have it open, so no advisory lock is needed
                using var handle = File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite);
                RandomAccess.Write(handle, content, 0);
            }
            foreach (var (temp, full, isNew) in temps)
            {
                if (isNew)
                {
                    try
                    {
                        File.Move(temp, full, overwrite: false);
                    }
                    catch (IOException) when (File.Exists(full))
                    {
                        conflicts.Add(full);
                    }
                }
                else
                {
                    File.Move(temp, full, overwrite: true);
                }
            }
        }
        finally
        {
            foreach (var (temp, _, _) in temps)
            {
                if (File.Exists(temp))
                {
                    File.Delete(temp);
                }
            }
        }
        return conflicts;
    }
}
