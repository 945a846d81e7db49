using EvidenceTracker.Diagnostics;
using EvidenceTracker.Importing;
using EvidenceTracker.Model;

namespace EvidenceTracker.Checking;

/// <summary>
/// A source's identity: its DOI, PMID, PMCID, arXiv id and normalised URL (<see cref="Urls.Normalize"/>). Two sources
/// that share one are the same work recorded twice: <c>add source</c> refuses the second (unless told
/// <c>--allow-duplicate</c>), and the <c>duplicate-source</c> rule finds those made by hand or by import.
/// </summary>
public static class DuplicateSources
{
    /// <summary>Each identifier of the source as (what it is, its normalised value).</summary>
    public static IEnumerable<(string Kind, string Value)> Keys(Source source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Keys(source.Doi, source.Pmid, source.Pmcid, source.Arxiv, source.Url);
    }

    /// <summary>The identifiers given, normalised as they are compared (DOIs bare and lowercase, URLs normalised).</summary>
    public static IEnumerable<(string Kind, string Value)> Keys(string? doi, string? pmid, string? pmcid, string? arxiv, string? url)
    {
        if (doi is { Length: > 0 })
        {
            yield return ("DOI", Values.NormalizeDoi(doi) ?? doi.Trim().ToLowerInvariant());
        }
        if (pmid is { Length: > 0 })
        {
            yield return ("PMID", Values.NormalizePmid(pmid) ?? pmid.Trim());
        }
        if (pmcid is { Length: > 0 })
        {
            yield return ("PMCID", pmcid.Trim().ToUpperInvariant());
        }
        if (arxiv is { Length: > 0 })
        {
            yield return ("arXiv id", Values.NormalizeArxiv(arxiv) ?? arxiv.Trim().ToLowerInvariant());
        }
        if (Urls.Normalize(url) is { } normal)
        {
            yield return ("URL", normal);
        }
    }

    /// <summary><c>duplicate-source</c>: every source that shares an identifier with one before it (in id order), at that field.</summary>
    public static void Run(IReadOnlyList<Source> sources, List<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(findings);
        var first = new Dictionary<(string, string), Source>();
        foreach (var source in sources.OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            foreach (var (kind, value) in Keys(source).Distinct())
            {
                if (!first.TryAdd((kind, value), source) && first[(kind, value)] is var other && other.Id != source.Id)
                {
                    var field = kind switch { "DOI" => "doi", "PMID" => "pmid", "PMCID" => "pmcid", "arXiv id" => "arxiv", _ => "url" };
                    var at = source.Positions.Value(field);
                    findings.Add(new Finding
                    {
                        Rule = Rules.DuplicateSource,
                        Severity = Rules.DefaultSeverity(Rules.DuplicateSource),
                        Message = $"source '{source.Id}' has the {kind} of source '{other.Id}' ({value}); keep one of them (`evidence mv`, `evidence rm {source.Id} --force`), or cite each for what it is",
                        File = source.File,
                        Line = at?.Line,
                        Column = at?.Column,
                        Source = source.Id,
                    });
                }
            }
        }
    }
}
