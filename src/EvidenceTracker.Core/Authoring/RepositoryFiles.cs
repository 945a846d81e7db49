using EvidenceTracker.Diagnostics;
using EvidenceTracker.Loading;
using EvidenceTracker.Model;
using EvidenceTracker.Storage;
using EvidenceTracker.Yaml;

namespace EvidenceTracker.Authoring;

/// <summary>The files of a repository as <c>mv</c> and <c>rm</c> read them: under the locks of every folder they may change.</summary>
internal sealed class RepositoryFiles : IDisposable
{
    private readonly List<EditLock> _locks = [];

    public required string Root { get; init; }
    public required Dictionary<string, string> ClaimFiles { get; init; }
    public required HashSet<string> SourceIds { get; init; }

    /// <summary>The claim or source that <paramref name="id"/> names, or a refusal.</summary>
    public static (RepositoryFiles? Files, bool IsClaim, string? Problem) Open(string root, string id, string? kind)
    {
        var resolved = RepositoryLoader.ResolveRoot(root);
        var files = new RepositoryFiles
        {
            Root = resolved,
            ClaimFiles = AuthoringService.ClaimFiles(resolved),
            SourceIds = AuthoringService.Ids(resolved, "sources", recursive: false),
        };
        var isClaim = kind != "source" && files.ClaimFiles.ContainsKey(id);
        var isSource = kind != "claim" && files.SourceIds.Contains(id);
        if (isClaim && isSource)
        {
            return (null, false, $"both a claim and a source have the id '{id}'; say which with --kind claim or --kind source");
        }
        if (!isClaim && !isSource)
        {
            var known = (kind == "source" ? Enumerable.Empty<string>() : files.ClaimFiles.Keys).Concat(kind == "claim" ? [] : files.SourceIds);
            return (null, false, Values.Nearest(id, known) is { } hint
                ? $"no claim or source has the id '{id}'; did you mean '{hint}'?"
                : $"no claim or source has the id '{id}' (see `evidence list claims` and `evidence list sources`)");
        }
        foreach (var folder in new[] { "claims", "sources" })
        {
            if (SafeFile.FolderProblem(resolved, SafeFile.RealDirectory(resolved), folder) is { } problem)
            {
                return (null, false, problem);
            }
        }
        return (files, isClaim, null);
    }

    public string SourcePath(string id) => Path.Combine(Root, "sources", id + ".yaml");

    public string SnapshotFolder => Path.Combine(Root, "sources", Verification.SnapshotFiles.Folder);

    /// <summary>
    /// Takes the edit lock of every folder a change touches, in one order (so two such edits never deadlock), then lists
    /// the claims and sources again: what another edit renamed or removed while this one waited is seen as it is now.
    /// </summary>
    public void Lock(IEnumerable<string> folders, TimeSpan? timeout)
    {
        foreach (var folder in folders.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            _locks.Add(EditLock.Acquire(folder, RepositoryLoader.Relative(Root, folder) + "/", timeout));
        }
        var claims = AuthoringService.ClaimFiles(Root);
        ClaimFiles.Clear();
        foreach (var (id, file) in claims)
        {
            ClaimFiles[id] = file;
        }
        SourceIds.Clear();
        SourceIds.UnionWith(AuthoringService.Ids(Root, "sources", recursive: false));
    }

    /// <summary>Every folder that holds claims.</summary>
    public IEnumerable<string> ClaimFolders => ClaimFiles.Values.Select(f => Path.GetDirectoryName(f)!).Append(Path.Combine(Root, "claims"));

    /// <summary>A file read for editing: its bytes, its text (BOM removed), its tree; or why it cannot be edited.</summary>
    public static (byte[] Bytes, string? Text, YMapping? Tree, string? Problem) Read(string file, string rel)
    {
        if (SafeFile.LinkProblem(file, rel) is { } link)
        {
            return ([], null, null, link);
        }
        var bytes = File.ReadAllBytes(file);
        var sink = new FindingSink(rel);
        var text = SafeFile.Decode(bytes, sink, Rules.YamlSyntax);
        if (text is null)
        {
            return (bytes, null, null, $"{rel}: {sink.Findings[0].Message}");
        }
        var tree = ReferenceEditor.Open(text, out var problem);
        return (bytes, text, tree, problem is null ? null : $"{rel} cannot be edited: {problem}");
    }

    /// <summary>The edited text as bytes, with the byte order mark the original had.</summary>
    public static byte[] Encode(byte[] original, string text)
    {
        var output = System.Text.Encoding.UTF8.GetBytes(text);
        return original.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? [0xEF, 0xBB, 0xBF, .. output] : output;
    }

    public string Relative(string path) => RepositoryLoader.Relative(Root, path);

    public void Dispose()
    {
        for (var i = _locks.Count - 1; i >= 0; i--)
        {
            _locks[i].Dispose();
        }
    }
}
