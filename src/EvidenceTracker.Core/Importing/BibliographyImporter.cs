using EvidenceTracker.Authoring;
using System.Text;
using EvidenceTracker.Bibliography;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Loading;
using EvidenceTracker.Model;
using EvidenceTracker.Storage;
using EvidenceTracker.Yaml;

namespace EvidenceTracker.Importing;

/// <summary>
/// Imports BibTeX/BibLaTeX (<c>.bib</c>), RIS (<c>.ris</c>) and CSL-JSON (<c>.json</c>) files as sources. Each entry
/// becomes a source whose id is its key (slugged) or derived from author, year and title; duplicates — by DOI, then
/// normalised URL, then title + year — are merged, among the files' entries and with the existing sources. Every file
/// written loads back through the repository loader without schema findings; new files never replace existing ones.
/// </summary>
public static class BibliographyImporter
{
    /// <summary>A source planned or existing, with what dedupe needs to know.</summary>
    private sealed class Target
    {
        public required string Id { get; init; }
        public required string File { get; init; }
        public BibEntry? Draft { get; init; }
        /// <summary>For a planned source: the bibliography file its entry came from, as displayed.</summary>
        public string? Origin { get; init; }
        public Source? Existing { get; init; }
        public string? ExistingText { get; set; }
        public int Baseline { get; set; }
        public List<string> Added { get; } = [];
    }

    /// <summary>Imports bibliography files (full paths; each read as <see cref="ImportFormats"/> says).</summary>
    /// <exception cref="BibliographyFileException">A file that is missing, unreadable, too large or of no format import reads.</exception>
    public static ImportResult Import(string root, IReadOnlyList<string> files, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(files);
        var full = RepositoryLoader.ResolveRoot(root);
        // Entries merged into existing source files are read-modify-write edits: hold the sources folder's edit lock
        // from reading the sources to renaming the last file, as `snapshot` does.
        using var editing = dryRun ? null : EditLock.Acquire(Path.Combine(full, "sources"), "sources/");
        var set = RepositoryLoader.Load(full);
        var findings = new List<Finding>();
        var created = new List<ImportedFile>();
        var merged = new List<ImportedFile>();
        var skipped = new List<ImportedFile>();
        var byDoi = new Dictionary<string, Target>(StringComparer.Ordinal);
        var byUrl = new Dictionary<string, Target>(StringComparer.Ordinal);
        var byTitle = new Dictionary<string, Target>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var nextSuffix = new Dictionary<string, int>(StringComparer.Ordinal);
        var sourcesDir = Path.Combine(full, "sources");
        if (Directory.Exists(sourcesDir))
        {
            foreach (var path in Directory.EnumerateFiles(sourcesDir, "*.yaml"))
            {
                taken.Add(Path.GetFileNameWithoutExtension(path));
            }
        }
        foreach (var s in set.Sources.OrderBy(s => s.File, StringComparer.Ordinal))
        {
            taken.Add(s.Id);
            var t = new Target { Id = s.Id, File = s.File, Existing = s };
            Index(t, s.Doi, s.Url, s.Title, s.Date, byDoi, byUrl, byTitle);
        }

        var plans = new List<Target>();
        var entries = 0;
        foreach (var file in files)
        {
            var path = Path.GetFullPath(file, full);
            var display = SafeFile.IsInside(path, full) ? RepositoryLoader.Relative(full, path) : path.Replace('\\', '/');
            var parsed = ParseFile(path, display);
            findings.AddRange(parsed.Findings);
            var diag = new BibDiagnostics(display);
            var unmapped = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var entry in parsed.Entries)
            {
                entries++;
                foreach (var name in entry.Unmapped)
                {
                    unmapped[name] = unmapped.GetValueOrDefault(name) + 1;
                }
                var origin = new EntryOrigin(display, entry.Start.Line, entry.Start.Column, entry.Label, entry.Key);
                if (!Validate(entry, diag))
                {
                    continue;
                }
                var (match, by) = Find(entry, byDoi, byUrl, byTitle);
                if (match is not null)
                {
                    var added = Merge(match, entry, full);
                    if (added.Count > 0)
                    {
                        merged.Add(new ImportedFile { Kind = ImportKind.Source, Action = ImportAction.Merge, Id = match.Id, Path = match.File, Entry = origin, MatchedBy = by, IntoExisting = match.Existing is not null, AddedFields = added });
                        Index(match, entry.Doi, entry.Url, null, null, byDoi, byUrl, byTitle);
                    }
                    else
                    {
                        skipped.Add(new ImportedFile { Kind = ImportKind.Source, Action = ImportAction.Skip, Id = match.Id, Path = match.File, Entry = origin, MatchedBy = by, IntoExisting = match.Existing is not null });
                    }
                    continue;
                }
                var id = Unique(BaseId(entry), taken, nextSuffix);
                taken.Add(id);
                var target = new Target { Id = id, File = $"sources/{id}.yaml", Draft = entry, Origin = display };
                plans.Add(target);
                Index(target, entry.Doi, entry.Url, entry.Title, entry.Date, byDoi, byUrl, byTitle);
                created.Add(new ImportedFile { Kind = ImportKind.Source, Action = ImportAction.Create, Id = id, Path = target.File, Entry = origin });
            }
            if (unmapped.Count > 0)
            {
                diag.Note($"not imported (a source has no field for them): {string.Join(", ", unmapped.Select(kv => kv.Value == 1 ? kv.Key : $"{kv.Key} ×{kv.Value}"))}", null);
            }
            findings.AddRange(diag.Findings);
        }

