using System.IO.Enumeration;
using EvidenceTracker.Articles;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Model;
using EvidenceTracker.Yaml;

namespace EvidenceTracker.Loading;

/// <summary>
/// Loads an evidence repo: <c>evidence.yaml</c>, <c>claims/**/*.yaml</c>, <c>sources/*.yaml</c> and
/// <c>articles/*.md</c>. Files are read and parsed in parallel; every problem becomes a finding.
/// </summary>
public static class RepositoryLoader
{
    public const string ConfigFile = "evidence.yaml";

    /// <summary>Whether a directory looks like an evidence repo.</summary>
    public static bool IsEvidenceRoot(string root) =>
        File.Exists(Path.Combine(root, ConfigFile))
        || Directory.Exists(Path.Combine(root, "claims"))
        || Directory.Exists(Path.Combine(root, "sources"))
        || Directory.Exists(Path.Combine(root, "articles"));

    /// <summary>The full path of the root, or an <see cref="EvidenceRootException"/> when it is none.</summary>
    public static string ResolveRoot(string root)
    {
        var full = Path.GetFullPath(string.IsNullOrEmpty(root) ? "." : root);
        if (!Directory.Exists(full))
        {
            throw new EvidenceRootException(File.Exists(full)
                ? $"'{root}' is a file, not a directory; pass the folder that holds evidence.yaml, claims/ and sources/"
                : $"'{root}' does not exist; pass --root DIR, or run `evidence init {root}` to create an evidence repository");
        }
        if (!IsEvidenceRoot(full))
        {
            throw new EvidenceRootException(
                $"'{root}' is not an evidence repository (it has no evidence.yaml, claims/, sources/ or articles/); run `evidence init` there, or pass --root DIR");
        }
        return full;
    }

    /// <summary>
    /// Loads the repository at <paramref name="root"/>. With <paramref name="contentHashes"/> each file's text is also
    /// digested into <see cref="EvidenceSet.ContentHashes"/> (the site build keys its pages on them; a check has no use
    /// for them, and at 100,000 claims they cost a SHA-256 pass over every file and 15 MB kept).
    /// </summary>
    public static EvidenceSet Load(string root, bool contentHashes = false)
    {
        var full = ResolveRoot(root);
        var real = SafeFile.RealDirectory(full);
        var findings = new List<Finding>();
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);

        var config = EvidenceConfig.Default;
        var configPath = Path.Combine(full, ConfigFile);
        if (File.Exists(configPath) || Directory.Exists(configPath))
        {
            var sink = new FindingSink(ConfigFile);
            if (Directory.Exists(configPath))
            {
                sink.Add(Rules.YamlSyntax, "evidence.yaml is a folder, not a file", null);
            }
            else if (SafeFile.ReadText(configPath, real, SafeFile.MaxYamlBytes, sink, Rules.YamlSyntax) is { } text)
            {
                if (contentHashes)
                {
                    hashes[ConfigFile] = ContentHash.Of(text);
                }
                config = DocumentReaders.ReadConfig(YamlTreeReader.Read(text, sink), sink);
            }
            findings.AddRange(sink.Findings);
        }

        var claimFiles = Enumerate(full, real, "claims", "*.yaml", recursive: true, Rules.YamlSyntax, findings);
        var sourceFiles = Enumerate(full, real, "sources", "*.yaml", recursive: false, Rules.YamlSyntax, findings);
        var digests = contentHashes ? hashes : null;
        // one pool for both: a source's id is then the very string its citations hold
        var pool = new StringPool();
        var claims = LoadAll(claimFiles, full, real, (tree, sink) => DocumentReaders.ReadClaim(tree, sink, pool), findings, digests);
        var sources = LoadAll(sourceFiles, full, real, (tree, sink) => DocumentReaders.ReadSource(tree, sink, pool), findings, digests);

        var articleFiles = Enumerate(full, real, "articles", "", recursive: false, Rules.Schema, findings).Where(f => ArticleFiles.Extension(f) is not null).ToArray();
        var articles = LoadArticles(articleFiles, full, real, findings, digests);

