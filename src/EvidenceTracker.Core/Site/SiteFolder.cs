using System.IO.Enumeration;
using System.Security.Cryptography;
using System.Text.Json;

namespace EvidenceTracker.Site;

/// <summary>An output folder the build refuses to write to, or a page it refuses to write: a one-line reason.</summary>
public sealed class SiteOutputException : Exception
{
    public SiteOutputException()
        : base("the site folder cannot be written")
    {
    }

    public SiteOutputException(string message)
        : base(message)
    {
    }

    public SiteOutputException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>
/// What an output folder holds, read without following any link: its regular files, the links in it (never
/// entered, never written through, never removed) and its folders, as '/'-separated paths relative to the folder.
/// </summary>
internal sealed class SiteFolder
{
    private SiteFolder(string root)
    {
        Root = root;
    }

    public string Root { get; }

    public HashSet<string> Files { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Links { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Folders { get; } = new(StringComparer.Ordinal);

    public static SiteFolder Read(string root)
    {
        var folder = new SiteFolder(root);
        if (Directory.Exists(root) && new DirectoryInfo(root).LinkTarget is null)
        {
            folder.Walk(root, "");
        }
        return folder;
    }

    /// <summary>Every entry, hidden ones included, as the listing gives it; an unreadable folder fails the build.</summary>
    private static readonly EnumerationOptions Listing = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    private void Walk(string dir, string prefix)
    {
        // Names and types straight from the directory listing (no FileInfo per entry: a site has a quarter of a million).
        var entries = new FileSystemEnumerable<(string Name, bool Directory, bool Link)>(dir,
            (ref FileSystemEntry e) => (e.FileName.ToString(), e.IsDirectory, (e.Attributes & FileAttributes.ReparsePoint) != 0), Listing);
        foreach (var (name, isDirectory, isLink) in entries)
        {
            var relative = prefix + name;
            // A link, of any kind, is never entered (a folder is asked for its link target too: a junction on Windows).
            if (isLink || isDirectory && new DirectoryInfo(Path.Combine(dir, name)).LinkTarget is not null)
            {
                Links.Add(relative);
            }
            else if (isDirectory)
            {
                Folders.Add(relative);
                Walk(Path.Combine(dir, name), relative + "/");
            }
            else
            {
                Files.Add(relative);
            }
        }
    }

    /// <summary>The first link met on the way to <paramref name="relative"/> (the path itself included), or null.</summary>
    public string? LinkOnTheWay(string relative)
    {
        for (var slash = relative.IndexOf('/', StringComparison.Ordinal); slash >= 0; slash = relative.IndexOf('/', slash + 1))
        {
            if (Links.Contains(relative[..slash]))
            {
                return relative[..slash];
            }
        }
        return Links.Contains(relative) ? relative : null;
    }

    /// <summary>Whether a path names a hidden file or lies in a hidden folder (the manifest, temporary files, .nojekyll).</summary>
    public static bool Hidden(string relative) => relative.Split('/').Any(part => part.StartsWith('.'));

    /// <summary>
    /// Whether a path has the shape of a page the build writes (the top-level pages, <c>assets/</c>, and the pages of
    /// <c>articles/</c>, <c>claims/</c>, <c>sources/</c>): what a site built before manifests existed holds.
    /// </summary>
    public static bool ShapedLikeAPage(string relative)
    {
        var parts = relative.Split('/');
        return parts.Length switch
        {
            1 => parts[0] is "index.html" or "README.md" or "matrix.html" or "matrix.md" or "evidence.json" or "sources.html" or "sources.md",
            2 => parts[0] switch
            {
                "assets" => parts[1].EndsWith(".css", StringComparison.Ordinal) || parts[1].EndsWith(".js", StringComparison.Ordinal),
                "articles" or "claims" or "sources" => parts[1].EndsWith(".html", StringComparison.Ordinal) || parts[1].EndsWith(".md", StringComparison.Ordinal),
                _ => false,
            },
            _ => false,
        };
    }
}

/// <summary>
/// The list of files a build wrote, with the SHA-256 of each, kept in the output folder as <see cref="FileName"/>:
/// a later build removes only files listed here whose content is still what it wrote. Beside it, the digest of the
/// inputs of each group of pages (<see cref="PageGroup"/>, by stem): a later build does not render again a group whose
/// inputs are unchanged and whose files are all still there as it wrote them.
/// </summary>
internal static class SiteManifest
{
    /// <summary>
    /// What a manifest lists: path → SHA-256 of the file written; group stem → digest of its inputs; and the digest of
    /// the whole repository the build read (<see cref="RepositoryDigest"/>), when it had one.
    /// </summary>
    internal sealed record Contents(Dictionary<string, string> Files, Dictionary<string, string> Inputs)
    {
        public string? Repository { get; init; }
    }

    public const string FileName = ".evidence-site.json";

    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The SHA-256 of a regular file, or null when it cannot be read.</summary>
    public static string? HashOfFile(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// The manifest of a folder: path → hash, and stem → inputs; null when there is none. A manifest that cannot be
    /// read, or that lists a path outside the folder, counts as none: nothing it lists is trusted. A manifest without
    /// inputs (written before they were recorded) has every group rendered again.
    /// </summary>
    public static Contents? Read(string outDir, SiteFolder folder)
    {
        if (!folder.Files.Contains(FileName))
        {
            return null;
        }
        try
        {
            // Read with a forward-only reader, not a JsonDocument: at 100,000 claims the manifest is 32 MB, and a
            // document's index of it is rented from the shared array pool, which keeps it (32 MB, once per thread that
            // read a manifest) for the rest of the build.
            var bytes = File.ReadAllBytes(Path.Combine(outDir, FileName));
            Dictionary<string, string>? entries = null;
            var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
            string? repository = null, seal = null;
            var reader = Reader(bytes);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                // A property given twice counts the last time, as a JSON document reads it.
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "files" when reader.TokenType == JsonTokenType.StartObject:
                        entries = new Dictionary<string, string>(StringComparer.Ordinal);
                        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                        {
                            var file = reader.GetString()!;
                            reader.Read();
                            if (reader.TokenType != JsonTokenType.String || !SafeRelative(file))
                            {
                                return null;
                            }
                            // The folder's own string of the path where it has the file (one copy of 250,000 paths, not two).
                            entries[folder.Files.TryGetValue(file, out var path) ? path : file] = reader.GetString()!;
                        }
                        break;
                    case "files":
                        return null;
                    case "inputs" when reader.TokenType == JsonTokenType.StartObject:
                        inputs.Clear();
                        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                        {
                            var stem = reader.GetString()!;
                            reader.Read();
                            if (reader.TokenType == JsonTokenType.String)
                            {
                                inputs[stem] = reader.GetString()!;
                            }
                            else
                            {
                                reader.Skip();
                            }
                        }
                        break;
                    case "inputs":
                        inputs.Clear();
                        reader.Skip();
                        break;
                    case "repository":
                        repository = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                        reader.Skip();
                        break;
                    case "seal":
                        seal = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                        reader.Skip();
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read() || entries is null)
            {
                return null;
            }
            if (inputs.Count > 0 && seal != Seal(repository, entries, inputs))
            {
                // Edited by hand, or merged from two builds: its list may lack pages, so no group is taken as built.
                return new Contents(entries, new Dictionary<string, string>(StringComparer.Ordinal));
            }
            return new Contents(entries, inputs) { Repository = repository };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string that is not UTF-8, which the reader finds only when asked for it.
            return null;
        }
    }

    /// <summary>
    /// The <c>repository</c> a folder's manifest records, read without building its lists (null when there is no readable
    /// manifest, or it records none): a build whose repository differs need not look further for a shortcut. The manifest
    /// must be a file of the folder, not a link.
    /// </summary>
    public static string? RepositoryOf(string outDir)
    {
        var path = Path.Combine(outDir, FileName);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.LinkTarget is not null)
            {
                return null;
            }
            var reader = Reader(File.ReadAllBytes(path));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }
            string? repository = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isRepository = reader.ValueTextEquals("repository"u8);
                reader.Read();
                if (isRepository)
                {
                    repository = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                reader.Skip();
            }
            return repository;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string that is not UTF-8, which the reader finds only when asked for it.
            return null;
        }
    }

