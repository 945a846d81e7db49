using EvidenceTracker.Authoring;
using System.IO.Enumeration;
using System.Text;
using EvidenceTracker.Articles;
using EvidenceTracker.Loading;
using EvidenceTracker.Model;
using EvidenceTracker.Storage;
using EvidenceTracker.Yaml;

namespace EvidenceTracker.Importing;

/// <summary>
/// <c>evidence import</c>: each input is dispatched by its extension (<see cref="ImportFormats"/>) — Markdown articles
/// (<see cref="ArticleImporter"/>) and bibliographies (<see cref="BibliographyImporter"/>). Every input is checked
/// first (it exists, import reads its extension, <c>--id</c> fits); if any is not, nothing is imported.
/// Bibliographies are imported first, so that articles reuse the sources they created. Articles are planned against
/// the loaded repository; if any article is refused, no article is written. Files are only ever created (never
/// replaced), each atomically.
/// </summary>
public static class ImportService
{
    /// <summary>With this many inputs or more, a caller on a terminal shows progress.</summary>
    public const int ProgressThreshold = 20;

    public static ImportResult Run(ImportSettings settings, Action<ImportProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<ImportProblem>();
        var root = RepositoryLoader.ResolveRoot(settings.Root);

        var inputs = Expand(settings, problems);
        var articles = inputs.Where(i => i.Format.IsArticle).ToList();
        var bibliographies = inputs.Where(i => !i.Format.IsArticle).ToList();
        var realRoot = SafeFile.RealDirectory(root);
        foreach (var folder in (ReadOnlySpan<string>)["articles", "sources", "claims"])
        {
            if (SafeFile.FolderProblem(root, realRoot, folder) is { } outside)
            {
                problems.Add(new ImportProblem(outside, IsUsage: false, folder));
            }
        }
        if (settings.Id is { } id)
        {
            if (Values.SlugProblem(id) is { } p)
            {
                problems.Add(new ImportProblem($"--id '{id}' {p}", IsUsage: true));
            }
            if (bibliographies.Count > 0)
            {
                problems.Add(new ImportProblem("--id names an article; it does not apply to bibliographies", IsUsage: true));
            }
            else if (inputs.Count != 1)
            {
                problems.Add(new ImportProblem($"--id names one article, but {inputs.Count} files were given; import them one at a time", IsUsage: true));
            }
        }
        if (inputs.Count == 0 && problems.Count == 0)
        {
            problems.Add(new ImportProblem("no Markdown file found in the given paths", IsUsage: true));
        }
        if (problems.Count > 0)
        {
            return new ImportResult
            {
                DryRun = settings.DryRun, Files = [], Problems = problems,
                ArticleInputs = articles.Count, BibliographyInputs = bibliographies.Count,
            };
        }

        // the bibliographies that articles name in their front matter are imported with them
        var named = new List<string>();
        var known = bibliographies.Select(b => b.FullPath).ToHashSet(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            foreach (var path in CitekeyImport.Bibliographies(article.FullPath, article.Display, named))
            {
                if (known.Add(path))
                {
                    bibliographies.Add(new Input(path, path, ImportFormats.Of(path)!.Value));
                }
            }
        }
        var namedFindings = named.Select(m => new Diagnostics.Finding
        {
            Rule = Bibliography.BibRules.Value, Severity = Diagnostics.Severity.Warning, Message = m,
        }).ToList();

        ImportResult? fromBibliographies = null;
        if (bibliographies.Count > 0)
        {
            try
            {
                fromBibliographies = BibliographyImporter.Import(root, [.. bibliographies.Select(b => b.FullPath)], settings.DryRun);
            }
            catch (BibliographyFileException ex)
            {
                return new ImportResult
                {
                    DryRun = settings.DryRun, Files = [], Problems = [new ImportProblem(ex.Message, IsUsage: true)],
                    ArticleInputs = articles.Count, BibliographyInputs = bibliographies.Count,
                };
            }
            if (articles.Count == 0)
            {
                return fromBibliographies;
            }
        }

        var bibliographyKeys = new Dictionary<string, string>(StringComparer.Ordinal);
        if (fromBibliographies is not null)
        {
            CitekeyImport.Collect(fromBibliographies, bibliographyKeys);
        }
        var fromArticles = ImportArticles(root, articles, settings, progress, bibliographyKeys);
        return fromBibliographies is null
            ? fromArticles with { Findings = [.. namedFindings] }
            : fromArticles with
            {
                Files = [.. fromArticles.Files, .. fromBibliographies.Files],
                Findings = [.. namedFindings, .. fromBibliographies.Findings],
                Entries = fromBibliographies.Entries,
                BibliographyInputs = fromBibliographies.BibliographyInputs,
            };
    }

