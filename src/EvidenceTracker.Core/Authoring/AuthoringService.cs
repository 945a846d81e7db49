using EvidenceTracker.Articles;
using EvidenceTracker.Checking;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Loading;
using EvidenceTracker.Model;
using EvidenceTracker.Storage;
using EvidenceTracker.Yaml;

namespace EvidenceTracker.Authoring;

/// <summary>
/// Creates sources and claims and adds citations. Every value goes through the same readers that
/// <c>check</c> runs, so no command writes a file that <c>check</c> would reject; existing files are never
/// overwritten, and a citation is added by a byte-preserving edit.
/// </summary>
public static class AuthoringService
{
    public static WriteResult AddSource(AddSourceSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var root = RepositoryLoader.ResolveRoot(s.Root);
        var ids = Ids(root, "sources", recursive: false);
        var problems = new List<string>();
        string? doi = null;
        if (s.Doi is not null)
        {
            doi = Values.NormalizeDoi(s.Doi);
            if (doi is null)
            {
                problems.Add($"--doi '{s.Doi}' is not a DOI; give 10.xxxx/…, doi:10.xxxx/… or https://doi.org/10.xxxx/…");
            }
        }
        foreach (var target in s.ReportsOn.Where(t => !ids.Contains(t)))
        {
            problems.Add(UnknownId("--reports-on", "source", target, ids, "evidence add source"));
        }
        if (!s.AllowDuplicate)
        {
            problems.AddRange(Duplicates(root, DuplicateSources.Keys(doi ?? s.Doi, s.Pmid, s.Pmcid, s.Arxiv, s.Url).ToList()));
        }
        var baseId = DeriveSourceId(s);
        var id = s.Id ?? Slugs.Unique(baseId, ids.Contains);
        if (s.Id is not null && ids.Contains(s.Id))
        {
            problems.Add($"a source with id '{s.Id}' already exists (sources/{s.Id}.yaml); choose another --id, or leave --id out to derive one");
        }
        string TextOf(string id) => new NewSourceYaml
        {
            Id = id, Type = s.Type, Title = s.Title, Authors = s.Authors, Publisher = s.Publisher, Date = s.Date, Accessed = s.Accessed,
            Url = s.Url, Doi = doi ?? s.Doi, Pmid = s.Pmid, Lang = s.Lang, Level = s.Level, ReportsOn = s.ReportsOn, ReportsOnOnOneLine = true,
            Volume = s.Volume, Issue = s.Issue, Pages = s.Pages, Pmcid = s.Pmcid,
            Arxiv = s.Arxiv is { } ax ? Values.NormalizeArxiv(ax) ?? ax : null, Isbn = s.Isbn,
        }.ToString();
        Source? Read(string id, FindingSink sink) => DocumentReaders.ReadSource(YamlTreeReader.Read(TextOf(id), sink), sink);
        var sink = new FindingSink($"sources/{id}.yaml");
        var source = Read(id, sink);
        problems.AddRange(LockedEdit.Errors(sink));
        if (SafeFile.TooLargeProblem($"sources/{id}.yaml", TextOf(id), SafeFile.MaxYamlBytes) is { } tooLarge)
        {
            problems.Add(tooLarge);
        }
        if (problems.Count > 0)
        {
            return WriteResult.Refused([.. problems]);
        }
        var created = CreateNew(root, "sources", id, s.Id is null ? baseId : null, ids, TextOf,
            s.AllowDuplicate ? null : () => [.. Duplicates(root, DuplicateSources.Keys(doi ?? s.Doi, s.Pmid, s.Pmcid, s.Arxiv, s.Url).ToList())]);
        return created with { Source = created.Id == id ? source : Read(created.Id ?? id, new FindingSink("")) };
    }

    public static WriteResult AddClaim(AddClaimSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var root = RepositoryLoader.ResolveRoot(s.Root);
        var claimIds = Ids(root, "claims", recursive: true);
        var sourceIds = Ids(root, "sources", recursive: false);
        var articleIds = ArticleFiles.Ids(root);
        var problems = new List<string>();
        foreach (var c in s.Citations.Where(c => !sourceIds.Contains(c.Source)))
        {
            problems.Add(UnknownId("--cite", "source", c.Source, sourceIds, "evidence add source"));
        }
        if (s.Article is not null && !articleIds.Contains(s.Article))
        {
            problems.Add(UnknownId("--article", "article", s.Article, articleIds, "evidence import"));
        }
        if (s.Article is not null && s.Excerpt is not null && articleIds.Contains(s.Article) && ExcerptProblem(root, s.Article, s.Excerpt) is { } excerptProblem)
        {
            problems.Add(excerptProblem);
        }
        if (s.Id is not null && claimIds.Contains(s.Id))
        {
            problems.Add($"a claim with id '{s.Id}' already exists; choose another --id, or leave --id out to derive one");
        }
        var baseId = Slugs.ForText(s.Statement, "claim");
        var id = s.Id ?? Slugs.Unique(baseId, claimIds.Contains);
        string TextOf(string id)
        {
            var text = new YamlWriter()
                .Field("id", id)
                .Field("statement", s.Statement)
                .Field("article", s.Article)
                .Field("excerpt", s.Excerpt)
                .ToString();
            foreach (var c in s.Citations)
            {
                text = CitationEditor.AddCitation(text, c, out _) ?? text;
            }
            return new YamlWriter().Raw(text)
                .Field("verdict", s.Verdict)
                .Field("note", s.Note)
                .FlowList("tags", s.Tags)
                .ToString();
        }
        Claim? Read(string id, FindingSink sink) => DocumentReaders.ReadClaim(YamlTreeReader.Read(TextOf(id), sink), sink);
        var sink = new FindingSink($"claims/{id}.yaml");
        var claim = Read(id, sink);
        problems.AddRange(LockedEdit.Errors(sink));
        if (SafeFile.TooLargeProblem($"claims/{id}.yaml", TextOf(id), SafeFile.MaxYamlBytes) is { } tooLarge)
        {
            problems.Add(tooLarge);
        }
        if (problems.Count > 0)
        {
            return WriteResult.Refused([.. problems]);
        }
        var created = CreateNew(root, "claims", id, s.Id is null ? baseId : null, claimIds, TextOf);
        return created with { Claim = created.Id == id ? claim : Read(created.Id ?? id, new FindingSink("")) };
    }