        findings.AddRange(KeepKnownReports(plans, set.Sources.Select(s => s.Id)));

        var verifyDiag = new BibDiagnostics("sources");
        var writes = new List<(string Path, byte[] Bytes, bool New)>();
        // rendering and reading back are independent per source: done in parallel, used in order
        var rendered = new (string Yaml, string? Problem)[plans.Count];
        Parallelism.For(plans.Count, Parallelism.RenderedSources, k =>
        {
            var yaml = Render(plans[k].Id, plans[k].Draft!);
            rendered[k] = (yaml, Verify(plans[k].File, yaml));
        });
        for (var k = 0; k < plans.Count; k++)
        {
            var plan = plans[k];
            var (yaml, problem0) = rendered[k];
            if (problem0 is { } problem)
            {
                verifyDiag.Error($"{plan.File}: the source written for {plan.Draft!.Label} would not load back ({problem}); not written", null);
                created.RemoveAll(c => c.Id == plan.Id);
                continue;
            }
            writes.Add((Path.Combine(full, "sources", plan.Id + ".yaml"), Encoding.UTF8.GetBytes(yaml), true));
        }
        foreach (var target in byDoi.Values.Concat(byUrl.Values).Concat(byTitle.Values).Distinct().Where(t => t.Existing is not null && t.Added.Count > 0))
        {
            var path = Path.Combine(full, target.File);
            var text = target.ExistingText!;
            if (Problems(target.File, text) > target.Baseline && Verify(target.File, text) is { } problem)
            {
                verifyDiag.Error($"{target.File}: adding {string.Join(", ", target.Added)} would leave the file unreadable ({problem}); not changed", null);
                var moved = merged.Where(m => m.Id == target.Id && m.IntoExisting).ToList();
                merged.RemoveAll(moved.Contains);
                skipped.AddRange(moved.Select(m => m with { Action = ImportAction.Skip, AddedFields = [] }));
                continue;
            }
            writes.Add((path, Encoding.UTF8.GetBytes(text), false));
        }
        findings.AddRange(verifyDiag.Findings);

