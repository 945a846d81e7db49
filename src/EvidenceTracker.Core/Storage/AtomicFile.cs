using System.Text;

namespace EvidenceTracker.Storage;

/// <summary>Writes that never leave a half-written file: a temporary file in the same folder, then a rename.</summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(false);

    /// <summary>Replaces (or creates) <paramref name="path"/> with <paramref name="content"/>.</summary>
    public static void Write(string path, string content) => Write(path, Utf8NoBom.GetBytes(content));

    /// <summary>
    /// Creates <paramref name="path"/> with <paramref name="content"/>, never replacing an existing file: written to a
    /// temporary file in the same (existing) folder, then moved into place only if the name is still free. False when
    /// the file already exists. <paramref name="durable"/> flushes the content to disk before the move.
    /// </summary>
    public static bool CreateNew(string path, byte[] content, bool durable = true)
    {
        ArgumentNullException.ThrowIfNull(content);
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        if (!durable && LinuxFiles.TryCreateNew(full, temp, content) is { } created)
        {
            return created;
        }
        var moved = false;
        try
        {
            // A bare handle (no FileStream buffer, no advisory lock): the fewest system calls per file.
            using (var handle = File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete))
            {
                RandomAccess.Write(handle, content, 0);
                if (durable)
                {
                    RandomAccess.FlushToDisk(handle);
                }
            }
            try
            {
                File.Move(temp, full, overwrite: false);
                moved = true;
                return true;
            }
            catch (IOException) when (File.Exists(full) || Directory.Exists(full))
            {
                return false;
            }
        }
        finally
        {
            if (!moved)
            {
                File.Delete(temp);
            }
        }
    }

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
}
