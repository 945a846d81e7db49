using Microsoft.Win32.SafeHandles;

namespace EvidenceTracker.Storage;

/// <summary>A file named by the user that cannot be read or written; <see cref="Exception.Message"/> is one line naming it.</summary>
public sealed class UserFileException : IOException
{
    public UserFileException()
        : this("the file cannot be read")
    {
    }

    public UserFileException(string message)
        : base(message) => Reason = message;

    public UserFileException(string message, Exception inner)
        : base(message, inner) => Reason = message;

    public UserFileException(string shown, string reason)
        : base($"'{shown}' {reason}") => Reason = reason;

    /// <summary>Why, without the file's name: "is a named pipe, not a regular file".</summary>
    public string Reason { get; }

    /// <summary>Refused for its size (the others: not there, not a regular file, not readable).</summary>
    public bool TooLarge { get; init; }
}

/// <summary>
/// Reads and appends to files the user names on the command line or in the environment (a baseline, the files and
/// bibliographies import reads, the job summary): never without a size cap, never from a device, and never blocking on
/// a named pipe that no process writes to. A regular file over the cap is refused before it is opened; a character or
/// block device (<c>/dev/zero</c>) or a socket is refused; a named pipe is refused unless the caller reads pipes (a
/// baseline given as <c>&lt;(cat base.json)</c>), and then it is opened with O_NONBLOCK, so that a pipe without a
/// writer reads as empty at once instead of waiting for one, and read no further than the cap. Every refusal is a
/// <see cref="UserFileException"/> (an <see cref="IOException"/>) with a one-line message.
/// </summary>
public static class UserFile
{
    /// <summary>A baseline lists one entry (some 300 bytes) per finding; this is several hundred thousand of them.</summary>
    public const long MaxBaselineBytes = 256L << 20;

    /// <summary>BibTeX, RIS, CSL-JSON and CSL-YAML files given to import or named by an article.</summary>
    public const long MaxBibliographyBytes = 256L << 20;

