using System.Security.Cryptography;
using System.Text.RegularExpressions;
using EvidenceTracker.Model;

namespace EvidenceTracker.Verification;

/// <summary>Where snapshots live, how they are named and hashed, and which of them no source refers to.</summary>
public static partial class SnapshotFiles
{
    /// <summary>The folder of snapshots, relative to <c>sources/</c>.</summary>
    public const string Folder = "snapshots";

    /// <summary>How many hex digits of the content's SHA-256 a snapshot's name carries.</summary>
    public const int HashDigits = 12;

    /// <summary>What a file holds, by its extension: a web page (html, htm, xhtml), a PDF, Markdown (md, markdown), else text.</summary>
    public static SnapshotKind KindFor(string inputPath)
    {
        ArgumentNullException.ThrowIfNull(inputPath);
        var ext = Path.GetExtension(inputPath).TrimStart('.').ToLowerInvariant();
        return ext switch
        {
            "html" or "htm" or "xhtml" => SnapshotKind.Html,
            "md" or "markdown" => SnapshotKind.Markdown,
            "pdf" => SnapshotKind.Pdf,
            _ => SnapshotKind.Text,
        };
    }

    /// <summary>A name to suggest for a file the user copies into the folder by hand: <c>snapshots/&lt;id&gt;.&lt;ext&gt;</c>.</summary>
    public static string FieldValue(string sourceId, SnapshotKind kind) => $"{Folder}/{sourceId}.{Model.Names.Of(kind)}";

    /// <summary>
    /// The <c>snapshot</c> value of a snapshot the tool writes: <c>snapshots/&lt;id&gt;.&lt;first 12 hex digits of
    /// its SHA-256&gt;.&lt;ext&gt;</c>. New content gets a new name, so the file the source refers to is never
    /// replaced: the source file's rewrite is the one step that moves the source from its old snapshot to its new.
    /// </summary>
    public static string FieldValue(string sourceId, string sha256, SnapshotKind kind) =>
        $"{Folder}/{sourceId}.{sha256[..HashDigits]}.{Model.Names.Of(kind)}";

    /// <summary>Lowercase hex SHA-256 of the bytes, as <c>snapshot-sha256</c> records it.</summary>
    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*\\.(?<hash>[0-9a-f]{12})\\.(?:html|md|txt|pdf)$", RegexOptions.CultureInvariant)]
    private static partial Regex ToolName();

    /// <summary>
    /// Whether a file name in <c>sources/snapshots/</c> has the shape of one the tool writes
    /// (<c>&lt;id&gt;.&lt;12 hex digits&gt;.&lt;html|md|txt|pdf&gt;</c>); <paramref name="hash"/> is its hex digits.
    /// </summary>
    public static bool IsToolName(string fileName, out string hash)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var match = ToolName().Match(fileName);
        hash = match.Success ? match.Groups["hash"].Value : "";
        return match.Success;
    }

    /// <summary>
    /// The files directly in <c>sources/snapshots/</c> that no source refers to (file names, sorted): neither a source
    /// read by <paramref name="referenced"/> (its <c>snapshot</c> values) nor, conservatively, any source file in
    /// <paramref name="unreadSourceFiles"/> (full paths of files that could not be read as sources), whose text is
    /// searched for the name. Hidden files (temporary files) are left out. A source file that is a link, a named pipe or
    /// over 1 MB could name any of them: none is then reported.
    /// </summary>
    public static IReadOnlyList<string> Unreferenced(string root, IEnumerable<string?> referenced, IEnumerable<string> unreadSourceFiles)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(referenced);
        ArgumentNullException.ThrowIfNull(unreadSourceFiles);
        var folder = Path.Combine(root, "sources", Folder);
        if (!Directory.Exists(folder) || new DirectoryInfo(folder).LinkTarget is not null)
        {
            return [];
        }
        var named = referenced.Where(r => r is not null && r.StartsWith(Folder + "/", StringComparison.Ordinal))
            .Select(r => r![(Folder.Length + 1)..]).ToHashSet(StringComparer.Ordinal);
        var candidates = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var name = Path.GetFileName(file);
            if (!name.StartsWith('.') && !named.Contains(name))
            {
                candidates.Add(name);
            }
        }
        if (candidates.Count == 0)
        {
            return [];
        }
        foreach (var path in unreadSourceFiles)
        {
            string text;
            try
            {
                // A link is not followed (it could lead out of the repository); a named pipe is never opened, so that
                // nothing waits on it; a file over the size check reads is not read either.
                if (new FileInfo(path).LinkTarget is not null)
                {
                    return [];
                }
                text = System.Text.Encoding.UTF8.GetString(Storage.UserFile.ReadAllBytes(path, path, Loading.SafeFile.MaxYamlBytes, pipes: false));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return []; // a source that cannot be read could refer to any of them
            }
            candidates.RemoveAll(c => text.Contains(c, StringComparison.Ordinal));
        }
        candidates.Sort(StringComparer.Ordinal);
        return candidates;
    }

    /// <summary>
    /// Removes the unreferenced snapshots the tool wrote and nothing else: a regular file (not a link) whose name has
    /// the tool's shape and whose content still hashes to the digits in its name. Source files are searched as text
    /// (any mention keeps a file). Call it only under the sources folder's edit lock (no snapshot is being taken).
    /// Returns the names removed.
    /// </summary>
    public static IReadOnlyList<string> RemoveStrays(string root, IEnumerable<string> only)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(only);
        var folder = Path.Combine(root, "sources", Folder);
        var wanted = only.Where(n => IsToolName(n, out _)).ToHashSet(StringComparer.Ordinal);
        if (wanted.Count == 0 || !Directory.Exists(folder))
        {
            return [];
        }
        var sourceFiles = Directory.EnumerateFiles(Path.Combine(root, "sources"), "*.yaml")
            .Where(f => !Path.GetFileName(f).StartsWith('.'));
        var removed = new List<string>();
        foreach (var name in Unreferenced(root, [], sourceFiles).Where(wanted.Contains))
        {
            var path = Path.Combine(folder, name);
            try
            {
                var info = new FileInfo(path);
                if (info.LinkTarget is not null || !info.Exists || info.Length > Loading.SafeFile.MaxDocumentBytes
                    || !IsToolName(name, out var hash) || !Sha256(File.ReadAllBytes(path)).StartsWith(hash, StringComparison.Ordinal))
                {
                    continue; // changed since the tool wrote it, or not a plain file: the user's, kept
                }
                File.Delete(path);
                removed.Add(name);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // left for the next run; check reports it as a stray
            }
        }
        return removed;
    }

    /// <summary>The names of the files directly in <c>sources/snapshots/</c> (hidden ones left out).</summary>
    public static IEnumerable<string> Names(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var folder = Path.Combine(root, "sources", Folder);
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Select(f => Path.GetFileName(f)).Where(n => !n.StartsWith('.'))
            : [];
    }
}