    private static ImportResult ImportArticles(string root, List<Input> articles, ImportSettings settings, Action<ImportProgress>? progress,
        Dictionary<string, string> bibliographyKeys)
    {
        var plan = new ImportPlan(RepositoryLoader.Load(root)) { Links = settings.Links };
        foreach (var (key, id) in bibliographyKeys)
        {
            plan.BibliographyKeys[key] = id;
        }

        // Reading and parsing each article is independent (in parallel); planning is sequential, in input order, so
        // that ids are the same on every run.
        var prepared = new ArticleImporter.Prepared[articles.Count];
        var done = 0;
        var gate = new object();
        void PrepareOne(int i)
        {
            prepared[i] = ArticleImporter.Prepare(articles[i]);
            if (progress is not null)
            {
                lock (gate)
                {
                    progress(new ImportProgress(++done, articles.Count));
                }
            }
        }
        Parallelism.For(articles.Count, Parallelism.Files, PrepareOne);
        var ids = ArticleIds.Assign(articles);
        foreach (var article in prepared)
        {
            ArticleImporter.Plan(article, settings.Id, ids[article.Input.FullPath], plan);
        }

        var files = plan.Files();
        foreach (var file in files.Where(f => f.Kind != ImportKind.Article && f.Content is { } c && c.LongLength > SafeFile.MaxYamlBytes))
        {
            // check reads no claim or source file over 1 MB: such a file is not written (a footnote or a passage that long
            // is a mistake in the article, not a source)
            plan.Problems.Add(new ImportProblem(
                $"{file.Path} (from {file.From} of article '{file.Article}') would be {file.Content!.LongLength / (double)(1 << 20):0.00} MB, " +
                $"and check reads no {(file.Kind == ImportKind.Source ? "source" : "claim")} file over {SafeFile.MaxYamlBytes >> 20} MB; shorten it in the article, then import again",
                IsUsage: false, file.Path));
        }
        if (plan.Problems.Count == 0 && !settings.DryRun)
        {
            Commit(root, files, plan.Problems);
        }
        return new ImportResult
        {
            DryRun = settings.DryRun, Files = files, Problems = plan.Problems, Skipped = plan.Skipped, ArticleInputs = articles.Count,
        };
    }

    /// <summary>An input file: its full path, the path as the user gave it (for messages), what it is read as, and the
    /// folder given on the command line that it was found in (null for a file named itself).</summary>
    internal readonly record struct Input(string FullPath, string Display, ImportFormat Format, string? Folder = null);

