using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EvidenceTracker.Storage;

namespace EvidenceTracker.Network;

/// <summary>
/// <c>sources/.cache/</c>: each answer of a look-up service in a file of its own, <c>&lt;kind&gt;/&lt;key&gt;.json</c>,
/// written deterministically (fixed field order, no time of day) so that it can be committed and read by
/// <c>check</c>, <c>build</c> and CI without a network. An entry is replaced only by a successful answer: a failed
/// request never loses what the cache holds.
/// </summary>
public sealed class LookupCache(string root)
{
    public const string FolderName = ".cache";
    private static readonly UTF8Encoding Strict = new(false, true);

    /// <summary>
    /// The largest entry read: an answer's body is at most 50 MB (<see cref="HttpPolicy.MaxBodyBytes"/>), which base64
    /// makes 67 MB and JSON's escapes at most 100 MB. A larger file was not written by the tool and is not read.
    /// </summary>
    public const long MaxEntryBytes = 128L << 20;

    /// <summary>The cache folder: <c>sources/.cache</c> under the repository root.</summary>
    public string Folder { get; } = Path.Combine(root, "sources", FolderName);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> _folderProblems = new(StringComparer.Ordinal);

    /// <summary>
    /// Why the folder of <paramref name="kind"/>'s entries may not be read or written: it leads outside the repository
    /// through a symbolic link (<c>sources/</c>, <c>sources/.cache/</c> or the kind's folder itself). Null when it may.
    /// </summary>
    public string? FolderProblem(string kind) => _folderProblems.GetOrAdd(kind, k =>
        Loading.SafeFile.FolderProblem(root, Loading.SafeFile.RealDirectory(root), $"sources/{FolderName}/{k}"));

    /// <summary>The file of one entry, relative to the repository root with <c>/</c> separators.</summary>
    public static string RelativePath(string kind, string identifier) => $"sources/{FolderName}/{kind}/{FileName(identifier)}";

    /// <summary>
    /// A file name for an identifier: its lowercase letters, digits, dots and hyphens (others become <c>_</c>), at
    /// most 80 of them, then the first 8 hex digits of its SHA-256, so that distinct identifiers never share a file.
    /// </summary>
    public static string FileName(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var sb = new StringBuilder();
        foreach (var c in identifier.ToLowerInvariant())
        {
            if (sb.Length >= 80)
            {
                break;
            }
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_');
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identifier)))[..8];
        return $"{sb.ToString().Trim('.')}-{hash}.json";
    }

    public CachedAnswer? Read(string kind, string identifier, out string? problem)
    {
        problem = null;
        if (FolderProblem(kind) is { } folder)
        {
            problem = folder;
            return null;
        }
        var path = Path.Combine(Folder, kind, FileName(identifier));
        var info = new FileInfo(path);
        if (!info.Exists && info.LinkTarget is null)
        {
            if (Directory.Exists(path))
            {
                problem = $"{RelativePath(kind, identifier)} is a folder, not a cache entry; it is not read";
            }
            return null;
        }
        if (info.LinkTarget is not null)
        {
            problem = $"{RelativePath(kind, identifier)} is a symbolic link; the cache is read only from regular files";
            return null;
        }
        try
        {
            using var doc = JsonDocument.Parse(ReadEntry(path, RelativePath(kind, identifier)));
            var r = doc.RootElement;
            var body = r.TryGetProperty("body", out var b) && b.ValueKind == JsonValueKind.String ? Strict.GetBytes(b.GetString()!)
                : r.TryGetProperty("body-base64", out var b64) && b64.ValueKind == JsonValueKind.String ? Convert.FromBase64String(b64.GetString()!)
                : [];
            return new CachedAnswer
            {
                Request = r.GetProperty("request").GetString() ?? "",
                Accept = r.TryGetProperty("accept", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null,
                Status = r.GetProperty("status").GetInt32(),
                Fetched = r.GetProperty("fetched").GetString() ?? "",
                ContentType = r.TryGetProperty("content-type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null,
                Body = body,
            };
        }
        catch (UserFileException ex)
        {
            problem = $"{RelativePath(kind, identifier)} {ex.Reason}; it is not read";
            return null;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            problem = $"{RelativePath(kind, identifier)} is not a readable cache entry ({ex.GetType().Name}); look it up again with --refresh";
            return null;
        }
    }

    /// <summary>
    /// The bytes of the entry at <paramref name="path"/>: a regular file of at most <see cref="MaxEntryBytes"/> (a named
    /// pipe or a device is refused unopened, so that reading never waits). Throws an <see cref="IOException"/> naming it.
    /// </summary>
    public static byte[] ReadEntry(string path, string shown) => UserFile.ReadAllBytes(path, shown, MaxEntryBytes, pipes: false);

    /// <summary>Writes an entry atomically (temporary file and rename); refused when the folder leads outside the repository.</summary>
    public void Write(string kind, string identifier, CachedAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (FolderProblem(kind) is { } problem)
        {
            throw new IOException(problem);
        }
        var folder = Path.Combine(Folder, kind);
        Directory.CreateDirectory(folder);
        AtomicFile.Write(Path.Combine(folder, FileName(identifier)), Serialize(answer));
    }

    public static byte[] Serialize(CachedAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("request", answer.Request);
            if (answer.Accept is not null)
            {
                json.WriteString("accept", answer.Accept);
            }
            json.WriteNumber("status", answer.Status);
            json.WriteString("fetched", answer.Fetched);
            if (answer.ContentType is not null)
            {
                json.WriteString("content-type", answer.ContentType);
            }
            if (TryText(answer.Body, out var text))
            {
                json.WriteString("body", text);
            }
            else
            {
                json.WriteString("body-base64", Convert.ToBase64String(answer.Body));
            }
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static bool TryText(byte[] body, out string text)
    {
        try
        {
            text = Strict.GetString(body);
            // NUL and lone control characters would make a text body unreadable in a diff; keep those as base64
            return !text.Any(c => c < ' ' && c is not ('\n' or '\r' or '\t'));
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }
}