        if (!dryRun && writes.Count > 0)
        {
            Directory.CreateDirectory(sourcesDir);
            foreach (var conflict in AtomicFile.WriteAll(writes))
            {
                var rel = RepositoryLoader.Relative(full, conflict);
                findings.Add(new Finding { Rule = BibRules.Entry, Severity = Severity.Error, Message = $"{rel} appeared while importing; left as it is, the entry not written", File = rel });
                created.RemoveAll(c => c.Path == rel);
            }
        }
        return new ImportResult
        {
            DryRun = dryRun,
            BibliographyInputs = files.Count,
            Entries = entries,
            Files = [.. created, .. merged, .. skipped],
            Problems = [],
            Findings = findings,
        };
    }

    /// <summary>
    /// Leaves out of each new source's <c>reports-on</c> what <c>check</c> would reject: the source itself, and an id that
    /// is neither an existing source nor one this import creates; each with a warning at its entry.
    /// </summary>
    private static List<Finding> KeepKnownReports(List<Target> plans, IEnumerable<string> existing)
    {
        var known = existing.Concat(plans.Select(p => p.Id)).ToHashSet(StringComparer.Ordinal);
        var findings = new List<Finding>();
        foreach (var plan in plans)
        {
            var e = plan.Draft!;
            var dropped = e.ReportsOn.Where(r => r == plan.Id || !known.Contains(r)).ToList();
            if (dropped.Count == 0)
            {
                continue;
            }
            e.ReportsOn.RemoveAll(dropped.Contains);
            var diag = new BibDiagnostics(plan.Origin!);
            foreach (var r in dropped)
            {
                diag.Warning(r == plan.Id
                    ? $"{e.Label}: reports-on: '{r}' is the source itself; left out"
                    : $"{e.Label}: reports-on: no source has the id '{r}'; left out", e.Start);
            }
            findings.AddRange(diag.Findings);
        }
        return findings;
    }

    // ------------------------------------------------------------------ reading

    private static BibParseResult ParseFile(string path, string display)
    {
        if (ImportFormats.Of(path)?.Bibliography is not { } format)
        {
            throw new BibliographyFileException($"'{display}' is not a bibliography import reads: use {ImportFormats.List(bibliographies: true)}");
        }
        byte[] bytes;
        try
        {
            // a link the user named is followed; a named pipe (which could block) or a device (which never ends) is not read
            bytes = UserFile.ReadAllBytes(path, display, UserFile.MaxBibliographyBytes, pipes: false);
        }
        catch (UserFileException ex)
        {
            throw new BibliographyFileException(ex.Reason switch
            {
                "is a folder, not a file" => $"'{display}' is a folder; pass bibliography files ({ImportFormats.List(bibliographies: true)})",
                "does not exist" => ex.Message,
                _ => $"{ex.Message}; not read",
            }, ex);
        }
        if (format == BibliographyFormat.CslJson)
        {
            return CslJsonParser.Parse(bytes, display);
        }
        if (format == BibliographyFormat.CslYaml)
        {
            return CslYaml.Parse(bytes, display);
        }
        var diag = new BibDiagnostics(display);
        var text = Decode(bytes, diag);
        var parsed = format == BibliographyFormat.Ris ? RisParser.Parse(text, display) : BibTexParser.Parse(text, display);
        parsed.Findings.InsertRange(0, diag.Findings);
        return parsed;
    }

    /// <summary>UTF-8 (with or without BOM); a file that is not UTF-8 is read as Windows-1252, with a warning.</summary>
    private static string Decode(byte[] bytes, BibDiagnostics diag)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }
        if (System.Text.Unicode.Utf8.IsValid(span))
        {
            return Encoding.UTF8.GetString(span);
        }
        diag.Warning("the file is not valid UTF-8; read as Latin-1 (save it as UTF-8 to be sure of accented letters)", null);
        return Encoding.Latin1.GetString(span);
    }

    // ------------------------------------------------------------------ values

    /// <summary>Checks and normalises an entry's values as the loader will; bad values are left out with a warning.</summary>
    private static bool Validate(BibEntry e, BibDiagnostics diag)
    {
        var at = e.Start;
        e.Title = Clean(e.Title);
        if (string.IsNullOrWhiteSpace(e.Title))
        {
            diag.Error($"{e.Label} has no title; not imported (a source needs one)", at);
            return false;
        }
        string? Check(string? value, string field, Func<string, string?> problem)
        {
            value = Clean(value);
            if (value is null)
            {
                return null;
            }
            if (problem(value) is { } p)
            {
                diag.Warning($"{e.Label}: {field}: {p}; left out", at);
                return null;
            }
            return value;
        }
        if (e.Doi is not null)
        {
            var doi = Values.NormalizeDoi(e.Doi.Replace("\\_", "_", StringComparison.Ordinal));
            if (doi is null)
            {
                diag.Warning($"{e.Label}: doi: '{e.Doi}' is not a DOI; left out", at);
            }
            e.Doi = doi;
        }
        e.Url = Check(e.Url, "url", Values.UrlProblem);
        if (e.Doi is null && e.Url is not null && Values.NormalizeDoi(e.Url) is { } fromUrl)
        {
            e.Doi = fromUrl;
        }
        if (e.Pmid is not null)
        {
            var p = e.Pmid.Trim();
            if (p.StartsWith("PMID:", StringComparison.OrdinalIgnoreCase))
            {
                p = p[5..].Trim();
            }
            e.Pmid = Check(p, "pmid", Values.PmidProblem);
        }
        e.Date = Check(e.Date, "date", Values.DateProblem);
        e.Accessed = Check(e.Accessed, "accessed", Values.DateProblem);
        e.Archived = Check(e.Archived, "archived", Values.DateProblem);
        e.Lang = Check(e.Lang, "lang", Values.LangProblem);
        e.Level = Check(e.Level, "level", v => Names.Levels.Contains(v) ? null : $"'{v}' is not primary or secondary");
        e.Snapshot = Check(e.Snapshot, "snapshot", v => v.StartsWith('/') || v.Contains('\\', StringComparison.Ordinal) || v.Any(char.IsControl) || v.Split('/').Contains("..") ? $"'{Values.Printable(v)}' is not a relative path inside sources/" : null);
        e.SnapshotSha256 = Check(e.SnapshotSha256, "snapshot-sha256", v => v.Length == 64 && v.All(char.IsAsciiHexDigitLower) ? null : $"'{v}' is not a lowercase SHA-256 digest");
        var reports = e.ReportsOn.Select(Clean).OfType<string>().Where(r => Values.SlugProblem(r) is null).Distinct(StringComparer.Ordinal).ToList();
        e.ReportsOn.Clear();
        e.ReportsOn.AddRange(reports);
        e.Publisher = Clean(e.Publisher);
        e.Volume = Clean(e.Volume);
        e.Issue = Clean(e.Issue);
        e.Pages = Clean(e.Pages);
        var authors = e.Authors.Where(a => Clean(a.ToString()) is not null).ToList();
        e.Authors.Clear();
        e.Authors.AddRange(authors);
        return true;
    }

    /// <summary>Trimmed, single-line, without lone surrogates or control characters; null when empty.</summary>
    private static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var needs = false;
        foreach (var c in value)
        {
            if (char.IsControl(c) || char.IsSurrogate(c))
            {
                needs = true;
                break;
            }
        }
        if (needs)
        {
            var sb = new StringBuilder(value.Length);
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    sb.Append(c).Append(value[++i]);
                }
                else if (char.IsSurrogate(c))
                {
                    sb.Append('\uFFFD');
                }
                else
                {
                    sb.Append(char.IsControl(c) ? ' ' : c);
                }
            }
            value = Latex.CollapseSpace(sb.ToString());
        }
        value = value.Trim();
        return value.Length == 0 ? null : value;
    }

    // ------------------------------------------------------------------ duplicates

    /// <summary>A URL for comparison: scheme, <c>www.</c>, default port, trailing slash and fragment ignored; host lowercase.</summary>
    public static string? NormalizeUrl(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }
        var host = uri.Host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }
        var path = uri.AbsolutePath.TrimEnd('/');
        var port = uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return host + port + path + uri.Query;
    }

    /// <summary>Title (letters and digits only, lowercase, accents folded) and year, for the last-resort match.</summary>
    public static string TitleKey(string title, string? date)
    {
        var sb = new StringBuilder(title.Length);
        foreach (var c in Slugs.ToAscii(title))
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }
        return sb.Append('|').Append(BibDates.Year(date) ?? "").ToString();
    }

    private static void Index(Target t, string? doi, string? url, string? title, string? date,
        Dictionary<string, Target> byDoi, Dictionary<string, Target> byUrl, Dictionary<string, Target> byTitle)
    {
        if (doi is not null && Values.NormalizeDoi(doi) is { } d)
        {
            byDoi.TryAdd(d, t);
        }
        if (NormalizeUrl(url) is { } u && Values.NormalizeDoi(url!) is null)
        {
            byUrl.TryAdd(u, t);
        }
        if (title is not null)
        {
            byTitle.TryAdd(TitleKey(title, date), t);
        }
    }

    private static (Target? Match, string? By) Find(BibEntry e, Dictionary<string, Target> byDoi, Dictionary<string, Target> byUrl, Dictionary<string, Target> byTitle)
    {
        if (e.Doi is not null && byDoi.TryGetValue(e.Doi, out var t))
        {
            return (t, "doi");
        }
        if (NormalizeUrl(e.Url) is { } u && Values.NormalizeDoi(e.Url!) is null && byUrl.TryGetValue(u, out t))
        {
            return (t, "url");
        }
        if (byTitle.TryGetValue(TitleKey(e.Title!, e.Date), out t))
        {
            // two different DOIs are two works, whatever their titles say; so are a book and an article of one
            // title, or works by different first authors
            var otherDoi = t.Draft?.Doi ?? t.Existing?.Doi;
            var otherType = t.Draft?.Type ?? t.Existing!.Type;
            var otherFirst = t.Draft is { } d ? d.Authors.FirstOrDefault() : t.Existing!.Authors.Count > 0 ? PersonName.Parse(t.Existing.Authors[0]) : null;
            var first = e.Authors.FirstOrDefault();
            var sameDoi = e.Doi is null || otherDoi is null || otherDoi == e.Doi;
            var sameType = otherType == e.Type || otherType == SourceType.Other || e.Type == SourceType.Other;
            var sameAuthor = first is null || otherFirst is null || FamilyKey(first) == FamilyKey(otherFirst);
            if (sameDoi && sameType && sameAuthor)
            {
                return (t, "title+year");
            }
        }
        return (null, null);
    }

    private static string FamilyKey(PersonName n) => Slugs.Slugify(n.Family ?? n.Literal ?? "");

    private static readonly string[] MergeFields = ["authors", "publisher", "date", "accessed", "url", "doi", "pmid", "lang", "volume", "issue", "pages"];

    /// <summary>Fills the target's missing fields from the entry; the names of the fields added.</summary>
    private static List<string> Merge(Target target, BibEntry e, string root)
    {
        var added = new List<string>();
        if (target.Draft is { } d)
        {
            void Fill(string name, string? value, Func<string?> get, Action<string> set)
            {
                if (value is not null && get() is null)
                {
                    set(value);
                    added.Add(name);
                }
            }
            if (d.Authors.Count == 0 && e.Authors.Count > 0)
            {
                d.Authors.AddRange(e.Authors);
                added.Add("authors");
            }
            Fill("publisher", e.Publisher, () => d.Publisher, v => d.Publisher = v);
            Fill("date", e.Date, () => d.Date, v => d.Date = v);
            Fill("accessed", e.Accessed, () => d.Accessed, v => d.Accessed = v);
            Fill("url", e.Url, () => d.Url, v => d.Url = v);
            Fill("doi", e.Doi, () => d.Doi, v => d.Doi = v);
            Fill("pmid", e.Pmid, () => d.Pmid, v => d.Pmid = v);
            Fill("lang", e.Lang, () => d.Lang, v => d.Lang = v);
            Fill("volume", e.Volume, () => d.Volume, v => d.Volume = v);
            Fill("issue", e.Issue, () => d.Issue, v => d.Issue = v);
            Fill("pages", e.Pages, () => d.Pages, v => d.Pages = v);
            if (e.Key is { } mergedKey && BibEntry.IsCitationKey(mergedKey) && d.AddMergedKey(mergedKey))
            {
                added.Add("keys");
            }
            return added;
        }
        // an existing source: its file gains the missing fields at the end, the rest of it (comments included) untouched
        var s = target.Existing!;
        if (target.ExistingText is null)
        {
            target.ExistingText = File.ReadAllText(Path.Combine(root, s.File));
            target.Baseline = Problems(s.File, target.ExistingText);
        }
        var sb = new StringBuilder();
        foreach (var name in MergeFields)
        {
            if (s.Positions.Key(name) is not null || target.Added.Contains(name))
            {
                continue;
            }
            object? value = name switch
            {
                "authors" => e.Authors.Count > 0 ? e.Authors.Select(a => a.ToString()).ToList() : null,
                "publisher" => e.Publisher,
                "date" => e.Date,
                "accessed" => e.Accessed,
                "url" => e.Url,
                "doi" => e.Doi,
                "pmid" => e.Pmid,
                "lang" => e.Lang,
                "volume" => e.Volume,
                "issue" => e.Issue,
                _ => e.Pages,
            };
            if (value is null)
            {
                continue;
            }
            var yaml = new YamlWriter();
            sb.Append(value is string text ? yaml.Field(name, text, date: YamlWriter.IsDateField(name)) : yaml.BlockList(name, (List<string>)value));
            added.Add(name);
        }
        if (s.Positions.Key("keys") is null && !target.Added.Contains("keys") && e.CitationKeys is { Count: > 0 } keys
            && !keys.All(k => s.Keys.Contains(k, StringComparer.Ordinal)))
        {
            // the source gains the key articles cite it by (a source that has keys already is left as it is)
            sb.Append(new YamlWriter().BlockList("keys", keys, quoted: true));
            added.Add("keys");
        }
        if (added.Count > 0)
        {
            var text = target.ExistingText;
            if (text.Length > 0 && !text.EndsWith('\n'))
            {
                text += "\n";
            }
            target.ExistingText = text + sb;
            target.Added.AddRange(added);
        }
        return added;
    }

    // ------------------------------------------------------------------ ids

    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "of", "on", "in", "for", "and", "to", "with", "from", "by", "at", "as", "is", "are", "der", "die",
        "das", "le", "la", "les", "el", "los", "de", "du", "des", "un", "une", "ein", "eine",
    };

    /// <summary>The entry's key slugged; with no (Latin) key, first author + year + first title word; then URL host + date; then a hash.</summary>
    private static string BaseId(BibEntry e)
    {
        // a key that is a record number or a URI (Zotero's CSL-JSON ids) says nothing: the id is derived instead
        var meaningful = e.Key is not null && !e.Key.All(char.IsAsciiDigit) && !e.Key.Contains("://", StringComparison.Ordinal);
        if (meaningful && Slugs.Slugify(e.Key!) is { Length: > 0 } key)
        {
            return key;
        }
        var family = e.Authors.Count == 0 ? "" : Slugs.Slugify(e.Authors[0].Family ?? e.Authors[0].Literal ?? "", 30);
        var word = "";
        var latinTitle = e.Title!.Count(Text.CharInfo.IsLatinLetter) > e.Title!.Count(Text.CharInfo.IsCjk);
        foreach (var w in latinTitle ? Slugs.Slugify(e.Title!, 200).Split('-', StringSplitOptions.RemoveEmptyEntries) : [])
        {
            if (!StopWords.Contains(w))
            {
                word = w.Length > 24 ? w[..24] : w;
                break;
            }
        }
        var year = BibDates.Year(e.Date) ?? "";
        if (family.Length > 0 || word.Length > 0)
        {
            return string.Join('-', new[] { family, year, word }.Where(p => p.Length > 0));
        }
        if (NormalizeUrl(e.Url) is { } u)
        {
            var host = u.Split('/')[0];
            var slug = Slugs.Slugify(host + " " + (e.Date ?? ""), 60);
            if (slug.Length > 0)
            {
                return slug;
            }
        }
        return $"source-{(year.Length > 0 ? year + "-" : "")}{Slugs.Hash(e.Title!, 6)}";
    }

    /// <summary>The id, or the first of <c>id-2</c>, <c>id-3</c>… not taken; <paramref name="next"/> remembers per id the first suffix not tried yet.</summary>
    private static string Unique(string id, HashSet<string> taken, Dictionary<string, int> next)
    {
        if (id.Length > Values.MaxIdLength)
        {
            id = id[..Values.MaxIdLength].TrimEnd('-');
        }
        if (!taken.Contains(id))
        {
            return id;
        }
        for (var n = next.GetValueOrDefault(id, 2); ; n++)
        {
            var suffix = "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var baseId = id.Length + suffix.Length > Values.MaxIdLength ? id[..(Values.MaxIdLength - suffix.Length)].TrimEnd('-') : id;
            var candidate = baseId + suffix;
            if (!taken.Contains(candidate))
            {
                next[id] = n + 1;
                return candidate;
            }
        }
    }

    // ------------------------------------------------------------------ writing

    /// <summary>The YAML of a new source, in the contract's field order.</summary>
    internal static string Render(string id, BibEntry e) => new NewSourceYaml
    {
        Id = id, Type = e.Type, Title = e.Title, Authors = [.. e.Authors.Select(a => a.ToString())], Publisher = e.Publisher, Date = e.Date,
        Accessed = e.Accessed, Url = e.Url, Doi = e.Doi, Pmid = e.Pmid, Lang = e.Lang, Level = e.Level, ReportsOn = e.ReportsOn,
        Snapshot = e.Snapshot, SnapshotSha256 = e.SnapshotSha256, Archived = e.Archived, Volume = e.Volume, Issue = e.Issue, Pages = e.Pages,
        Keys = e.CitationKeys,
    }.ToString();

    private static int Problems(string file, string yaml)
    {
        var sink = new FindingSink(file);
        var tree = YamlTreeReader.Read(yaml, sink);
        if (sink.Findings.Count == 0)
        {
            DocumentReaders.ReadSource(tree, sink);
        }
        return sink.Findings.Count;
    }

    /// <summary>Reads the YAML back as the loader does; the first finding's message, or null when it loads clean.</summary>
    private static string? Verify(string file, string yaml)
    {
        if (Encoding.UTF8.GetByteCount(yaml) is var bytes && bytes > SafeFile.MaxYamlBytes)
        {
            return $"it would be {bytes / (double)(1 << 20):0.00} MB, and check reads no source file over {SafeFile.MaxYamlBytes >> 20} MB";
        }
        var sink = new FindingSink(file);
        var tree = YamlTreeReader.Read(yaml, sink);
        if (sink.Findings.Count == 0)
        {
            DocumentReaders.ReadSource(tree, sink);
        }
        return sink.Findings.Count == 0 ? null : sink.Findings[0].Message;
    }
}
