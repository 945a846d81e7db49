using System.Buffers;
using System.Text;
using System.Text.Unicode;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Text;

namespace EvidenceTracker.Loading;

/// <summary>
/// Reads a file of the evidence repo as UTF-8 text without ever throwing: a symbolic link leading out of the
/// repository, an oversized or unreadable file, and invalid UTF-8 each become one finding.
/// </summary>
public static class SafeFile
{
    /// <summary>Claim, source and settings files are small; anything larger is refused unread.</summary>
    public const long MaxYamlBytes = 1 << 20;

    /// <summary>Articles and snapshots may be longer.</summary>
    public const long MaxDocumentBytes = 16L << 20;

    public static string? ReadText(string fullPath, string realRoot, long maxBytes, FindingSink sink, string rule)
    {
        try
        {
            var info = new FileInfo(fullPath);
            if (!info.Exists && info.LinkTarget is null)
            {
                sink.Add(rule, "cannot read the file: it is no longer there (removed while the repository was read?)", null);
                return null;
            }
            return ReadText(fullPath, info.Exists ? info.Length : 0, info.LinkTarget is not null, realRoot, maxBytes, sink, rule);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Failed(ex, sink, rule);
        }
    }

    /// <summary>
    /// Reads a file found by enumerating the repository: on Linux in the fewest system calls, falling back to
    /// <see cref="ReadText(string, string, long, FindingSink, string)"/> for links, errors and oversized files.
    /// </summary>
    public static string? ReadEnumerated(string fullPath, string realRoot, long maxBytes, FindingSink sink, string rule)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (Storage.LinuxFiles.TryReadAll(fullPath, maxBytes, out var length) is not { } buffer)
        {
            return ReadText(fullPath, realRoot, maxBytes, sink, rule);
        }
        try
        {
            return Decode(buffer.AsSpan(0, length), sink, rule);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads a file whose length and link status are known (a link is resolved and checked here).</summary>
    private static string? ReadText(string fullPath, long length, bool isLink, string realRoot, long maxBytes, FindingSink sink, string rule)
    {
        ArgumentNullException.ThrowIfNull(sink);
        try
        {
            var path = fullPath;
            if (isLink)
            {
                var info = new FileInfo(fullPath);
                var target = info.ResolveLinkTarget(returnFinalTarget: true);
                if (target is null || !target.Exists)
                {
                    sink.Add(rule, $"symbolic link to '{info.LinkTarget}', which does not exist", null);
                    return null;
                }
                if (!IsInside(target.FullName, realRoot))
                {
                    sink.Add(rule, $"symbolic link leads outside the repository (to '{info.LinkTarget}'); not read", null);
                    return null;
                }
                path = target.FullName;
                length = ((FileInfo)target).Length;
            }
            if (length > maxBytes)
            {
                sink.Add(rule, $"file is {Size(length)}; files larger than {Size(maxBytes)} are not read", null);
                return null;
            }
            if (length == 0)
            {
                // Empty, or not a regular file (a named pipe or a device reports no length): never opened,
                // so reading cannot block.
                return "";
            }
            var bytes = File.ReadAllBytes(path);
            return Decode(bytes, sink, rule);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Failed(ex, sink, rule);
        }
    }

    private static string? Failed(Exception ex, FindingSink sink, string rule)
    {
        sink.Add(rule, ex is UnauthorizedAccessException ? "cannot read the file: permission denied" : $"cannot read the file: {ex.Message}", null);
        return null;
    }

    /// <summary>Strict UTF-8 with an optional BOM; invalid bytes are reported with their line and column.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, FindingSink sink, string rule)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }
        if (Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }
        var buffer = ArrayPool<char>.Shared.Rent(bytes.Length + 1);
        try
        {
            Utf8.ToUtf16(bytes, buffer, out var read, out var written, replaceInvalidSequences: false);
            var at = LineIndex.Of(buffer.AsSpan(0, written)).PositionOf(written);
            sink.Add(rule, $"the file is not valid UTF-8 (byte 0x{bytes[read]:X2} at offset {read}); save it as UTF-8", at);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
        return null;
    }

    public static bool IsInside(string path, string root)
    {
        var full = Path.GetFullPath(path);
        var r = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        return full.StartsWith(r, StringComparison.Ordinal);
    }

    /// <summary>The real path of a directory, with symbolic links resolved.</summary>
    public static string RealDirectory(string dir)
    {
        var full = Path.GetFullPath(dir);
        try
        {
            var info = new DirectoryInfo(full);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(true) is { } t)
            {
                return t.FullName;
            }
        }
        catch (IOException)
        {
        }
        return full;
    }

    private static string Size(long bytes) => bytes >= 1 << 20
        ? $"{bytes / (double)(1 << 20):0.#} MB".Replace(',', '.')
        : $"{bytes / 1024.0:0.#} KB".Replace(',', '.');
}
