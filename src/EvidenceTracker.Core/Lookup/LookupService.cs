using EvidenceTracker.Authoring;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Loading;
using EvidenceTracker.Model;
using EvidenceTracker.Storage;
using EvidenceTracker.Verification;
using EvidenceTracker.Yaml;

namespace EvidenceTracker.Lookup;

/// <summary>
/// <c>evidence lookup</c> and the look-up of <c>add source</c>: asks every identifier a source has (DOI, PubMed id,
/// arXiv id, and its URL when it has none of those), fills the fields the source file lacks — what the file already
/// says wins — and caches Crossref's update notices for <c>retracted-source</c>. Look-ups of different sources run
/// concurrently within the client's limits; a failure is reported and never stops the rest.
/// </summary>
public static class LookupService
{
    /// <summary>Metadata for a new source from its identifiers, each asked in turn (DOI first); the first answer wins per field.</summary>
    public static async Task<(SourceMetadata? Metadata, IReadOnlyList<string> Problems)> Describe(LookupSettings settings, Identifiers ids, HttpMessageHandler? handler = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(ids);
        using var lookups = new IdentifierLookups(settings, handler);
        var (metadata, problems, _) = await Gather(lookups, ids.Doi, ids.Pmid, ids.Arxiv, ids.Url, cancel).ConfigureAwait(false);
        return (metadata, problems);
    }