    /// <summary>
    /// The bytes of the file at <paramref name="path"/> (absolute; a link is followed: the user named it), at most
    /// <paramref name="maxBytes"/> of them. <paramref name="shown"/> is the path as the user wrote it, for messages.
    /// </summary>
    public static byte[] ReadAllBytes(string path, string shown, long maxBytes, bool pipes)
    {
        using var stream = OpenRead(path, shown, maxBytes, pipes);
        var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        while (true)
        {
            int n;
            try
            {
                n = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, maxBytes + 1 - buffer.Length));
            }
            catch (IOException ex)
            {
                throw new UserFileException(shown, $"cannot be read: {OneLine(ex.Message)}");
            }
            if (n == 0)
            {
                return buffer.ToArray();
            }
            buffer.Write(chunk, 0, n);
            if (buffer.Length > maxBytes)
            {
                throw new UserFileException(shown, $"is over the {Size(maxBytes)} limit") { TooLarge = true };
            }
        }
    }

    /// <summary>
    /// Opens the file at <paramref name="path"/> for reading after the checks above (its size against
    /// <paramref name="maxBytes"/> when it is a regular file); the caller reads it, within the cap if a pipe.
    /// </summary>
    public static Stream OpenRead(string path, string shown, long maxBytes, bool pipes)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(shown);
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            throw new UserFileException(Model.Values.Printable(shown), "is not a file name (it holds a NUL character)");
        }
        try
        {
            Refuse(Posix.KindOf(path, followLinks: true), path, shown, maxBytes, pipes);
            if (Posix.OpenNonBlocking(path, append: false) is not { } opened)
            {
                // Not Linux, or open flags numbered otherwise: the size checked above is all that can be done.
                return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            }
            var handle = Handle(opened, shown);
            try
            {
                // what was opened, not what the path named a moment before
                Refuse(opened.Kind, path, shown, maxBytes, pipes);
                return new FileStream(handle, FileAccess.Read, 1);
            }
            catch
            {
                handle.Dispose();
                throw;
            }
        }
        catch (UserFileException)
        {
            throw;
        }
        catch (UnauthorizedAccessException)
        {
            throw new UserFileException(shown, "cannot be read: permission denied");
        }
        catch (IOException ex)
        {
            throw new UserFileException(shown, $"cannot be read: {OneLine(ex.Message)}");
        }
    }

    /// <summary>
    /// Appends <paramref name="bytes"/> to the regular file at <paramref name="path"/>, created when missing. A named
    /// pipe, a device, a socket or a folder is refused (never opened for long, never waited on).
    /// </summary>
    public static void Append(string path, string shown, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(shown);
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            throw new UserFileException(Model.Values.Printable(shown), "is not a file name (it holds a NUL character)");
        }
        try
        {
            var kind = Posix.KindOf(path, followLinks: true);
            if (kind is not (null or FileKind.Missing or FileKind.Regular))
            {
                throw new UserFileException(shown, Describe(kind.Value));
            }
            if (Posix.OpenNonBlocking(path, append: true) is not { } opened)
            {
                using var portable = File.OpenHandle(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
                RandomAccess.Write(portable, bytes, RandomAccess.GetLength(portable));
                return;
            }
            using var handle = Handle(opened, shown);
            if (opened.Kind is not (null or FileKind.Regular))
            {
                throw new UserFileException(shown, Describe(opened.Kind.Value));
            }
            // opened with O_APPEND: every write goes to the end, whatever the offset
            RandomAccess.Write(handle, bytes, RandomAccess.GetLength(handle));
        }
        catch (UserFileException)
        {
            throw;
        }
        catch (UnauthorizedAccessException)
        {
            throw new UserFileException(shown, "cannot be written: permission denied");
        }
        catch (IOException ex)
        {
            throw new UserFileException(shown, $"cannot be written: {OneLine(ex.Message)}");
        }
    }

    private static SafeFileHandle Handle((int Fd, FileKind? Kind) opened, string shown) => opened.Fd >= 0
        ? new SafeFileHandle(opened.Fd, ownsHandle: true)
        : throw new UserFileException(shown, opened.Fd switch
        {
            -2 => Missing(shown),
            -13 => "cannot be opened: permission denied",
            -21 => "is a folder, not a file",
            -6 => "is a named pipe that no process reads",
            var e => $"cannot be opened: {System.Runtime.InteropServices.Marshal.GetPInvokeErrorMessage(-e)}",
        });

    /// <summary>
    /// Why a file is not there: a name that is not valid UTF-8 reaches .NET with U+FFFD in place of its bytes, so the
    /// file listed in a folder cannot be opened under the name read: that is said, rather than that it does not exist.
    /// </summary>
    private static string Missing(string shown) => shown.Contains('\uFFFD', StringComparison.Ordinal)
        ? "cannot be opened: its name is not valid UTF-8 (rename the file)"
        : "does not exist";

    private static void Refuse(FileKind? kind, string path, string shown, long maxBytes, bool pipes)
    {
        switch (kind)
        {
            case FileKind.Missing:
                throw new UserFileException(shown, Missing(shown));
            case FileKind.Directory:
                throw new UserFileException(shown, "is a folder, not a file");
            case FileKind.NamedPipe when pipes:
                return;
            case FileKind.Regular or null:
                var info = new FileInfo(path);
                if (kind is null && Directory.Exists(path))
                {
                    throw new UserFileException(shown, "is a folder, not a file");
                }
                if (kind is null && !info.Exists)
                {
                    throw new UserFileException(shown, "does not exist");
                }
                if (info.Length > maxBytes)
                {
                    throw new UserFileException(shown, $"is {Size(info.Length)}, over the {Size(maxBytes)} limit") { TooLarge = true };
                }
                return;
            default:
                throw new UserFileException(shown, Describe(kind.Value));
        }
    }

    private static string Describe(FileKind kind) => kind switch
    {
        FileKind.NamedPipe => "is a named pipe, not a regular file",
        FileKind.CharacterDevice or FileKind.BlockDevice => "is a device, not a regular file",
        FileKind.Socket => "is a socket, not a regular file",
        FileKind.Directory => "is a folder, not a file",
        _ => "is not a regular file",
    };

    private static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    internal static string Size(long bytes) => bytes >= 1 << 20
        ? $"{bytes / (double)(1 << 20):0.#} MB".Replace(',', '.')
        : $"{bytes / 1024.0:0.#} KB".Replace(',', '.');
}
