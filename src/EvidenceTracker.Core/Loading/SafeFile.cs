using System.Buffers;
using System.Text;
using System.Text.Unicode;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Text;
using EvidenceTracker.Verification;

namespace EvidenceTracker.Loading;

/// <summary>
/// Reads a file of the evidence repo as UTF-8 text without ever throwing: a symbolic link leading out of the
/// repository, an oversized or unreadable file, a named pipe or device, and invalid UTF-8 each become one finding.
/// Whether a path is inside the repository is decided on its real path (<see cref="RealPath"/>); the folders a
/// file is found in are checked once by the caller (<see cref="FolderProblem"/>).
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
            // An existing entry's attributes come from the lstat above (a link is a reparse point): no further call.
            var isLink = info.Exists ? (info.Attributes & FileAttributes.ReparsePoint) != 0 : info.LinkTarget is not null;
            return ReadText(fullPath, info.Exists ? info.Length : 0, isLink, realRoot, maxBytes, sink, rule);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Failed(ex, sink, rule);
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
                // Decided on the real path (every link on the way resolved, as the OS would), before anything about the
                // target is looked at: a link out of the repository is refused whether or not its target exists.
                var linkTarget = new FileInfo(fullPath).LinkTarget;
                var real = RealPath.Resolve(fullPath);
                if (real is null)
                {
                    sink.Add(rule, $"symbolic link to '{linkTarget}' loops or cannot be resolved; not read", null);
                    return null;
                }
                if (!RealPath.IsInside(real, realRoot))
                {
                    sink.Add(rule, $"symbolic link leads outside the repository (to '{linkTarget}'); not read", null);
                    return null;
                }
                var target = new FileInfo(real);
                if (!target.Exists)
                {
                    sink.Add(rule, Directory.Exists(real)
                        ? $"symbolic link to '{linkTarget}', which is a folder, not a file"
                        : $"symbolic link to '{linkTarget}', which does not exist", null);
                    return null;
                }
                path = real;
                length = target.Length;
            }
            if (length > maxBytes)
            {
                sink.Add(rule, $"file is {Size(length)}; files larger than {Size(maxBytes)} are not read", null);
                return null;
            }
            if (length == 0)
            {
                // Empty, or not a regular file (a named pipe or a device reports no length): never opened, so reading
                // cannot block. Where the type can be told, a named pipe, socket or device is said to be one.
                if (Storage.LinuxFiles.IsSpecial(path) == true)
                {
                    sink.Add(rule, "not a regular file (a named pipe, a socket or a device); not read", null);
                    return null;
                }
                return "";
            }
            return ReadAndDecode(path, length, maxBytes, sink, rule);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Failed(ex, sink, rule);
        }
    }

    /// <summary>
    /// Reads the file into a pooled buffer and decodes it: the bytes of 120,000 claim and source files are not each
    /// left to the collector (about 60 MB at 100,000 claims). The length from the directory entry sizes the buffer; a
    /// file that grew since is read on to its end, and one that grew past <paramref name="maxBytes"/> is refused.
    /// </summary>
    internal static string? ReadAndDecode(string path, long length, long maxBytes, FindingSink sink, string rule)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(length + 1, maxBytes + 1));
        try
        {
            var read = 0;
            while (true)
            {
                var n = RandomAccess.Read(handle, buffer.AsSpan(read), read);
                read += n;
                // A regular file reads short only at its end: the usual file takes one read.
                if (n == 0 || read < buffer.Length || read > maxBytes)
                {
                    break;
                }
                var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, maxBytes + 1));
                buffer.AsSpan(0, read).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }
            if (read > maxBytes)
            {
                sink.Add(rule, $"file is over {Size(maxBytes)} (it grew while it was read); files larger than {Size(maxBytes)} are not read", null);
                return null;
            }
            return Decode(buffer.AsSpan(0, read), sink, rule);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Why a file of <paramref name="text"/> may not be written: check would refuse to read it (over
    /// <paramref name="maxBytes"/>). The commands that write claims and sources ask before writing, as import does.
    /// </summary>
    public static string? TooLargeProblem(string file, string text, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Encoding.UTF8.GetByteCount(text);
        return bytes > maxBytes
            ? $"{file} would be {Size(bytes)}, and check reads no file over {Size(maxBytes)}; nothing was written (shorten the longest value)"
            : null;
    }

    /// <summary>
    /// Why the folder <paramref name="folder"/> (relative to <paramref name="root"/>) may not be read or written to: it
    /// resolves — through a symbolic link, itself or on the way — outside the repository whose real path is
    /// <paramref name="realRoot"/>, or into a loop. Null when it lies inside, or would if made; a folder linked to
    /// another place inside the repository is fine.
    /// </summary>
    public static string? FolderProblem(string root, string realRoot, string folder)
    {
        var dir = Path.Combine(root, folder);
        try
        {
            // A folder not made yet is judged by where it would be made: under a linked parent, perhaps outside.
            var real = RealPath.Resolve(dir);
            if (real is null)
            {
                return $"the folder {folder}/ is a symbolic link that loops or cannot be resolved; nothing in it is read or written";
            }
            return RealPath.IsInside(real, realRoot)
                ? null
                : $"the folder {folder}/ leads outside the repository (a symbolic link); nothing in it is read or written";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"the folder {folder}/ cannot be read: {ex.Message}";
        }
    }

    /// <summary>
    /// Why the file <paramref name="fullPath"/>, which an editing command is about to read and replace, may not be:
    /// it is a symbolic link (replacing it would put a copy where the link was; following it could leave the
    /// repository). Null when it is a plain file.
    /// </summary>
    public static string? LinkProblem(string fullPath, string display)
    {
        try
        {
            return new FileInfo(fullPath).LinkTarget is null
                ? null
                : $"{display} is a symbolic link; it is not edited (edit the file it leads to, or replace the link with the file)";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"cannot read {display}: {ex.Message}";
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

    /// <summary>The real path of a directory, with every symbolic link on the way resolved.</summary>
    public static string RealDirectory(string dir) => RealPath.Resolve(Path.GetFullPath(dir)) ?? Path.GetFullPath(dir);

    private static string Size(long bytes) => bytes >= 1 << 20
        ? $"{bytes / (double)(1 << 20):0.#} MB".Replace(',', '.')
        : $"{bytes / 1024.0:0.#} KB".Replace(',', '.');
}
