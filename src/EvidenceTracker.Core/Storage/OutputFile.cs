using System.Text;

namespace EvidenceTracker.Storage;

/// <summary>
/// Where an <c>--output FILE</c> goes, by what is at the path: a regular file (or nothing) is replaced atomically
/// (<see cref="AtomicFile"/>); a symbolic link to a regular file keeps the link and has its target replaced; a named
/// pipe or a character device (<c>/dev/null</c>, <c>/dev/stdout</c>, a terminal) is opened and written to, as a shell's
/// <c>&gt;</c> would — it never becomes a regular file. A folder, a block device, a socket, or a link that leads
/// nowhere is refused. Every failure is an <see cref="IOException"/> whose one-line message names the path.
/// </summary>
public static partial class OutputFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(false);

    /// <summary>Writes what <paramref name="write"/> writes to <paramref name="path"/> (absolute), as described above.</summary>
    public static void Write(string path, Action<TextWriter> write) => Write(path, write, null);

    /// <summary>
    /// As <see cref="Write(string, Action{TextWriter})"/>; with <paramref name="repositoryRoot"/>, a path that is (or
    /// leads through links to) the repository's evidence — a file under <c>claims/</c>, <c>sources/</c>,
    /// <c>articles/</c> or <c>.git/</c>, or <c>evidence.yaml</c> — is refused before anything is written: a report or
    /// an export never replaces what it was made from.
    /// </summary>
    public static void Write(string path, Action<TextWriter> write, string? repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        var target = Decide(path);
        if (repositoryRoot is not null && EvidenceProblem(path, repositoryRoot) is { } problem)
        {
            throw new IOException(problem);
        }
        try
        {
            if (target is null)
            {
                WriteThrough(path, write);
            }
            else
            {
                AtomicFile.Write(target, write);
            }
        }
        catch (IOException ex)
        {
            throw new IOException($"cannot write '{path}': {OneLine(ex.Message, path)}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new IOException($"cannot write '{path}': permission denied", ex);
        }
    }

    /// <summary>Why <paramref name="path"/> may not take an output: it is the repository's evidence (see <see cref="Write(string, Action{TextWriter}, string?)"/>).</summary>
    public static string? EvidenceProblem(string path, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(repositoryRoot);
        var root = Loading.SafeFile.RealDirectory(repositoryRoot);
        // the real path of the folder it is in (links on the way resolved), and of the file when it is a link
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full) is { } dir ? Loading.SafeFile.RealDirectory(dir) : full;
        var real = Path.Combine(folder, Path.GetFileName(full));
        try
        {
            if (File.ResolveLinkTarget(real, returnFinalTarget: true) is { } target)
            {
                real = Path.Combine(Loading.SafeFile.RealDirectory(Path.GetDirectoryName(target.FullName)!), target.Name);
            }
        }
        catch (IOException)
        {
            // a link that loops or cannot be followed: Decide refuses it with its own message
        }
        var relative = Path.GetRelativePath(root, real).Replace('\\', '/');
        if (relative.StartsWith("../", StringComparison.Ordinal) || relative == ".." || Path.IsPathRooted(relative))
        {
            return null;
        }
        var first = relative.Split('/')[0];
        return first is "claims" or "sources" or "articles" or ".git" || relative == "evidence.yaml"
            ? $"'{path}' is {(relative == "evidence.yaml" ? "the repository's settings" : $"in the repository's {first}/")}; an output never replaces the evidence it was made from: give another --output"
            : null;
    }

    /// <summary>The regular file to replace atomically, or null to write through to what is at the path.</summary>
    private static string? Decide(string path)
    {
        var kind = Posix.KindOf(path, followLinks: true);
        if (kind is null)
        {
            // Not Linux (or the kind cannot be told): only folders and links are told apart.
            if (Directory.Exists(path))
            {
                throw new IOException($"'{path}' is a folder; give a file name for the output");
            }
            return new FileInfo(path).LinkTarget is null ? path : File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path;
        }
        var isLink = Posix.KindOf(path, followLinks: false) == FileKind.SymbolicLink;
        switch (kind)
        {
            case FileKind.Missing when isLink:
                throw new IOException($"'{path}' is a symbolic link to a file that does not exist; not written");
            case FileKind.Missing:
                return path;
            case FileKind.Regular when !isLink:
                return path;
            case FileKind.Regular:
                // The link stays; its final target is replaced. A link whose target is no real path (such as
                // /proc/self/fd/1 to a deleted file) is written through instead.
                var final = File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName;
                return final is not null && Posix.KindOf(final, followLinks: false) == FileKind.Regular ? final : null;
            case FileKind.NamedPipe or FileKind.CharacterDevice:
                return null;
            case FileKind.Directory:
                throw new IOException($"'{path}' is a folder; give a file name for the output");
            default:
                throw new IOException($"'{path}' is a {Describe(kind.Value)}; write to a regular file, a named pipe or a character device");
        }
    }

    private static string Describe(FileKind kind) => kind switch
    {
        FileKind.BlockDevice => "block device",
        FileKind.Socket => "socket",
        _ => "special file",
    };

    /// <summary>Opens what is at the path (following links) for writing, without creating or replacing anything.</summary>
    private static void WriteThrough(string path, Action<TextWriter> write)
    {
        // FileMode.Open: never creates a file (a pipe's or device's node must be there). No truncation is asked
        // for: pipes and character devices have no content to cut, and a regular file does not come this way
        // except through a link to a deleted file.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1, FileOptions.None);
        using (var text = new StreamWriter(stream, Utf8NoBom, 1 << 16, leaveOpen: true))
        {
            write(text);
        }
        stream.Flush();
    }

    /// <summary>An exception's message without its own copy of the path and without line breaks.</summary>
    private static string OneLine(string message, string path)
    {
        // .NET ends an I/O error with " : 'path'", which may be the temporary file's: the caller names the output.
        var text = TrailingPath().Replace(message, "").Replace($"'{path}'", "it", StringComparison.Ordinal);
        return string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
    }

    [System.Text.RegularExpressions.GeneratedRegex(" ?: '[^']*'\\s*$")]
    private static partial System.Text.RegularExpressions.Regex TrailingPath();
}
