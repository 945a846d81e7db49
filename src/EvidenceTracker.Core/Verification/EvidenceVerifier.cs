using System.Globalization;
using System.Text;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Loading;
using EvidenceTracker.Model;
using EvidenceTracker.Quotes;
using EvidenceTracker.Text;

namespace EvidenceTracker.Verification;

/// <summary>
/// The rules that weigh the evidence itself: <c>quote-not-found</c>, <c>figure-mismatch</c>,
/// <c>secondary-only</c> and <c>missing-snapshot</c>, plus the snapshot integrity checks (<c>schema</c>).
/// Each snapshot is read, reduced and indexed once (<see cref="SnapshotLibrary"/>); claims are then verified in parallel.
/// </summary>
public static class EvidenceVerifier
{
    /// <summary>Below this similarity the closest passage is not worth naming.</summary>
    public const double SimilarityThreshold = 0.6;

    /// <summary>Figure kinds a claim's figures are checked for; years, dates and ordinals are context, not measurements.</summary>
    public static bool IsChecked(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return figure.Kind is FigureKind.Number or FigureKind.Percent or FigureKind.Range;
    }

    public static VerificationResult Run(EvidenceSet set, IReadOnlyDictionary<string, Source> sources)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(sources);
        var findings = new List<Finding>();
        var claims = set.Claims;

        // 1. Each snapshot once: read, hash, extract, index; look its quotes up there and then.
        var requests = new Dictionary<string, List<(int Claim, int Citation)>>(StringComparer.Ordinal);
        var outcomes = new QuoteOutcome?[claims.Count][];
        for (var i = 0; i < claims.Count; i++)
        {
            var citations = claims[i].Citations;
            outcomes[i] = new QuoteOutcome?[citations.Count];
            for (var j = 0; j < citations.Count; j++)
            {
                if (HasQuote(citations[j]) && sources.TryGetValue(citations[j].Source, out var s) && s.Snapshot is not null)
                {
                    if (!requests.TryGetValue(s.Id, out var list))
                    {
                        requests[s.Id] = list = [];
                    }
                    list.Add((i, j));
                }
            }
        }
        var lookedUp = 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var library = SnapshotLibrary.Load(set, sources, requests.ContainsKey, (source, snapshot) =>
        {
            foreach (var (i, j) in requests[source.Id])
            {
                outcomes[i][j] = LookUp(claims[i].Citations[j].Quote!, snapshot);
                Interlocked.Increment(ref lookedUp);
            }
        }, findings);
        var snapshotTime = watch.Elapsed;