    public static WriteResult Cite(CiteSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var root = RepositoryLoader.ResolveRoot(s.Root);
        var sourceIds = Ids(root, "sources", recursive: false);
        var claimFiles = ClaimFiles(root);
        var problems = new List<string>();
        if (!claimFiles.TryGetValue(s.Claim, out var file))
        {
            problems.Add(UnknownId("claim", "claim", s.Claim, claimFiles.Keys.ToHashSet(StringComparer.Ordinal), "evidence add claim"));
        }
        if (!sourceIds.Contains(s.Citation.Source))
        {
            problems.Add(UnknownId("source", "source", s.Citation.Source, sourceIds, "evidence add source"));
        }
        if (problems.Count > 0 || file is null)
        {
            return WriteResult.Refused([.. problems]);
        }
        // Read, edit and rename under the folder's lock: concurrent cites of one claim each add their citation.
        using var edit = LockedEdit.Open(root, file, "claims", $"claim '{s.Claim}'", s.LockTimeout);
        if (edit.Original is not { } original)
        {
            return WriteResult.Refused([.. edit.Problems]);
        }
        // Looked at again under the lock: `evidence mv` and `rm` hold every claim folder's lock while they rename or
        // remove a source and edit its citations, so a source gone by now went while this edit waited.
        if (!File.Exists(Path.Combine(root, "sources", s.Citation.Source + ".yaml")))
        {
            return WriteResult.Refused($"source '{s.Citation.Source}' was renamed or removed while this edit waited; nothing was written (run `evidence list sources`)");
        }
        var rel = edit.Rel;
        var readSink = edit.Before;
        var before = DocumentReaders.ReadClaim(YamlTreeReader.Read(original, readSink), readSink);
        if (before is not null && before.Citations.Any(c => Same(c, s.Citation)))
        {
            return WriteResult.Refused($"claim '{s.Claim}' already cites '{s.Citation.Source}' with this quote and locator; nothing to add");
        }
        var existing = before?.Citations.Where(c => c.Source == s.Citation.Source).ToList() ?? [];
        string? edited;
        string? problem;
        if (s.Again || existing.Count == 0)
        {
            edited = CitationEditor.AddCitation(original, s.Citation, out problem);
        }
        else if (existing.Count > 1)
        {
            return WriteResult.Refused($"claim '{s.Claim}' cites '{s.Citation.Source}' {existing.Count} times; add --again to cite it once more, or edit the citation you mean by hand");
        }
        else if (CitationEditor.Complete(original, s.Claim, existing[0], s.Citation, out problem) is { } completed)
        {
            edited = completed;
        }
        else
        {
            return WriteResult.Refused(problem ?? $"the edit of {rel} failed");
        }
        if (edited is null)
        {
            return WriteResult.Refused($"cannot edit {rel}: {problem}");
        }
        var sink = new FindingSink(rel);
        var claim = DocumentReaders.ReadClaim(YamlTreeReader.Read(edited, sink), sink);
        var newProblems = edit.NewErrors(sink, edited);
        if (newProblems.Count > 0 || claim is null)
        {
            return WriteResult.Refused([.. newProblems.DefaultIfEmpty($"the edit of {rel} would not read back as a claim")]);
        }
        edit.Write(edited);
        return new WriteResult { Id = s.Claim, Path = rel, Claim = claim };
    }

    /// <summary>Ids for <c>evidence add source</c>: publisher + date, else the URL's host + date, else the title.</summary>
    public static string DeriveSourceId(AddSourceSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var date = s.Date is null ? "" : "-" + Slugs.Slugify(s.Date);
        if (s.Publisher is not null && Slugs.IsMostlyLatin(s.Publisher) && Slugs.Slugify(s.Publisher, 60) is { Length: > 0 } publisher)
        {
            return publisher + date;
        }
        if (Slugs.HostSlug(s.Url, 60) is { } host)
        {
            return host + date;
        }
        return Slugs.ForText(s.Title, "source");
    }