        return new EvidenceSet
        {
            Root = full,
            Config = config,
            Claims = claims,
            Sources = sources,
            Articles = articles,
            LoadFindings = findings,
            ContentHashes = hashes,
            HasContentHashes = contentHashes,
        };
    }

    /// <summary>Reads and parses the articles (in parallel when there are many); each is parsed once, here.</summary>
    private static List<Article> LoadArticles(string[] files, string root, string real, List<Finding> findings, Dictionary<string, string>? hashes)
    {
        var results = new Article[files.Length];
        var sinks = new FindingSink[files.Length];
        var digests = new string?[files.Length];
        void LoadOne(int i)
        {
            var file = files[i];
            var rel = Relative(root, file);
            var sink = new FindingSink(rel);
            sinks[i] = sink;
            var id = DocumentReaders.Stem(rel);
            sink.Article = id;
            if (Values.SlugProblem(id) is { } problem)
            {
                sink.Add(Rules.Schema, $"article id '{id}' (its file name) {problem}; rename the file", null);
            }
            var text = SafeFile.ReadText(file, real, SafeFile.MaxDocumentBytes, sink, Rules.Schema);
            digests[i] = text is null || hashes is null ? null : ContentHash.Of(text);
            var document = text is null ? ArticleDocument.Empty : ArticleParser.Parse(text);
            if (text is not null)
            {
                foreach (var p in document.Problems)
                {
                    sink.Add(p.Rule, p.Severity, p.Message, p.Position);
                }
            }
            results[i] = new Article { Id = id, File = rel, Text = text ?? "", Document = document };
        }
        Parallelism.For(files.Length, Parallelism.Files, LoadOne);
        Collect(sinks, digests, findings, hashes);
        // Two files with one name and different extensions (post.md, post.qmd) would be one article id: the first kept.
        var first = new Dictionary<string, Article>(StringComparer.Ordinal);
        var kept = new List<Article>(results.Length);
        foreach (var article in results)
        {
            if (first.TryGetValue(article.Id, out var earlier))
            {
                var sink = new FindingSink(article.File) { Article = article.Id };
                sink.Add(Rules.DuplicateId, $"article id '{article.Id}' is also {earlier.File}; this file is not read (rename one of them)", null);
                findings.AddRange(sink.Findings);
                continue;
            }
            first[article.Id] = article;
            kept.Add(article);
        }
        return kept;
    }

    /// <summary>Reads and parses the claim or source files (in parallel when there are many), each on its own.</summary>
    private static List<T> LoadAll<T>(string[] files, string root, string real, Func<YNode?, FindingSink, T?> read, List<Finding> findings,
        Dictionary<string, string>? hashes)
        where T : class
    {
        var results = new T?[files.Length];
        var sinks = new FindingSink[files.Length];
        var digests = new string?[files.Length];
        void LoadOne(int i)
        {
            var file = files[i];
            var sink = new FindingSink(Relative(root, file));
            sinks[i] = sink;
            if (SafeFile.ReadText(file, real, SafeFile.MaxYamlBytes, sink, Rules.YamlSyntax) is not { } text)
            {
                return;
            }
            digests[i] = hashes is null ? null : ContentHash.Of(text);
            var tree = YamlTreeReader.Read(text, sink);
            if (sink.Findings.Any(f => f.Rule == Rules.YamlSyntax))
            {
                return;
            }
            results[i] = read(tree, sink);
        }
        Parallelism.For(files.Length, Parallelism.Files, LoadOne);
        Collect(sinks, digests, findings, hashes);
        return results.Where(r => r is not null).Select(r => r!).ToList();
    }

    /// <summary>Gathers, in file order, the findings and the content hashes of files read in parallel.</summary>
    private static void Collect(FindingSink[] sinks, string?[] digests, List<Finding> findings, Dictionary<string, string>? hashes)
    {
        for (var i = 0; i < sinks.Length; i++)
        {
            findings.AddRange(sinks[i].Findings);
            if (digests[i] is { } digest)
            {
                hashes![sinks[i].File] = digest;
            }
        }
    }

    /// <summary>
    /// The files of a folder of the repository, sorted; none, and one finding (under <paramref name="rule"/>, on the
    /// folder), when the folder leads outside the repository (<see cref="SafeFile.FolderProblem"/>).
    /// </summary>
    private static string[] Enumerate(string root, string realRoot, string folder, string extension, bool recursive, string rule, List<Finding> findings)
    {
        if (SafeFile.FolderProblem(root, realRoot, folder) is { } problem)
        {
            var sink = new FindingSink(folder);
            sink.Add(rule, problem, null);
            findings.AddRange(sink.Findings);
            return [];
        }
        return Enumerate(Path.Combine(root, folder), extension, recursive);
    }

    /// <summary>
    /// The files of a folder, sorted, hidden files left out; a linked folder inside is never entered (no loop, no way
    /// out). Only the directory entries' names and types are used: asking an entry for its length or attributes costs
    /// an lstat per file, and the reader finds links and sizes itself.
    /// </summary>
    public static string[] Enumerate(string dir, string extension, bool recursive)
    {
        if (!Directory.Exists(dir))
        {
            return [];
        }
        var suffix = extension.TrimStart('*');
        // The folder's own entries first; its subfolders (never a linked one) are then listed on the cores at once, and
        // the paths sorted on two threads: at 100,000 claims in 100 folders, listing and sorting were 0.1 s on one core.
        var files = new List<string>();
        var folders = new List<string>();
        foreach (var (path, isFolder) in new FileSystemEnumerable<(string, bool)>(dir, (ref FileSystemEntry e) => (e.ToFullPath(), e.IsDirectory),
            new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = FileAttributes.None })
        {
            ShouldIncludePredicate = (ref FileSystemEntry e) => e.IsDirectory
                ? recursive && (e.Attributes & FileAttributes.ReparsePoint) == 0
                : e.FileName.EndsWith(suffix, StringComparison.Ordinal) && !e.FileName.StartsWith('.'),
        })
        {
            (isFolder ? folders : files).Add(path);
        }
        if (folders.Count > 0)
        {
            var inFolders = new List<string>[folders.Count];
            Parallelism.For(folders.Count, Parallelism.Folders, i =>
            {
                try
                {
                    inFolders[i] = [.. Files(folders[i], suffix)];
                }
                catch (Exception ex) when (ex is DirectoryNotFoundException or UnauthorizedAccessException)
                {
                    inFolders[i] = []; // removed or closed since the folder was listed: as when a listing skips it
                }
            });
            foreach (var list in inFolders)
            {
                files.AddRange(list);
            }
        }
        return [.. Parallelism.Sort(files, string.CompareOrdinal)];
    }

    /// <summary>The files under <paramref name="dir"/> (all its folders but linked ones) whose names end in <paramref name="suffix"/>, hidden ones left out.</summary>
    private static IEnumerable<string> Files(string dir, string suffix) =>
        new FileSystemEnumerable<string>(dir, (ref FileSystemEntry e) => e.ToFullPath(),
            new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.None })
        {
            ShouldIncludePredicate = (ref FileSystemEntry e) =>
                !e.IsDirectory && e.FileName.EndsWith(suffix, StringComparison.Ordinal) && !e.FileName.StartsWith('.'),
            ShouldRecursePredicate = (ref FileSystemEntry e) => (e.Attributes & FileAttributes.ReparsePoint) == 0,
        };

    /// <summary>The path of <paramref name="path"/> inside <paramref name="root"/>, with forward slashes.</summary>
    public static string Relative(string root, string path)
    {
        if (path.Length > root.Length + 1 && path.StartsWith(root, StringComparison.Ordinal) && path[root.Length] == Path.DirectorySeparatorChar
            && Path.DirectorySeparatorChar == '/' && !path.Contains("/.", StringComparison.Ordinal) && !path.Contains("//", StringComparison.Ordinal))
        {
            return path[(root.Length + 1)..];
        }
        return Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
    }
}
