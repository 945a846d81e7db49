using System.Diagnostics;
using System.Globalization;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Loading;
using EvidenceTracker.Model;
using EvidenceTracker.Verification;

namespace EvidenceTracker.Checking;

/// <summary>Runs the rules of the contract over a loaded evidence set.</summary>
public static class Checker
{
    public static CheckReport Run(EvidenceSet set, ICheckObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        var total = Stopwatch.StartNew();
        var stages = new List<CheckStage>();
        var stageStart = TimeSpan.Zero;
        var stageAllocated = GC.GetTotalAllocatedBytes();
        var stagePaused = GC.GetTotalPauseDuration();
        void Stage(string name)
        {
            var now = total.Elapsed;
            var allocated = GC.GetTotalAllocatedBytes();
            var paused = GC.GetTotalPauseDuration();
            stages.Add(new(name, now - stageStart, allocated - stageAllocated, paused - stagePaused));
            stageStart = now;
            stageAllocated = allocated;
            stagePaused = paused;
        }
        var findings = new List<Finding>(set.LoadFindings);
        var sources = IndexById(set.Sources, s => s.Id, s => s.File, s => s.Positions, "source", findings, (f, id) => f with { Source = id });
        var claimIdFindings = new List<Finding>();
        var articles = set.Articles.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);

        // Stages that read the model and nothing else run beside one another where one of them would leave a core idle:
        // the source rules (serial) beside verification (spread over the cores), then the claim rules (serial) beside
        // the article rules, whose excerpt look-up is serial too. Each keeps its findings apart; they are joined in the
        // order the stages ran one after the other, so the report is the same.
        var sourceFindings = new List<Finding>();
        VerificationResult? verification = null;
        var verifying = new Stopwatch();
        var cpu = TimeSpan.Zero;
        Parallelism.Beside(set.Claims.Count, Parallelism.ClaimVerifications,
            () =>
            {
                _ = IndexById(set.Claims, c => c.Id, c => c.File, c => c.Positions, "claim", claimIdFindings, (f, id) => f with { Claim = id });
                CheckSources(set.Sources, sources, sourceFindings);
                DuplicateSources.Run(set.Sources, sourceFindings);
            },
            () =>
            {
                verifying.Start();
                cpu = Environment.CpuUsage.TotalTime;
                verification = EvidenceVerifier.Run(set, sources);
                cpu = Environment.CpuUsage.TotalTime - cpu;
                verifying.Stop();
            });
        findings.AddRange(claimIdFindings);
        findings.AddRange(sourceFindings);
        findings.AddRange(verification!.Findings);
        Stage("sources and verification");
        // A figure mismatch keeps a claim from `verified` unless the rule is turned off.
        var compareFigures = !(set.Config.RuleSeverities.TryGetValue(Rules.FigureMismatch, out var fs) && fs == Severity.Off);

        var cited = new HashSet<string>(StringComparer.Ordinal);
        var statuses = new List<ClaimStatus>(set.Claims.Count);
        var claimFindings = new List<Finding>();
        var articleFindings = new List<Finding>();
        Articles.CitekeyResolver? resolver = null;
        Parallelism.Beside(set.Claims.Count, Parallelism.ClaimVerifications,
            () =>
            {
                for (var i = 0; i < set.Claims.Count; i++)
                {
                    var claim = set.Claims[i];
                    var quotes = verification.Quotes[i];
                    CheckClaim(claim, sources, articles, cited, claimFindings, quotes, compareFigures && verification.FigureMismatch[i], out var level);
                    statuses.Add(new ClaimStatus(claim, level) { Quotes = quotes });
                }
            },
            () =>
            {
                // the citation-key index (every source's keys, DOIs and URLs normalised) is made beside the claim rules too
                resolver = new Articles.CitekeyResolver(set.Sources);
                ArticleRules.Run(set, articleFindings, resolver);
            });
        findings.AddRange(claimFindings);
        findings.AddRange(articleFindings);
        Stage("claims and articles");
        var citedByKey = CitekeyRule.Run(set, resolver!, findings);
        Stage("citation keys");
        var notices = RetractionRule.Run(set, sources, findings);
        Stage("retractions");

        foreach (var source in set.Sources)
        {
            if (!cited.Contains(source.Id) && !citedByKey.Contains(source.Id))
            {
                findings.Add(Make(Rules.OrphanSource, $"no claim cites source '{source.Id}'", source.File,
                    source.Positions.Value("id")) with { Source = source.Id });
            }
        }