    public static async Task<LookupReport> Run(LookupSettings settings, IReadOnlyList<string> ids, bool all, HttpMessageHandler? handler = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(ids);
        if (SafeFile.FolderProblem(settings.Root, SafeFile.RealDirectory(settings.Root), $"sources/{Network.LookupCache.FolderName}") is { } cacheProblem)
        {
            throw new IOException(cacheProblem); // before any request: nothing asked could be kept
        }
        var set = RepositoryLoader.Load(settings.Root);
        var byId = set.Sources.GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var unknown = ids.Where(id => !byId.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList();
        var chosen = all || ids.Count == 0
            ? set.Sources.OrderBy(s => s.Id, StringComparer.Ordinal).ToList()
            : ids.Where(byId.ContainsKey).Distinct(StringComparer.Ordinal).Select(id => byId[id]).ToList();
        using var lookups = new IdentifierLookups(settings, handler);
        var tasks = chosen.Select(s => LookupOne(settings.Root, lookups, s, cancel)).ToList();
        var results = await Task.WhenAll(tasks).ConfigureAwait(false);
        return new LookupReport(results, lookups.Requests, unknown);
    }

    private static async Task<SourceLookup> LookupOne(string root, IdentifierLookups lookups, Source source, CancellationToken cancel)
    {
        var url = source.Doi is null && source.Pmid is null && source.Arxiv is null ? source.Url : null;
        if (source.Doi is null && source.Pmid is null && source.Arxiv is null && url is null)
        {
            return new SourceLookup { Id = source.Id, File = source.File, NoIdentifier = true };
        }
        var (metadata, problems, notices) = await Gather(lookups, source.Doi, source.Pmid, source.Arxiv, url, cancel).ConfigureAwait(false);
        var filled = new List<string>();
        var allProblems = problems.ToList();
        if (metadata is not null)
        {
            if (Fill(root, source, metadata, filled) is { } problem)
            {
                allProblems.Add(problem);
            }
        }
        return new SourceLookup { Id = source.Id, File = source.File, Filled = filled, Notices = notices, Problems = allProblems };
    }

    private static async Task<(SourceMetadata? Metadata, IReadOnlyList<string> Problems, IReadOnlyList<UpdateNotice> Notices)> Gather(
        IdentifierLookups lookups, string? doi, string? pmid, string? arxiv, string? url, CancellationToken cancel)
    {
        var asks = new List<Task<LookupAnswer>>();
        if (doi is not null)
        {
            asks.Add(lookups.Doi(doi, cancel));
        }
        if (pmid is not null)
        {
            asks.Add(lookups.Pmid(pmid, cancel));
        }
        if (arxiv is not null)
        {
            asks.Add(lookups.Arxiv(arxiv, cancel));
        }
        if (url is not null)
        {
            asks.Add(lookups.Url(url, cancel));
        }
        var updates = doi is not null ? lookups.CrossrefUpdates(doi, cancel) : null;
        var answers = await Task.WhenAll(asks).ConfigureAwait(false);
        SourceMetadata? merged = null;
        var problems = new List<string>();
        foreach (var a in answers)
        {
            if (a.Metadata is { } m)
            {
                merged = merged is null ? m : merged.Or(m);
            }
            else if (a.Problem is { } p)
            {
                problems.Add(p);
            }
        }
        var notices = merged?.Updates.ToList() ?? [];
        if (updates is not null)
        {
            var u = await updates.ConfigureAwait(false);
            if (u.Metadata is { } m)
            {
                notices.AddRange(m.Updates);
            }
            else if (u.Problem is { } p && merged is not null)
            {
                // the work was found but its notices could not be fetched: say so, since a retraction may be missed
                problems.Add(p);
            }
        }
        return (merged, problems, notices.Distinct().ToList());
    }

    /// <summary>Look-ups of one run fill their sources one at a time (each under the sources folder's lock).</summary>
    private static readonly Lock FillGate = new();

    /// <summary>
    /// Writes the fields the source file lacks; null when done (or nothing to do), else why not. The file is read and
    /// replaced under the sources folder's <see cref="EditLock"/>, as <c>set</c> and <c>snapshot</c> edit it, so that
    /// an edit made while the look-up waited on the network is kept; a source file that is a link is not edited.
    /// </summary>
    private static string? Fill(string root, Source source, SourceMetadata metadata, List<string> filled)
    {
        lock (FillGate)
        {
            try
            {
                using var edit = LockedEdit.Open(root, Path.Combine(root, source.File), "sources", $"source '{source.Id}'", null);
                if (edit.Original is not { } text)
                {
                    return $"{source.File}: {string.Join("; ", edit.Problems)}";
                }
                return Fill(edit, text, source, metadata, filled);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                filled.Clear();
                return $"{source.File}: cannot be read or written: {ex.Message}";
            }
        }
    }

    private static string? Fill(LockedEdit edit, string text, Source source, SourceMetadata metadata, List<string> filled)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        if (YamlTreeReader.Read(text, new FindingSink(source.File)) is YMapping map)
        {
            foreach (var e in map.Entries)
            {
                if (e.Value is not YScalar { IsNull: true })
                {
                    present.Add(e.Key.Value);
                }
            }
        }
        var scalars = new List<(string, string)>();
        var lists = new List<(string, IReadOnlyList<string>)>();
        foreach (var (field, value) in metadata.Fields())
        {
            // a look-up never changes what the file says (its type and title included); a URL comes only from the record
            if (present.Contains(field) || field is "type" or "title")
            {
                continue;
            }
            if (value is IReadOnlyList<string> items)
            {
                lists.Add((field, items));
            }
            else
            {
                scalars.Add((field, (string)value));
            }
            filled.Add(field);
        }
        if (filled.Count == 0)
        {
            return null;
        }
        var edited = SourceFieldEditor.Set(text, scalars, lists, out var problem);
        if (edited is null)
        {
            filled.Clear();
            return $"{source.File}: cannot be filled in place: {problem}";
        }
        var sink = new FindingSink(source.File);
        DocumentReaders.ReadSource(YamlTreeReader.Read(edited, sink), sink);
        if (sink.Findings.FirstOrDefault(f => f.Severity == Severity.Error) is { } error)
        {
            filled.Clear();
            return $"{source.File}: the looked-up fields would not load ({error.Message}); nothing written";
        }
        if (SafeFile.TooLargeProblem(source.File, edited, SafeFile.MaxYamlBytes) is { } tooLarge)
        {
            filled.Clear();
            return tooLarge;
        }
        edit.Write(edited);
        return null;
    }
}