    /// <summary>A reader of a manifest's bytes (a byte order mark, which no build writes, is allowed as a document's reader allows it).</summary>
    private static Utf8JsonReader Reader(byte[] bytes)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }
        return new Utf8JsonReader(span);
    }

    /// <summary>A relative path with '/' separators, no empty, '.' or '..' part, no hidden part, no backslash or NUL.</summary>
    private static bool SafeRelative(string path) =>
        path.Length > 0 && path.Length < 1024 && !path.Contains('\\', StringComparison.Ordinal) && !path.Contains('\0', StringComparison.Ordinal)
        && path.Split('/').All(part => part.Length > 0 && !part.StartsWith('.'));

    /// <summary>
    /// Writes the manifest to <paramref name="stream"/>: the files, then the inputs, sorted by ordinal path, one per line,
    /// so that a diff reads well; flushed as it goes (at 100,000 claims it lists 250,000 files).
    /// </summary>
    public static void Write(Stream stream, IReadOnlyDictionary<string, string> entries, IReadOnlyDictionary<string, string> inputs, string? repository = null)
    {
        using var seal = inputs.Count == 0 ? null : new Sealer(repository);
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteString("written-by", "evidence build");
            json.WriteStartObject("files");
            foreach (var (path, hash) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                json.WriteString(path, hash);
                seal?.Add("file", path, hash);
                if (json.BytesPending >= 1 << 16)
                {
                    json.Flush();
                }
            }
            json.WriteEndObject();
            if (inputs.Count > 0)
            {
                json.WriteStartObject("inputs");
                foreach (var (stem, digest) in inputs.OrderBy(e => e.Key, StringComparer.Ordinal))
                {
                    json.WriteString(stem, digest);
                    seal?.Add("inputs", stem, digest);
                }
                json.WriteEndObject();
            }
            if (repository is not null && seal is not null)
            {
                json.WriteString("repository", repository);
            }
            if (seal is not null)
            {
                json.WriteString("seal", seal.Finish());
            }
            json.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
    }

    /// <summary>
    /// What a manifest records under <c>seal</c> beside its inputs: the digest of its files, inputs and repository digest
    /// as the build wrote them. A manifest edited by hand, or merged from two builds, no longer matches it, and its
    /// inputs are not trusted (every page is rendered and compared).
    /// </summary>
    public static string Seal(string? repository, IReadOnlyDictionary<string, string> files, IReadOnlyDictionary<string, string> inputs)
    {
        using var seal = new Sealer(repository);
        foreach (var (path, hash) in files.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            seal.Add("file", path, hash);
        }
        foreach (var (stem, digest) in inputs.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            seal.Add("inputs", stem, digest);
        }
        return seal.Finish();
    }

    /// <summary>A <see cref="PartsDigest"/> of the repository digest, then of each entry as three parts.</summary>
    private sealed class Sealer : IDisposable
    {
        private readonly PartsDigest _digest = new();

        public Sealer(string? repository) => Add("repository", repository ?? "none", "");

        public void Add(string kind, string key, string value)
        {
            _digest.Add(kind);
            _digest.Add(key);
            _digest.Add(value);
        }

        public string Finish() => _digest.Finish();

        public void Dispose() => _digest.Dispose();
    }

    public static string Describe(IReadOnlyCollection<string> files) =>
        files.Count == 1 ? $"'{files.First()}'" : $"{files.Count} files such as '{files.Order(StringComparer.Ordinal).First()}'";
}