        CheckStraySnapshots(set, findings);
        Stage("orphans");

        var report = new CheckReport
        {
            Set = set,
            Findings = Configure(findings, set),
            Claims = statuses,
            Notices = notices,
        };
        Stage("configure");
        observer?.Timed(new CheckTimings(TimeSpan.Zero, total.Elapsed - verifying.Elapsed, verifying.Elapsed,
            verification.Snapshots, verification.QuotesLookedUp)
        {
            Snapshotting = verification.SnapshotTime,
            Claims = verification.ClaimTime,
            VerificationCpu = cpu,
            Stages = stages,
        });
        return report;
    }

    /// <summary>The support level of a claim, worst first, from the citations of existing sources (no quote verified).</summary>
    public static SupportLevel SupportOf(Claim claim, Func<string, bool> sourceExists) =>
        SupportOf(claim, sourceExists, [], figureMismatch: false);

    /// <summary>
    /// The support level of a claim, worst first: <c>verified</c> when a supporting quote was found in its
    /// source's intact snapshot (<paramref name="quotes"/>, one per citation) and no figure of the claim is
    /// missing from its supporting quotes; <c>quoted</c> when a supporting quote is not (or not yet) verified.
    /// </summary>
    public static SupportLevel SupportOf(Claim claim, Func<string, bool> sourceExists, IReadOnlyList<QuoteCheck> quotes, bool figureMismatch)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(sourceExists);
        ArgumentNullException.ThrowIfNull(quotes);
        // one pass, no allocation: this runs for every claim of the repository
        bool anyExisting = false, anySupportingQuote = false, anyVerified = false;
        for (var i = 0; i < claim.Citations.Count; i++)
        {
            var c = claim.Citations[i];
            if (!sourceExists(c.Source))
            {
                continue;
            }
            if (c.Stance == Stance.Refutes)
            {
                return SupportLevel.Contradicted;
            }
            anyExisting = true;
            if (c.Stance == Stance.Supports && !string.IsNullOrWhiteSpace(c.Quote))
            {
                anySupportingQuote = true;
                anyVerified |= i < quotes.Count && quotes[i].Status == QuoteStatus.Verified;
            }
        }
        if (!anyExisting)
        {
            return SupportLevel.Unsupported;
        }
        if (!anySupportingQuote)
        {
            return SupportLevel.Cited;
        }
        return !figureMismatch && anyVerified ? SupportLevel.Verified : SupportLevel.Quoted;
    }

    private static void CheckClaim(Claim claim, Dictionary<string, Source> sources, HashSet<string> articles,
        HashSet<string> cited, List<Finding> findings, IReadOnlyList<QuoteCheck> quotes, bool figureMismatch, out SupportLevel level)
    {
        Finding At(string rule, string message, Position? at) => Make(rule, message, claim.File, at) with { Claim = claim.Id };

        foreach (var citation in claim.Citations)
        {
            if (sources.ContainsKey(citation.Source))
            {
                cited.Add(citation.Source);
            }
            else
            {
                var hint = Values.Nearest(citation.Source, sources.Keys);
                findings.Add(At(Rules.UnknownSource, hint is null
                    ? $"citation names source '{citation.Source}' which does not exist"
                    : $"citation names source '{citation.Source}' which does not exist; did you mean '{hint}'?",
                    citation.SourcePosition) with { Source = citation.Source });
            }
        }
        if (claim.Citations.Count > 1)
        {
            ReportRepeatedCitations(claim, findings);
        }
        if (claim.Article is { } article && !articles.Contains(article))
        {
            findings.Add(At(Rules.UnknownArticle, Values.Nearest(article, articles) is { } hint
                    ? $"claim names article '{article}' which does not exist (no articles/{article}.md); did you mean '{hint}'?"
                    : $"claim names article '{article}' which does not exist (no articles/{article}.md)",
                claim.Positions.Value("article")) with { Article = article });
        }

        if (Drafts.IsPlaceholder(claim.Statement))
        {
            findings.Add(At(Rules.Schema, Drafts.Message, claim.Positions.Value("statement")) with { Severity = Severity.Warning });
        }

        level = SupportOf(claim, sources.ContainsKey, quotes, figureMismatch);
        if (level == SupportLevel.Unsupported && claim.Verdict is null)
        {
            findings.Add(At(Rules.UnsupportedClaim, claim.Citations.Count == 0
                    ? $"claim '{claim.Id}' cites no source and has no verdict"
                    : $"claim '{claim.Id}' cites no existing source and has no verdict",
                claim.Positions.Key("citations") ?? claim.Positions.Value("id") ?? Position.Start));
        }
        if (claim.Verdict is { } verdict && VerdictConflict(verdict, level, claim, sources) is { } why)
        {
            findings.Add(At(Rules.VerdictConflict, $"verdict '{Names.Of(verdict)}' conflicts with the evidence: {why}",
                claim.Positions.Value("verdict")));
        }
        if (Drafts.IsPlaceholder(claim.Statement))
        {
            level = SupportLevel.Draft; // counted and shown as a draft, never as cited
        }
    }

    /// <summary>A claim that cites one source more than once with the same locator (or none).</summary>
    private static void ReportRepeatedCitations(Claim claim, List<Finding> findings)
    {
        var seen = new HashSet<(string, string?)>();
        foreach (var citation in claim.Citations)
        {
            if (!seen.Add((citation.Source, citation.Locator)))
            {
                findings.Add(Make(Rules.Schema, citation.Locator is null
                        ? $"claim cites source '{citation.Source}' more than once without a locator; give each citation its own locator, or merge them"
                        : $"claim cites source '{citation.Source}' more than once with the locator '{citation.Locator}'; give each citation its own locator, or merge them",
                    claim.File, citation.SourcePosition) with { Claim = claim.Id, Source = citation.Source, Severity = Severity.Warning });
            }
        }
    }

    private static string? VerdictConflict(Verdict verdict, SupportLevel level, Claim claim, Dictionary<string, Source> sources)
    {
        var supporting = claim.Citations.Any(c => c.Stance == Stance.Supports && sources.ContainsKey(c.Source));
        return verdict switch
        {
            Verdict.Supported when level == SupportLevel.Contradicted => "a cited source refutes the claim",
            Verdict.Supported or Verdict.PartlySupported when !supporting => "no existing source is cited in support",
            Verdict.Contradicted when level != SupportLevel.Contradicted => "no existing source is cited with stance: refutes",
            _ => null,
        };
    }

    private static void CheckSources(IReadOnlyList<Source> list, Dictionary<string, Source> sources, List<Finding> findings)
    {
        foreach (var source in list)
        {
            for (var i = 0; i < source.ReportsOn.Count; i++)
            {
                var target = source.ReportsOn[i];
                var at = i < source.ReportsOnPositions.Count ? source.ReportsOnPositions[i] : source.Positions.Value("reports-on");
                if (!sources.ContainsKey(target))
                {
                    findings.Add(Make(Rules.Schema, Values.Nearest(target, sources.Keys) is { } hint
                            ? $"reports-on names source '{target}' which does not exist; did you mean '{hint}'?"
                            : $"reports-on names source '{target}' which does not exist", source.File, at)
                        with { Source = source.Id });
                }
                else if (target == source.Id)
                {
                    findings.Add(Make(Rules.Schema, $"source '{source.Id}' reports on itself", source.File, at)
                        with { Source = source.Id });
                }
            }
        }
        foreach (var cycle in ReportsOnCycles(sources))
        {
            var first = sources[cycle[0]];
            findings.Add(Make(Rules.Schema, $"reports-on forms a cycle: {string.Join(" → ", cycle.Append(cycle[0]))}", first.File,
                first.Positions.Value("reports-on")) with { Source = first.Id });
        }
    }

    /// <summary>Cycles of length two or more in the reports-on graph, each reported once.</summary>
    private static List<List<string>> ReportsOnCycles(Dictionary<string, Source> sources)
    {
        var cycles = new List<List<string>>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on stack, 2 = done
        var path = new List<string>();
        foreach (var start in sources.Keys.Order(StringComparer.Ordinal))
        {
            if (state.ContainsKey(start))
            {
                continue;
            }
            // Iterative depth-first search; the stack holds (node, next child index).
            var stack = new Stack<(string Node, int Next)>();
            stack.Push((start, 0));
            state[start] = 1;
            path.Add(start);
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                var targets = sources[node].ReportsOn;
                if (next < targets.Count)
                {
                    stack.Push((node, next + 1));
                    var t = targets[next];
                    if (t == node || !sources.ContainsKey(t))
                    {
                        continue;
                    }
                    if (!state.TryGetValue(t, out var s))
                    {
                        state[t] = 1;
                        path.Add(t);
                        stack.Push((t, 0));
                    }
                    else if (s == 1)
                    {
                        cycles.Add(path[path.IndexOf(t)..]);
                    }
                }
                else
                {
                    state[node] = 2;
                    path.RemoveAt(path.Count - 1);
                }
            }
        }
        return cycles;
    }

    private static Dictionary<string, T> IndexById<T>(IReadOnlyList<T> items, Func<T, string> id, Func<T, string> file,
        Func<T, FieldPositions> positions, string kind, List<Finding> findings, Func<Finding, string, Finding> tag)
    {
        var index = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var key = id(item);
            var path = file(item);
            var at = positions(item).Value("id");
            if (at is not null && !IsStem(key, path))
            {
                findings.Add(tag(Make(Rules.IdMismatch, $"{kind} id '{key}' differs from its file name '{DocumentReaders.Stem(path)}'", path, at), key));
            }
            if (!index.TryAdd(key, item))
            {
                findings.Add(tag(Make(Rules.DuplicateId, $"{kind} id '{key}' is also used by {file(index[key])}", path, at), key));
            }
        }
        return index;
    }

    /// <summary>Whether <paramref name="id"/> is the file name of <paramref name="path"/> without its extension (<see cref="DocumentReaders.Stem"/>, without making it).</summary>
    private static bool IsStem(string id, string path)
    {
        var name = path.AsSpan(path.LastIndexOf('/') + 1);
        var dot = name.LastIndexOf('.');
        return (dot > 0 ? name[..dot] : name).SequenceEqual(id);
    }

    /// <summary><c>stray-snapshot</c>: files in sources/snapshots/ that no source refers to (a source file that could not be read is searched as text).</summary>
    private static void CheckStraySnapshots(EvidenceSet set, List<Finding> findings)
    {
        var loaded = set.Sources.Select(s => s.File).ToHashSet(StringComparer.Ordinal);
        var sourcesFolder = Path.Combine(set.Root, "sources");
        IEnumerable<string> unread;
        try
        {
            unread = Directory.Exists(sourcesFolder)
                ? [.. Directory.EnumerateFiles(sourcesFolder, "*.yaml")
                    .Where(f => !Path.GetFileName(f).StartsWith('.') && !loaded.Contains(RepositoryLoader.Relative(set.Root, f)))]
                : [];
            foreach (var name in SnapshotFiles.Unreferenced(set.Root, set.Sources.Select(s => s.Snapshot), unread))
            {
                var file = $"sources/{SnapshotFiles.Folder}/{name}";
                findings.Add(Make(Rules.StraySnapshot, SnapshotFiles.IsToolName(name, out _)
                    ? $"no source refers to {file}, a snapshot written by `evidence snapshot` that no source uses (any more); the next `evidence snapshot` of its source removes it, or delete it"
                    : $"no source refers to {file}; record it with `evidence snapshot SOURCE {file}`, or delete it", file, null));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // the folder cannot be listed: the snapshots that sources name report their own problems
        }
    }

    private static Finding Make(string rule, string message, string file, Position? at) => new()
    {
        Rule = rule,
        Severity = Rules.DefaultSeverity(rule),
        Message = message,
        File = file,
        Line = at?.Line,
        Column = at?.Column,
    };

    private static List<Finding> Configure(List<Finding> findings, EvidenceSet set)
    {
        var config = set.Config;
        var claimSuppressions = set.Claims.Where(c => c.Suppressions.Count > 0)
            .GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.SelectMany(c => c.Suppressions).ToList(), StringComparer.Ordinal);
        var sourceSuppressions = set.Sources.Where(s => s.Suppressions.Count > 0)
            .GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.SelectMany(s => s.Suppressions).ToList(), StringComparer.Ordinal);
        var result = new List<Finding>(findings.Count);
        foreach (var f in findings)
        {
            var severity = config.RuleSeverities.TryGetValue(f.Rule, out var s) ? s : f.Severity;
            if (severity != Severity.Off)
            {
                var configured = severity == f.Severity ? f : f with { Severity = severity };
                result.Add(IsSuppressed(configured, config, claimSuppressions, sourceSuppressions) ? configured with { Suppressed = true } : configured);
            }
        }
        // a serial stage at the end of every check: at 100,000 claims the sort alone took 0.14 s of one core
        return Capped(Parallelism.Sort(result, CompareFindings));
    }

    /// <summary>The most findings of one rule a report lists for one file (see <see cref="Capped"/>).</summary>
    public const int MaxFindingsPerRuleAndFile = 1_000;

    /// <summary>
    /// At most <see cref="MaxFindingsPerRuleAndFile"/> findings of one rule for one file, the first in file order, then
    /// one finding of that rule saying how many more there are (at the first one left out, with the most severe
    /// severity of those left out, so that counts and the exit code tell the same story). A file built to give a finding
    /// every few bytes (an article of 800,000 "A 5." sentences) would otherwise make a report 65 times its size;
    /// a compiler stops at its first errors for the same reason.
    /// </summary>
    private static List<Finding> Capped(List<Finding> sorted)
    {
        if (sorted.Count <= MaxFindingsPerRuleAndFile || !AnyFileOver(sorted))
        {
            return sorted;
        }
        var counts = new Dictionary<(string?, string, bool), int>();
        var over = false;
        foreach (var f in sorted)
        {
            var key = (f.File, f.Rule, f.Suppressed);
            var n = counts[key] = counts.GetValueOrDefault(key) + 1;
            over |= n > MaxFindingsPerRuleAndFile;
        }
        if (!over)
        {
            return sorted;
        }
        var kept = new List<Finding>(sorted.Count);
        var left = new Dictionary<(string?, string, bool), (Finding First, Severity Worst, int Count)>();
        counts.Clear();
        foreach (var f in sorted)
        {
            var key = (f.File, f.Rule, f.Suppressed);
            if ((counts[key] = counts.GetValueOrDefault(key) + 1) <= MaxFindingsPerRuleAndFile)
            {
                kept.Add(f);
            }
            else
            {
                left[key] = left.TryGetValue(key, out var l)
                    ? (l.First, l.Worst > f.Severity ? l.Worst : f.Severity, l.Count + 1)
                    : (f, f.Severity, 1);
            }
        }
        foreach (var (_, (first, worst, count)) in left)
        {
            kept.Add(first with
            {
                Severity = worst,
                Message = string.Create(CultureInfo.InvariantCulture,
                    $"and {count:N0} more {first.Rule} findings in this file from here on, not listed (a report lists at most {MaxFindingsPerRuleAndFile:N0} per rule and file)"),
            });
        }
        kept.Sort(CompareFindings);
        return kept;
    }

    /// <summary>
    /// Whether some file has more than <see cref="MaxFindingsPerRuleAndFile"/> findings, of all rules together: the
    /// findings are sorted by file, so each file's are one run. When none has, no rule of any file can be over the cap,
    /// and the count by file, rule and suppression (a dictionary of 100,000 keys at 100,000 claims) is not needed.
    /// </summary>
    private static bool AnyFileOver(List<Finding> sorted)
    {
        var run = 0;
        for (var i = 0; i < sorted.Count; i++)
        {
            run = i > 0 && string.Equals(sorted[i].File, sorted[i - 1].File, StringComparison.Ordinal) ? run + 1 : 1;
            if (run > MaxFindingsPerRuleAndFile)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A claim's <c>suppress:</c> covers the findings of that claim; a source's, the findings of that source that concern
    /// no claim; <c>evidence.yaml</c>'s, the findings in its file whose message contains its match.
    /// </summary>
    private static bool IsSuppressed(Finding f, EvidenceConfig config,
        Dictionary<string, List<Suppression>> claims, Dictionary<string, List<Suppression>> sources)
    {
        if (f.Claim is { } claim && claims.TryGetValue(claim, out var cs) && cs.Any(x => x.Rule == f.Rule))
        {
            return true;
        }
        if (f.Claim is null && f.Source is { } source && sources.TryGetValue(source, out var ss) && ss.Any(x => x.Rule == f.Rule))
        {
            return true;
        }
        return config.Suppressions.Any(x => x.Rule == f.Rule && string.Equals(x.File, f.File, StringComparison.Ordinal)
            && (x.Match is null || f.Message.Contains(x.Match, StringComparison.Ordinal)));
    }

    public static int CompareFindings(Finding a, Finding b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var c = string.CompareOrdinal(a.File, b.File);
        if (c != 0) return c;
        c = (a.Line ?? 0).CompareTo(b.Line ?? 0);
        if (c != 0) return c;
        c = (a.Column ?? 0).CompareTo(b.Column ?? 0);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.Rule, b.Rule);
        return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
    }
}
