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
    /// temporary file, then moved into place only if the name is still free. False when the file already exists.
    /// <paramref name="durable"/> flushes the content to disk before the move (slower; for single-file writes).
    /// </summary>
    public static bool WriteNew(string path, byte[] content, bool durable = true)
    {
        ArgumentNullException.ThrowIfNull(content);
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        if (File.Exists(full) || Directory.Exists(full))
        {
            return false;
        }
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: durable);
            }
            try
            {
                File.Move(temp, full, overwrite: false);
                return true;
            }
            catch (IOException) when (File.Exists(full))
            {
                return false;
            }
        }
        finally
        {
            if (File.Exists(temp))
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
