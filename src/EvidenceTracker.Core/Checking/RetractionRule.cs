using EvidenceTracker.Diagnostics;
using EvidenceTracker.Loading;
using EvidenceTracker.Lookup;
using EvidenceTracker.Model;
using EvidenceTracker.Network;

namespace EvidenceTracker.Checking;

/// <summary>
/// <c>retracted-source</c>: the notices that <c>evidence lookup</c> cached for a cited source — Crossref's
/// <c>updated-by</c> records of its DOI (<c>sources/.cache/crossref/</c>) and PubMed's <c>Retracted Publication</c>
/// type of its PMID (<c>sources/.cache/pubmed/</c>) — reported on every claim that cites it: an error for a
/// retraction (or withdrawal, removal), a warning for an expression of concern, a note for a correction. Reads the
/// cache only; never opens a connection. A cache entry that cannot be read is a note on the source.
/// </summary>
internal static class RetractionRule
{
    /// <summary>
    /// Reports the notices and returns them by source id: those of every source with a DOI or PMID, cited or not (the
    /// site shows them on the source's page); findings are made for the cited ones only.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<UpdateNotice>> Run(EvidenceSet set, Dictionary<string, Source> sources, List<Finding> findings)
    {
        var bySource = new Dictionary<string, IReadOnlyList<UpdateNotice>>(StringComparer.Ordinal);
        var cache = new LookupCache(set.Root);
        if (!Directory.Exists(cache.Folder))
        {
            return bySource;
        }
        var cited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in set.Claims)
        {
            foreach (var citation in claim.Citations)
            {
                cited.Add(citation.Source);
            }
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var identified = sources.Values.Where(s => (s.Doi is not null || s.Pmid is not null) && seen.Add(s.Id))
            .OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        if (identified.Count == 0)
        {
            return bySource;
        }
        var notices = new IReadOnlyList<UpdateNotice>[identified.Count];
        var problems = new List<string>?[identified.Count];
        Parallelism.For(identified.Count, Parallelism.Files, i => notices[i] = NoticesOf(cache, identified[i], out problems[i]));

        for (var i = 0; i < identified.Count; i++)
        {
            var source = identified[i];
            if (notices[i].Count > 0)
            {
                bySource[source.Id] = notices[i];
            }
            if (!cited.Contains(source.Id))
            {
                continue;
            }
            foreach (var problem in problems[i] ?? [])
            {
                findings.Add(new Finding
                {
                    Rule = Rules.RetractedSource,
                    Severity = Severity.Note,
                    Message = $"cannot tell whether source '{source.Id}' was retracted: {problem}",
                    File = source.File,
                    Line = (source.Positions.Value("doi") ?? source.Positions.Value("pmid"))?.Line,
                    Column = (source.Positions.Value("doi") ?? source.Positions.Value("pmid"))?.Column,
                    Source = source.Id,
                });
            }
        }
        if (bySource.Count == 0)
        {
            return bySource;
        }
        foreach (var claim in set.Claims)
        {
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var citation in claim.Citations)
            {
                if (!bySource.TryGetValue(citation.Source, out var list) || !reported.Add(citation.Source))
                {
                    continue;
                }
                foreach (var notice in list)
                {
                    findings.Add(new Finding
                    {
                        Rule = Rules.RetractedSource,
                        Severity = SeverityOf(notice.Kind),
                        Message = Message(citation.Source, notice),
                        File = claim.File,
                        Line = citation.SourcePosition.Line,
                        Column = citation.SourcePosition.Column,
                        Claim = claim.Id,
                        Source = citation.Source,
                    });
                }
            }
        }
        return bySource;
    }

    /// <summary>The kinds that withdraw a work (an error), that raise a concern (a warning), and that correct it (a note).</summary>
    private static readonly HashSet<string> Withdrawn = new(["retraction", "withdrawal", "removal", "partial_retraction"], StringComparer.Ordinal);
    private static readonly HashSet<string> Concerns = new(["expression_of_concern"], StringComparer.Ordinal);
    private static readonly HashSet<string> Corrections = new(["correction", "erratum", "corrigendum", "addendum", "clarification"], StringComparer.Ordinal);

    internal static bool Counts(string kind) => Withdrawn.Contains(kind) || Concerns.Contains(kind) || Corrections.Contains(kind);

    internal static Severity SeverityOf(string kind) =>
        Withdrawn.Contains(kind) ? Severity.Error : Concerns.Contains(kind) ? Severity.Warning : Severity.Note;

    private static string Message(string source, UpdateNotice notice)
    {
        var what = notice.Kind switch
        {
            "retraction" => "was retracted",
            "partial_retraction" => "was partly retracted",
            "withdrawal" => "was withdrawn",
            "removal" => "was removed",
            "expression_of_concern" => "is subject to an expression of concern",
            _ => $"has a {notice.Kind.Replace('_', ' ')}",
        };
        var details = new List<string>();
        if (notice.Doi is { } doi)
        {
            details.Add($"notice {doi}");
        }
        if (notice.Date is { } date)
        {
            details.Add(date);
        }
        details.Add($"recorded by {notice.RecordedBy ?? "publisher"}");
        return $"cited source '{source}' {what} ({string.Join(", ", details)})";
    }

    private static readonly System.Buffers.SearchValues<string> Markers =
        System.Buffers.SearchValues.Create(["updated-by", "Retracted Publication", "body-base64"], StringComparison.Ordinal);

    /// <summary>
    /// Whether a cache entry may name a notice: most name none, and reading the bytes costs far less than parsing two
    /// levels of JSON. The entry is parsed when its text holds <c>updated-by</c> (Crossref), <c>Retracted Publication</c>
    /// (PubMed) or a base64 body; a missing entry, or one that cannot be read, is left to <see cref="LookupCache.Read"/>.
    /// </summary>
    private static bool MayHoldNotice(LookupCache cache, string kind, string identifier)
    {
        string text;
        try
        {
            if (cache.FolderProblem(kind) is not null)
            {
                return true; // never read: the cache's reader reports the folder
            }
            var info = new FileInfo(Path.Combine(cache.Folder, kind, LookupCache.FileName(identifier)));
            if (!info.Exists)
            {
                return info.LinkTarget is not null; // a dangling link is reported by the cache's reader too
            }
            if (info.LinkTarget is not null)
            {
                return true; // never followed: the cache's reader reports the link
            }
            text = System.Text.Encoding.UTF8.GetString(LookupCache.ReadEntry(info.FullName, LookupCache.RelativePath(kind, identifier)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return true;
        }
        return text.AsSpan().IndexOfAny(Markers) >= 0;
    }

    private static IReadOnlyList<UpdateNotice> NoticesOf(LookupCache cache, Source source, out List<string>? problems)
    {
        problems = null;
        var found = new List<UpdateNotice>();
        if (source.Doi is { } doi)
        {
            if (!MayHoldNotice(cache, "crossref", doi))
            {
                // no notice named: nothing to parse
            }
            else if (cache.Read("crossref", doi, out var problem) is { } answer)
            {
                if (MetadataReaders.FromCrossrefWork(answer.Body, out var why) is { } notices)
                {
                    found.AddRange(notices.Where(n => Counts(n.Kind)));
                }
                else
                {
                    (problems ??= []).Add($"{LookupCache.RelativePath("crossref", doi)}: {why}");
                }
            }
            else if (problem is not null)
            {
                (problems ??= []).Add(problem);
            }
        }
        if (source.Pmid is { } pmid)
        {
            if (!MayHoldNotice(cache, "pubmed", pmid))
            {
                // no notice named: nothing to parse
            }
            else if (cache.Read("pubmed", pmid, out var problem) is { } answer)
            {
                // only the notice matters here: an answer without the record is the look-up's concern, not this rule's
                if (MetadataReaders.FromPubMedSummary(answer.Body, pmid, out _) is { } metadata)
                {
                    found.AddRange(metadata.Updates.Where(n => Counts(n.Kind)));
                }
            }
            else if (problem is not null)
            {
                (problems ??= []).Add(problem);
            }
        }
        // a retraction that both Crossref and PubMed record is reported by each: they name different records
        return found.Distinct().ToList();
    }
}