    /// <summary>The existing sources that have one of the identifiers, each as a refusal naming it.</summary>
    private static IEnumerable<string> Duplicates(string root, IReadOnlyList<(string Kind, string Value)> wanted)
    {
        if (wanted.Count == 0)
        {
            yield break;
        }
        foreach (var file in RepositoryLoader.Enumerate(Path.Combine(root, "sources"), ".yaml", recursive: false))
        {
            var rel = RepositoryLoader.Relative(root, file);
            var sink = new FindingSink(rel);
            var text = SafeFile.LinkProblem(file, rel) is null ? SafeFile.Decode(File.ReadAllBytes(file), sink, Rules.YamlSyntax) : null;
            if (text is null || DocumentReaders.ReadSource(YamlTreeReader.Read(text, sink), sink) is not { } other)
            {
                continue;
            }
            foreach (var (kind, value) in DuplicateSources.Keys(other).Intersect(wanted))
            {
                yield return $"source '{other.Id}' ({rel}) already has this {kind} ({value}); cite it, or give --allow-duplicate to add a second record of the same work";
            }
        }
    }

    /// <summary>Why an excerpt is refused: it is not in the article (compared as <c>excerpt-not-in-article</c> compares).</summary>
    private static string? ExcerptProblem(string root, string article, string excerpt)
    {
        var file = Path.Combine(root, "articles", article + ".md");
        var rel = $"articles/{article}.md";
        var sink = new FindingSink(rel);
        var text = SafeFile.ReadText(file, SafeFile.RealDirectory(root), SafeFile.MaxDocumentBytes, sink, Rules.Schema);
        if (text is null)
        {
            return $"--excerpt: cannot read article '{article}' ({rel}) to check the excerpt: {string.Join("; ", sink.Findings.Select(f => f.Message))}";
        }
        var document = EvidenceTracker.Articles.ArticleParser.Parse(text);
        return document.ExcerptSpans(excerpt).Count > 0 || document.ContainsExcerpt(excerpt)
            ? null
            : $"--excerpt is not in article '{article}' ({rel}); copy the claim's words verbatim from it";
    }

    private static bool Same(Citation c, CitationSpec spec) =>
        c.Source == spec.Source && c.Quote == spec.Quote && c.Locator == spec.Locator && c.Stance == (spec.Stance ?? Stance.Supports);

    /// <summary>
    /// Creates the file of a new claim or source. When its id was derived (<paramref name="baseId"/>: no --id) and
    /// another command creates a file of that id between the look at the folder and the write, the next free id is
    /// taken, as it would have been had that file been there before; a given id is refused instead.
    /// </summary>
    /// <param name="recheck">Problems the file another command created may have caused (a source of the same DOI):
    /// when there are any, they are the answer instead of the next id.</param>
    private static WriteResult CreateNew(string root, string folder, string id, string? baseId, HashSet<string> taken, Func<string, string> textOf,
        Func<List<string>>? recheck = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            var path = $"{folder}/{id}.yaml";
            var result = Create(root, path, textOf(id), id);
            if (result.Ok || baseId is null || attempt >= 1_000 || File.Exists(Path.Combine(root, path)) is false)
            {
                return result;
            }
            if (recheck?.Invoke() is { Count: > 0 } problems)
            {
                return WriteResult.Refused([.. problems]);
            }
            taken.Add(id);
            id = Slugs.Unique(baseId, taken.Contains);
        }
    }

    private static WriteResult Create(string root, string path, string text, string id)
    {
        if (SafeFile.FolderProblem(root, SafeFile.RealDirectory(root), path[..path.IndexOf('/', StringComparison.Ordinal)]) is { } problem)
        {
            return WriteResult.Refused(problem);
        }
        var full = Path.Combine(root, path);
        if (!AtomicFile.TryCreateNew(full, text))
        {
            return WriteResult.Refused($"{path} already exists (another command may have just created it); nothing was written");
        }
        return new WriteResult { Id = id, Path = path };
    }

    private static string UnknownId(string what, string kind, string id, IReadOnlySet<string> known, string howToAdd)
    {
        var hint = Values.Nearest(id, known);
        return hint is not null
            ? $"{what}: no {kind} has the id '{id}'; did you mean '{hint}'?"
            : $"{what}: no {kind} has the id '{id}'; add it with `{howToAdd}` (see `evidence list {kind}s`)";
    }

    /// <summary>The ids present in a folder: the file names, which the id-mismatch rule keeps equal to the ids.</summary>
    public static HashSet<string> Ids(string root, string folder, bool recursive, string extension = ".yaml") =>
        RepositoryLoader.Enumerate(Path.Combine(root, folder), extension, recursive)
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Each claim id (its file name) and the file; linked folders inside claims/ are not entered.</summary>
    public static Dictionary<string, string> ClaimFiles(string root)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in RepositoryLoader.Enumerate(Path.Combine(root, "claims"), ".yaml", recursive: true))
        {
            result.TryAdd(Path.GetFileNameWithoutExtension(f), f);
        }
        return result;
    }
}