    /// <summary>
    /// Files as given, each of a format in <see cref="ImportFormats"/> (a link named on the command line is followed:
    /// the user chose it); folders contribute every article under them (sorted, hidden entries skipped). Inside a
    /// folder, linked folders are never entered (no loop, no walk through /usr), and a linked file is taken only when
    /// its real path stays inside the folder: one that leads out of it is a problem that names it (import it by naming
    /// it), not a silent read of somewhere else.
    /// </summary>
    private static List<Input> Expand(ImportSettings settings, List<ImportProblem> problems)
    {
        var inputs = new List<Input>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in settings.Paths)
        {
            var full = Path.GetFullPath(path, settings.WorkingDirectory);
            if (File.Exists(full))
            {
                if (ImportFormats.Of(full) is not { } format)
                {
                    problems.Add(new ImportProblem(
                        $"{path}: not a Markdown article ({ImportFormats.List(bibliographies: false)}) or a bibliography ({ImportFormats.List(bibliographies: true)})",
                        IsUsage: true, path));
                }
                else if (seen.Add(full))
                {
                    inputs.Add(new Input(full, path, format));
                }
            }
            else if (Directory.Exists(full))
            {
                var realDir = Verification.RealPath.Resolve(full) ?? full;
                var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden };
                var found = new FileSystemEnumerable<(string Path, bool IsLink)>(full,
                    (ref FileSystemEntry e) => (e.ToFullPath(), (e.Attributes & FileAttributes.ReparsePoint) != 0), options)
                {
                    ShouldIncludePredicate = (ref FileSystemEntry e) =>
                        !e.IsDirectory && ImportFormats.Of(e.FileName.ToString()) is { IsArticle: true },
                    ShouldRecursePredicate = (ref FileSystemEntry e) => (e.Attributes & FileAttributes.ReparsePoint) == 0,
                }
                    .Where(f => !Path.GetRelativePath(full, f.Path).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
                    .OrderBy(f => f.Path, StringComparer.Ordinal);
                foreach (var (f, isLink) in found)
                {
                    var display = Path.Join(path, Path.GetRelativePath(full, f)).Replace('\\', '/');
                    if (isLink && (Verification.RealPath.Resolve(f) is not { } real || !Verification.RealPath.IsInside(real, realDir)))
                    {
                        problems.Add(new ImportProblem(
                            $"{display} is a symbolic link leading out of '{path}'; not followed (name the file itself to import it)", IsUsage: false, display));
                        continue;
                    }
                    if (seen.Add(f))
                    {
                        inputs.Add(new Input(f, display, ImportFormat.Article, full));
                    }
                }
            }
            else
            {
                problems.Add(new ImportProblem($"'{path}' does not exist", IsUsage: true, path));
            }
        }
        return inputs;
    }

    private static void Commit(string root, IReadOnlyList<ImportedFile> files, List<ImportProblem> problems)
    {
        // Many files: a flush per file would cost more than the import itself; each file is still written to a
        // temporary name and moved into place without replacing anything, so no file is ever half-written.
        var durable = files.Count(f => f.Action == ImportAction.Create) <= 50;
        foreach (var folder in (ReadOnlySpan<string>)["articles", "sources", "claims"])
        {
            Directory.CreateDirectory(Path.Combine(root, folder));
        }
        foreach (var kind in (ReadOnlySpan<ImportKind>)[ImportKind.Article, ImportKind.Source, ImportKind.Claim])
        {
            var batch = files.Where(f => f.Kind == kind && f.Action == ImportAction.Create && f.Content is not null).ToList();
            var refused = new bool[batch.Count];
            void WriteOne(int i)
            {
                var path = Path.Combine(root, batch[i].Path.Replace('/', Path.DirectorySeparatorChar));
                refused[i] = !AtomicFile.CreateNew(path, batch[i].Content!, durable);
            }
            // Sequential: file creation in one folder serialises in the file system anyway, and threads only contend.
            for (var i = 0; i < batch.Count; i++)
            {
                WriteOne(i);
            }
            for (var i = 0; i < batch.Count; i++)
            {
                if (refused[i])
                {
                    problems.Add(new ImportProblem($"{batch[i].Path} appeared while importing; it was left as it is", IsUsage: false, batch[i].Path));
                }
            }
        }
    }
}

/// <summary>The state of one import run: the repository as loaded, and what the run plans to write.</summary>
internal sealed partial class ImportPlan
{
    private readonly List<ImportedFile> _articles = [];
    private readonly List<ImportedFile> _sources = [];
    private readonly List<DraftClaim> _claims = [];
    private readonly Dictionary<(string Article, string Excerpt), DraftClaim> _claimByExcerpt = [];
    private readonly HashSet<string> _planned = new(StringComparer.Ordinal);
    private readonly HashSet<string> _sourceIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _claimIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _articleIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _sourceByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _excerpts = new(StringComparer.Ordinal);
    /// <summary>Per base id, the first numbered suffix not tried yet (<see cref="Slugs.Unique(string, Func{string, bool}, Dictionary{string, int})"/>).</summary>
    private readonly Dictionary<string, int> _nextSourceSuffix = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _nextClaimSuffix = new(StringComparer.Ordinal);
    private DraftClaim? _lastDraft;
    /// <summary>Existing articles: id → file name in articles/ (read when first asked).</summary>
    private Dictionary<string, string>? _articleFiles;

    /// <summary>Names (without .yaml) of the files already in sources/ and claims/, loadable or not: never overwritten.</summary>
    private readonly HashSet<string> _sourceFiles;
    private readonly HashSet<string> _claimFiles;