        // 2. Each claim: quote outcomes into checks and findings; figures; chains.
        var quotes = new IReadOnlyList<QuoteCheck>[claims.Count];
        var mismatch = new bool[claims.Count];
        var perClaim = new List<Finding>[claims.Count];
        void VerifyOne(int i)
        {
            var list = new List<Finding>();
            perClaim[i] = list;
            quotes[i] = CheckQuotes(claims[i], sources, library, outcomes[i], list);
            mismatch[i] = CheckFigures(claims[i], sources, list);
            CheckChain(claims[i], sources, list);
        }
        Parallelism.For(claims.Count, Parallelism.ClaimVerifications, VerifyOne);
        foreach (var list in perClaim)
        {
            findings.AddRange(list);
        }
        return new VerificationResult
        {
            Findings = findings,
            Quotes = quotes,
            FigureMismatch = mismatch,
            Snapshots = library.Count,
            QuotesLookedUp = lookedUp,
            SnapshotTime = snapshotTime,
            ClaimTime = watch.Elapsed - snapshotTime,
        };
    }

    /// <summary>A quote looked up in a snapshot: its check, and the quote-not-found message when not found.</summary>
    private sealed record QuoteOutcome(QuoteCheck Check, string? NotFound);

    private static QuoteOutcome LookUp(string quote, Snapshot snapshot)
    {
        var match = snapshot.Matcher!.Find(quote);
        var line = match.ClosestPassage is null ? (int?)null : snapshot.LineOf(match.Start);
        if (match.Found)
        {
            return new QuoteOutcome(snapshot.State == SnapshotState.Intact
                ? new QuoteCheck { Status = QuoteStatus.Verified, Snapshot = snapshot.File, Line = line, Similarity = 1 }
                : new QuoteCheck
                {
                    Status = QuoteStatus.Unverified, Snapshot = snapshot.File, Line = line, Similarity = 1,
                    Reason = "found, but the snapshot changed since it was archived",
                }, null);
        }
        return new QuoteOutcome(
            new QuoteCheck { Status = QuoteStatus.NotFound, Snapshot = snapshot.File, Line = line, Similarity = match.Similarity },
            NotFoundMessage(quote, snapshot, match));
    }

    private static bool HasQuote(Citation c) => !string.IsNullOrWhiteSpace(c.Quote);

    private static Finding At(Claim claim, string rule, string message, Position? at, string? source = null) => new()
    {
        Rule = rule,
        Severity = Rules.DefaultSeverity(rule),
        Message = message,
        File = claim.File,
        Line = (at ?? claim.Positions.Value("id") ?? Position.Start).Line,
        Column = (at ?? claim.Positions.Value("id") ?? Position.Start).Column,
        Claim = claim.Id,
        Source = source,
    };

    private static QuoteCheck[] CheckQuotes(Claim claim, IReadOnlyDictionary<string, Source> sources,
        IReadOnlyDictionary<string, SnapshotStatus> library, QuoteOutcome?[] outcomes, List<Finding> findings)
    {
        var checks = new QuoteCheck[claim.Citations.Count];
        for (var j = 0; j < checks.Length; j++)
        {
            var c = claim.Citations[j];
            if (!HasQuote(c) || !sources.TryGetValue(c.Source, out var source))
            {
                checks[j] = QuoteCheck.NoQuote;
                continue;
            }
            var at = c.QuotePosition ?? c.Start;
            if (source.Snapshot is null)
            {
                findings.Add(At(claim, Rules.MissingSnapshot,
                    $"source '{source.Id}' has no snapshot, so this quote cannot be verified; archive a copy with `evidence snapshot {source.Id} FILE`",
                    at, source.Id));
                checks[j] = new QuoteCheck { Status = QuoteStatus.Unverified, Reason = "the source has no snapshot" };
                continue;
            }
            if (outcomes[j] is not { } outcome)
            {
                // The snapshot could not be used (reported on the source file).
                var status = library.GetValueOrDefault(source.Id);
                checks[j] = new QuoteCheck
                {
                    Status = QuoteStatus.Unverified,
                    Snapshot = status?.File ?? $"sources/{source.Snapshot}",
                    Reason = status?.State == SnapshotState.Missing ? "the snapshot file is missing" : "the snapshot cannot be read",
                };
                continue;
            }
            checks[j] = outcome.Check;
            if (outcome.NotFound is { } message)
            {
                findings.Add(At(claim, Rules.QuoteNotFound, message, at, source.Id));
            }
        }
        return checks;
    }

    /// <summary>
    /// <c>quote not found in sources/snapshots/x.txt; closest passage (96% similar) at line 12: "…" (the quote has
    /// "85.2%" where the passage has "85.1%")</c>.
    /// </summary>
    internal static string NotFoundMessage(string quote, Snapshot snapshot, QuoteMatch match)
    {
        var sb = new StringBuilder("quote not found in ");
        sb.Append(snapshot.IsHtml ? $"the main text of {snapshot.File}" : snapshot.IsPdf ? $"the text of {snapshot.File}" : snapshot.File);
        var normalizedLength = TextNormalizer.Normalize(quote).Text.Length;
        if (match.ClosestPassage is null && normalizedLength > QuoteMatcher.MaxApproximateQuoteLength)
        {
            return sb.Append(CultureInfo.InvariantCulture,
                $"; at {normalizedLength} characters the quote is too long for a closest-passage search (the limit is {QuoteMatcher.MaxApproximateQuoteLength}): quote a shorter passage").ToString();
        }
        if (match.ClosestPassage is null || match.Similarity < SimilarityThreshold)
        {
            return sb.Append(CultureInfo.InvariantCulture, $"; no similar passage (none is {(int)(SimilarityThreshold * 100)}% similar or more)").ToString();
        }
        var percent = (int)Math.Floor(match.Similarity * 100);
        sb.Append(CultureInfo.InvariantCulture, $"; closest passage ({percent}% similar)");
        if (snapshot.IsPdf)
        {
            sb.Append(CultureInfo.InvariantCulture, $" on page {snapshot.PageOf(WholeWords(snapshot.Text!, match.Start, match.Start + match.Length, TextNormalizer.Normalize(quote).Text).Start)}");
        }
        else if (!snapshot.IsHtml)
        {
            sb.Append(CultureInfo.InvariantCulture, $" at line {snapshot.LineOf(WholeWords(snapshot.Text!, match.Start, match.Start + match.Length, TextNormalizer.Normalize(quote).Text).Start)}");
        }
        var q = TextNormalizer.Normalize(quote).Text;
        var (start, end) = WholeWords(snapshot.Text!, match.Start, match.Start + match.Length, q);
        var p = TextNormalizer.Normalize(snapshot.Text![start..end]).Text;
        sb.Append(": \"").Append(Excerpt(p, q)).Append('"');
        if (Difference(q, p) is { } diff)
        {
            sb.Append(" (the quote has \"").Append(diff.Quote).Append("\" where the passage has \"").Append(diff.Passage).Append("\")");
        }
        return sb.ToString();
    }

    /// <summary>
    /// The closest passage as shown: never starting or ending inside a word (an edit at the quote's first or last
    /// word can make the alignment stop mid-word), and without leading punctuation the quote does not start with.
    /// </summary>
    private static (int Start, int End) WholeWords(string text, int start, int end, string quote)
    {
        for (var guard = 0; guard < 40 && start > 0 && char.IsAsciiLetterOrDigit(text[start - 1]) && char.IsAsciiLetterOrDigit(text[start]); guard++)
        {
            start--;
        }
        for (var guard = 0; guard < 40 && end < text.Length && end > 0 && char.IsAsciiLetterOrDigit(text[end - 1]) && char.IsAsciiLetterOrDigit(text[end]); guard++)
        {
            end++;
        }
        var first = quote.Length > 0 ? quote[0] : ' ';
        while (start < end && (char.IsWhiteSpace(text[start]) || (char.IsPunctuation(text[start]) && text[start] != first && char.IsLetterOrDigit(first))))
        {
            start++;
        }
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        return end > start ? (start, end) : (start, Math.Max(start, end));
    }

    /// <summary>The passage, or for a long one the part around its first difference from the quote.</summary>
    private static string Excerpt(string passage, string quote)
    {
        const int Max = 120;
        if (passage.Length <= Max)
        {
            return passage;
        }
        var prefix = CommonPrefix(quote, passage);
        var start = Math.Clamp(prefix - 50, 0, passage.Length - Max);
        var text = passage.Substring(start, Max);
        return (start > 0 ? "…" : "") + text + (start + Max < passage.Length ? "…" : "");
    }

    private static int CommonPrefix(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        var i = 0;
        while (i < n && a[i] == b[i])
        {
            i++;
        }
        return i;
    }

    /// <summary>The differing words (digits, letters, decimal points) of quote and passage, when short.</summary>
    private static (string Quote, string Passage)? Difference(string q, string p)
    {
        var prefix = CommonPrefix(q, p);
        var suffix = 0;
        while (suffix < q.Length - prefix && suffix < p.Length - prefix && q[q.Length - 1 - suffix] == p[p.Length - 1 - suffix])
        {
            suffix++;
        }
        static bool Word(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or ',' or '%';
        // Widen to whole words; both texts agree outside [prefix, length - suffix).
        while (prefix > 0 && Word(q[prefix - 1]))
        {
            prefix--;
        }
        while (suffix > 0 && Word(q[q.Length - suffix]))
        {
            suffix--;
        }
        var a = q[prefix..(q.Length - suffix)].Trim();
        var b = p[prefix..(p.Length - suffix)].Trim();
        a = a.TrimEnd('.', ',').TrimStart('.', ',');
        b = b.TrimEnd('.', ',').TrimStart('.', ',');
        return a.Length is > 0 and <= 40 && b.Length is > 0 and <= 40 && a != b ? (a, b) : null;
    }

    /// <summary><c>figure-mismatch</c>: each figure of the statement and the excerpt must be stated by a supporting quote.</summary>
    private static bool CheckFigures(Claim claim, IReadOnlyDictionary<string, Source> sources, List<Finding> findings)
    {
        var supporting = claim.Citations
            .Where(c => c.Stance == Stance.Supports && HasQuote(c) && sources.ContainsKey(c.Source))
            .Select(c => c.Quote!)
            .ToList();
        if (supporting.Count == 0)
        {
            return false;
        }
        // the claim's own figures first: most claims are settled without reading their quotes' figures at all; each text
        // is scanned once, for its figures and its versions together
        StatedFigures? stated = null;
        string? quoted = null;
        void ReadQuotes()
        {
            var figures = new List<Figure>();
            var versions = new List<VersionIdentifier>();
            foreach (var quote in supporting)
            {
                var (f, v) = FigureExtractor.ExtractAll(quote);
                figures.AddRange(f);
                versions.AddRange(v);
            }
            stated = new StatedFigures(figures, versions);
        }
        // the quotes as a finding names them, made once for all the claim's findings
        string Quoted() => quoted ??= string.Join("; ", supporting.Take(3).Select(q => $"\"{Shorten(q, 80)}\""))
            + (supporting.Count > 3 ? $"; and {supporting.Count - 3} more" : "");
        var mismatch = false;
        foreach (var (field, text) in (ReadOnlySpan<(string, string?)>)[("statement", claim.Statement), ("excerpt", claim.Excerpt)])
        {
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }
            HashSet<string>? seen = null;
            var (figuresOfText, versions) = FigureExtractor.ExtractAll(text);
            // Versions are identifiers: a quote naming QNX 8.0 does not state QNX 8.5 (a quote that names no QNX is silent).
            if (versions.Count > 0 && stated is null)
            {
                ReadQuotes();
            }
            foreach (var version in versions)
            {
                var named = stated!.Named(version);
                if (named.Count == 0 || stated.StatesVersion(version) || !(seen ??= new(StringComparer.Ordinal)).Add("version " + version.Text))
                {
                    continue;
                }
                mismatch = true;
                var names = string.Join(", ", named.Select(v => v.Text).Distinct(StringComparer.Ordinal).Take(3));
                findings.Add(At(claim, Rules.FigureMismatch,
                    $"version '{version.Text}' ({field}) is not the one the supporting quotes name ({names})", claim.Positions.Value(field)));
            }
            foreach (var figure in figuresOfText)
            {
                if (!IsChecked(figure))
                {
                    continue;
                }
                if (stated is null)
                {
                    ReadQuotes();
                }
                if (stated!.States(figure) || !(seen ??= new(StringComparer.Ordinal)).Add(figure.Normalized))
                {
                    continue;
                }
                mismatch = true;
                findings.Add(At(claim, Rules.FigureMismatch,
                    $"figure '{figure.Text.Trim()}' ({field}) is not stated by any supporting quote ({Quoted()})",
                    claim.Positions.Value(field)));
            }
        }
        return mismatch;
    }

    /// <summary>
    /// <c>secondary-only</c>: a claim rests on primary research only when it cites a primary source itself, with
    /// <c>stance: supports</c>. What its sources report on is a lead to check, not support; the message names the leads.
    /// </summary>
    private static void CheckChain(Claim claim, IReadOnlyDictionary<string, Source> sources, List<Finding> findings)
    {
        var supporting = Chains.Supporting(claim, sources);
        if (supporting.Count == 0 || supporting.Any(id => sources[id].Level == SourceLevel.Primary))
        {
            return;
        }
        var leads = Chains.Leads(claim, sources);
        var message = $"cites no primary source in support: {Named(supporting, sources)}; " + (leads.Count == 0
            ? "cite the primary research, or record what a source reports on with `reports-on`"
            : $"leads to check: {Named(leads, sources)} (reported on by a cited source, not cited for this claim); cite the primary research where it states this");
        findings.Add(At(claim, Rules.SecondaryOnly, message, claim.Positions.Key("citations")));
    }

    private static string Named(IReadOnlyList<string> ids, IReadOnlyDictionary<string, Source> sources) =>
        string.Join(", ", ids.Take(6).Select(id => $"{id} ({(sources[id].Level is { } l ? Names.Of(l) : "no level")})"))
        + (ids.Count > 6 ? $" and {ids.Count - 6} more" : "");

    internal static string Shorten(string text, int max)
    {
        var flat = string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= max ? flat : flat[..(max - 1)] + "…";
    }
}