    public ImportPlan(EvidenceSet set)
    {
        Set = set;
        _sourceFiles = FileStems(Path.Combine(set.Root, "sources"));
        _claimFiles = FileStems(Path.Combine(set.Root, "claims"));
        foreach (var s in set.Sources)
        {
            _sourceIds.Add(s.Id);
            if (s.Doi is { } doi)
            {
                _sourceByKey.TryAdd("doi:" + doi, s.Id);
            }
            if (Urls.Normalize(s.Url) is { } url)
            {
                _sourceByKey.TryAdd("url:" + url, s.Id);
            }
            else
            {
                _sourceByKey.TryAdd(TextKey(s.Title, s.Publisher, s.Date), s.Id);
            }
        }
        foreach (var c in set.Claims)
        {
            _claimIds.Add(c.Id);
            if (c.Article is { } a && c.Excerpt is { } e)
            {
                Excerpts(a).Add(e);
            }
        }
    }

    private static HashSet<string> FileStems(string dir) =>
        Directory.Exists(dir)
            ? Directory.EnumerateFileSystemEntries(dir, "*.yaml").Select(Path.GetFileNameWithoutExtension).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);

    public EvidenceSet Set { get; }
    public List<ImportProblem> Problems { get; } = [];
    /// <summary>Inputs that cannot be read as articles: reported, and left out of the import.</summary>
    public List<ImportProblem> Skipped { get; } = [];

    /// <summary>Whether linked pages become sources and linked sentences draft claims (<c>import --links</c>).</summary>
    public bool Links { get; init; }

    public CitationScope Scope => CitationScopes.TryParse(Set.Config.CitationScope, out var s) ? s : CitationScope.Run;

    public string Root => Set.Root;

    /// <summary>The excerpts of an article's existing claims (drafts of this run are merged by <see cref="AddDraft"/>).</summary>
    public List<string> Excerpts(string article)
    {
        if (!_excerpts.TryGetValue(article, out var list))
        {
            _excerpts[article] = list = [];
        }
        return list;
    }

    public bool ClaimArticleId(string id) => _articleIds.Add(id);

    /// <summary>The file name in articles/ of an existing article with this id (any article extension), or null.</summary>
    public string? ArticleFile(string id)
    {
        _articleFiles ??= ArticleFiles.Enumerate(Path.Combine(Root, "articles"))
            .GroupBy(f => Path.GetFileNameWithoutExtension(f), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Path.GetFileName(g.First()), StringComparer.Ordinal);
        return _articleFiles.GetValueOrDefault(id);
    }

    public void AddArticle(ImportedFile file) => _articles.Add(file);

    public static string TextKey(string title, string? publisher, string? date) =>
        "text:" + string.Join('|', NormalizedKeyPart(title), NormalizedKeyPart(publisher), NormalizedKeyPart(date));

    private static string NormalizedKeyPart(string? s) =>
        s is null ? "" : string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    /// <summary>The id of the source for a footnote: an existing or planned one with the same key, or a new one.</summary>
    public string SourceFor(SourceDraft draft, string articleId, string label, string? lang, string? from = null)
    {
        var url = draft.Url is { } u ? Urls.Normalize(u) : null;
        var key = url is not null ? "url:" + url : TextKey(draft.Title, draft.Publisher, draft.Date);
        if ((draft.Doi is { } d && _sourceByKey.TryGetValue("doi:" + d, out var existing)) || _sourceByKey.TryGetValue(key, out existing))
        {
            if (!_planned.Contains(existing))
            {
                _planned.Add(existing);
                _sources.Add(new ImportedFile
                {
                    Kind = ImportKind.Source, Id = existing, Path = PathOf(existing), Action = ImportAction.Reuse,
                    From = from ?? $"[^{label}]", Article = articleId,
                });
            }
            return existing;
        }
        var id = Slugs.Unique(SourceIdBase(draft), c => _sourceIds.Contains(c) || _sourceFiles.Contains(c), _nextSourceSuffix);
        _sourceIds.Add(id);
        _planned.Add(id);
        _sourceByKey[key] = id;
        if (draft.Doi is { } newDoi)
        {
            _sourceByKey.TryAdd("doi:" + newDoi, id);
        }
        var yaml = new YamlWriter()
            .Field("id", id)
            .Field("type", Names.Of(draft.Type))
            .Text("title", draft.Title)
            .Text("publisher", draft.Publisher)
            .Field("date", draft.Date, date: true)
            .Field("accessed", draft.Accessed, date: true)
            .Field("url", draft.Url is { } raw ? Urls.WithoutTracking(raw) : null)
            .Field("doi", draft.Doi)
            .Field("lang", lang)
            .Text("volume", draft.Volume)
            .Text("issue", draft.Issue)
            .Text("pages", draft.Pages)
            .BlockList("authors", draft.Authors, quoted: true);
        _sources.Add(new ImportedFile
        {
            Kind = ImportKind.Source, Id = id, Path = PathOf(id), Action = ImportAction.Create, From = from ?? $"[^{label}]", Article = articleId,
            Content = Encoding.UTF8.GetBytes(yaml.ToString()),
        });
        return id;

        static string PathOf(string id) => $"sources/{id}.yaml";
    }

    /// <summary>publisher + date for Latin publishers; else the URL's host + date; else the title's slug; else a hash.</summary>
    private static string SourceIdBase(SourceDraft draft)
    {
        var suffix = draft.Date is { } d ? "-" + d : "";
        if (draft.Publisher is { } p && Slugs.IsLatin(p) && Slugs.Slugify(p, 50) is { Length: > 0 } ps)
        {
            return ps + suffix;
        }
        if (Slugs.HostSlug(draft.Url) is { } host)
        {
            return host + suffix;
        }
        if (Slugs.IsLatin(draft.Title) && Slugs.Slugify(draft.Title, 50, maxWords: 6) is { Length: > 0 } ts)
        {
            return ts + suffix;
        }
        return "source-" + Slugs.Hash(draft.Title + "|" + draft.Publisher + "|" + draft.Date, 6) + suffix;
    }

    /// <summary>A draft claim for a passage; merged into this run's earlier draft when their excerpts are the same.</summary>
    public void AddDraft(string articleId, string excerpt, IReadOnlyList<string> sources, string markers)
    {
        // the passages of one sentence come one after another with one excerpt: found again without hashing it
        if ((_lastDraft is { } last && ReferenceEquals(last.Excerpt, excerpt) && last.Article == articleId)
            || _claimByExcerpt.TryGetValue((articleId, excerpt), out last))
        {
            last.Add(sources, markers);
            _lastDraft = last;
            return;
        }
        var baseId = Slugs.IsLatin(excerpt) && Slugs.Slugify(excerpt, 60, maxWords: 8) is { Length: > 0 } slug
            ? slug
            : $"{Slugs.Slugify(articleId, 60)}-{Slugs.Hash(excerpt, 6)}";
        var id = Slugs.Unique(baseId, c => _claimIds.Contains(c) || _claimFiles.Contains(c), _nextClaimSuffix);
        _claimIds.Add(id);
        var draft = new DraftClaim(id, articleId, excerpt);
        draft.Add(sources, markers);
        _claims.Add(draft);
        _claimByExcerpt[(articleId, excerpt)] = draft;
        _lastDraft = draft;
    }

    /// <summary>Articles, then sources, then claims, each in the order planned.</summary>
    public List<ImportedFile> Files()
    {
        var files = new List<ImportedFile>(_articles.Count + _sources.Count + _claims.Count);
        files.AddRange(_articles);
        files.AddRange(_sources);
        foreach (var c in _claims)
        {
            var yaml = new YamlWriter()
                .Field("id", c.Id)
                .Text("statement", Drafts.Statement)
                .Field("article", c.Article)
                .Text("excerpt", c.Excerpt)
                .Open("citations");
            foreach (var s in c.Sources)
            {
                yaml.Item("source", s);
            }
            var markers = c.Markers.ToString();
            yaml.Text("note", $"Drafted by evidence import from {markers}.");
            files.Add(new ImportedFile
            {
                Kind = ImportKind.Claim, Id = c.Id, Path = $"claims/{c.Id}.yaml", Action = ImportAction.Create, From = markers,
                Article = c.Article, Content = Encoding.UTF8.GetBytes(yaml.ToString()),
            });
        }
        return files;
    }

    /// <summary>A draft claim; passages of one excerpt add their sources and marker groups (each once, in order).</summary>
    private sealed class DraftClaim(string id, string article, string excerpt)
    {
        private readonly HashSet<string> _sources = new(StringComparer.Ordinal);
        private readonly HashSet<string> _groups = new(StringComparer.Ordinal);

        public string Id { get; } = id;
        public string Article { get; } = article;
        public string Excerpt { get; } = excerpt;
        public List<string> Sources { get; } = [];
        public StringBuilder Markers { get; } = new();

        public void Add(IReadOnlyList<string> sources, string markers)
        {
            foreach (var s in sources)
            {
                if (_sources.Add(s))
                {
                    Sources.Add(s);
                }
            }
            if (_groups.Add(markers))
            {
                Markers.Append(markers);
            }
        }
    }
}
