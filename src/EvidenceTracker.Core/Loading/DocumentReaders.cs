using EvidenceTracker.Diagnostics;
using EvidenceTracker.Model;
using EvidenceTracker.Yaml;

namespace EvidenceTracker.Loading;

/// <summary>Turns the YAML tree of a claim, source or settings file into the model, with schema findings.</summary>
public static class DocumentReaders
{
    // The field names come from the one catalogue that the JSON Schemas are generated from.
    public static readonly string[] ClaimFields = FieldCatalogue.NamesOf(FieldCatalogue.Claim);
    public static readonly string[] CitationFields = FieldCatalogue.NamesOf(FieldCatalogue.Citation);
    public static readonly string[] SourceFields = FieldCatalogue.NamesOf(FieldCatalogue.Source);
    public static readonly string[] ConfigFields = FieldCatalogue.NamesOf(FieldCatalogue.Config);
    public static readonly string[] CitationScopes = FieldCatalogue.CitationScopes;
    public static readonly string[] Styles = FieldCatalogue.Styles;
    /// <summary>The fields of a <c>suppress:</c> entry in a claim or source, and in <c>evidence.yaml</c>.</summary>
    public static readonly string[] SuppressionFields = FieldCatalogue.NamesOf(FieldCatalogue.Suppression);
    public static readonly string[] ConfigSuppressionFields = FieldCatalogue.NamesOf(FieldCatalogue.ConfigSuppression);

    /// <summary>The file's stem, which is the id when the file gives none.</summary>
    public static string Stem(string relativePath)
    {
        var name = relativePath[(relativePath.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name[..dot] : name;
    }

    private static YMapping? RootMapping(YNode? root, FindingSink sink, string what)
    {
        switch (root)
        {
            case YMapping m:
                return m;
            case null:
            case YScalar { IsNull: true }:
                sink.Add(Rules.Schema, $"the file is empty; a {what} needs at least an id", Position.Start);
                return null;
            default:
                sink.Add(Rules.Schema, $"a {what} file must be a mapping of fields (id: …), not {root.KindName}", root.Start);
                return null;
        }
    }

    private static string Id(FieldReader r, string file)
    {
        var id = r.Checked("id", v => Values.SlugProblem(v) is { } p ? $"'{v}' {p}" : null, required: true);
        return id ?? Stem(file);
    }

    public static Claim? ReadClaim(YNode? root, FindingSink sink) => ReadClaim(root, sink, null);

    /// <summary>
    /// Reads a claim; with <paramref name="pool"/>, the values that repeat across a repository's claims (the article,
    /// cited source ids, locators, tags) are the pool's instances.
    /// </summary>
    public static Claim? ReadClaim(YNode? root, FindingSink sink, StringPool? pool)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var map = RootMapping(root, sink, "claim");
        if (map is null)
        {
            return null;
        }
        var positions = new FieldPositions();
        var r = new FieldReader(map, sink, "claim", ClaimFields, positions);
        var id = Id(r, sink.File);
        sink.Claim = id;
        var statement = r.Text("statement", required: true);
        var article = pool.ShareOrSelf(r.Checked("article", v => Values.SlugProblem(v) is { } p ? $"article id '{v}' {p}" : null));
        var excerpt = r.Text("excerpt");
        var verdictText = r.Choice("verdict", Names.Verdicts);
        Verdict? verdict = verdictText is not null && Names.TryParse(Names.Verdicts, verdictText, out Verdict v) ? v : null;
        var citations = new List<Citation>();
        foreach (var c in r.MappingList("citations"))
        {
            var cr = new FieldReader(c, sink, "citation", CitationFields);
            var source = cr.Checked("source", s => Values.SlugProblem(s) is { } p ? $"source id '{s}' {p}" : null, required: true);
            var stanceText = cr.Choice("stance", Names.Stances);
            var stance = stanceText is not null && Names.TryParse(Names.Stances, stanceText, out Stance st) ? st : Stance.Supports;
            if (source is null)
            {
                continue;
            }
            citations.Add(new Citation
            {
                Source = pool.ShareOrSelf(source),
                Quote = cr.Text("quote"),
                Locator = pool.ShareOrSelf(cr.Text("locator")),
                Stance = stance,
                Start = c.Start,
                SourcePosition = cr.ValuePosition("source") ?? c.Start,
                QuotePosition = cr.ValuePosition("quote"),
            });
        }
        var tags = ListValues(r.TextList("tags"), pool);
        return new Claim
        {
            Id = id,
            File = sink.File,
            Statement = statement ?? "",
            Article = article,
            Excerpt = excerpt,
            Citations = citations,
            Verdict = verdict,
            Note = r.Text("note"),
            Tags = tags,
            Reviewed = r.Checked("reviewed", Values.DateProblem),
            Reviewer = r.Text("reviewer"),
            Suppressions = ReadSuppressions(r, sink, "claim", SuppressionFields),
            Positions = positions,
        };
    }

    public static Source? ReadSource(YNode? root, FindingSink sink) => ReadSource(root, sink, null);

    /// <summary>
    /// Reads a source; with <paramref name="pool"/>, its id (the instance the claims' citations hold when they were read
    /// with the same pool), publisher, language, authors and reports-on ids are the pool's instances.
    /// </summary>
    public static Source? ReadSource(YNode? root, FindingSink sink, StringPool? pool)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var map = RootMapping(root, sink, "source");
        if (map is null)
        {
            return null;
        }
        var positions = new FieldPositions();
        var r = new FieldReader(map, sink, "source", SourceFields, positions);
        var id = pool.ShareOrSelf(Id(r, sink.File));
        sink.Source = id;
        var type = r.Choice("type", Names.SourceTypes, required: true);
        var title = r.Text("title", required: true);
        var levelText = r.Choice("level", Names.Levels);
        SourceLevel? level = levelText is not null && Names.TryParse(Names.Levels, levelText, out SourceLevel l) ? l : null;
        var reportsOn = new List<string>();
        var reportsOnAt = new List<Position>();
        foreach (var (value, at) in r.TextList("reports-on"))
        {
            if (Values.SlugProblem(value) is { } p)
            {
                sink.Add(Rules.Schema, $"reports-on: source id '{value}' {p}", at);
            }
            else
            {
                reportsOn.Add(pool.ShareOrSelf(value));
                reportsOnAt.Add(at);
            }
        }
        return new Source
        {
            Id = id,
            File = sink.File,
            Type = type is not null && Names.TryParse(Names.SourceTypes, type, out SourceType t) ? t : SourceType.Other,
            Title = title ?? "",
            Authors = ListValues(r.TextList("authors"), pool),
            Publisher = pool.ShareOrSelf(r.Text("publisher")),
            Date = r.Checked("date", Values.DateProblem),
            Accessed = r.Checked("accessed", Values.DateProblem),
            Url = r.Checked("url", Values.UrlProblem),
            Doi = r.Checked("doi", Values.DoiProblem),
            Pmid = r.Checked("pmid", Values.PmidProblem),
            Lang = pool.ShareOrSelf(r.Checked("lang", Values.LangProblem)),
            Level = level,
            ReportsOn = reportsOn,
            ReportsOnPositions = reportsOnAt,
            Snapshot = r.Checked("snapshot", Values.SnapshotPathProblem),
            SnapshotSha256 = r.Checked("snapshot-sha256", v => v.Length == 64 && v.All(char.IsAsciiHexDigitLower) ? null : $"'{v}' is not a lowercase SHA-256 hex digest"),
            Archived = r.Checked("archived", Values.DateProblem),
            Volume = r.Text("volume"),
            Issue = r.Text("issue"),
            Pages = r.Text("pages"),
            Suppressions = ReadSuppressions(r, sink, "source", SuppressionFields),
            Keys = r.TextList("keys").Select(k => k.Value).ToList(),
            Pmcid = r.Checked("pmcid", Values.PmcidProblem),
            Arxiv = r.Checked("arxiv", Values.ArxivProblem),
            Isbn = r.Checked("isbn", Values.IsbnProblem),
            ArchiveUrl = r.Checked("archive-url", Values.UrlProblem),
            Positions = positions,
        };
    }

    public static EvidenceConfig ReadConfig(YNode? root, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (root is null or YScalar { IsNull: true })
        {
            return EvidenceConfig.Default;
        }
        if (root is not YMapping map)
        {
            sink.Add(Rules.Schema, $"evidence.yaml must be a mapping of settings, not {root.KindName}", root.Start);
            return EvidenceConfig.Default;
        }
        var r = new FieldReader(map, sink, "evidence.yaml", ConfigFields);
        var severities = new Dictionary<string, Severity>(StringComparer.Ordinal);
        if (r.ChildMapping("rules") is { } rules)
        {
            var ruleIds = Rules.All.Select(x => x.Id).ToList();
            foreach (var (key, value) in rules.Entries)
            {
                if (!Rules.IsKnown(key.Value))
                {
                    var hint = Values.Nearest(key.Value, ruleIds);
                    sink.Add(Rules.Schema, hint is null ? $"unknown rule '{key.Value}'" : $"unknown rule '{key.Value}'; did you mean '{hint}'?", key.Start);
                    continue;
                }
                if (value is YScalar s && Rules.TryParseSeverity(s.Value, out var severity))
                {
                    severities[key.Value] = severity;
                }
                else
                {
                    sink.Add(Rules.Schema, $"rule '{key.Value}': severity must be error, warning, note or off", value.Start);
                }
            }
        }
        var strong = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (r.ChildMapping("strong-words") is { } words)
        {
            foreach (var (key, value) in words.Entries)
            {
                if (value is YSequence seq && seq.Items.All(i => i is YScalar))
                {
                    strong[key.Value] = seq.Items.Cast<YScalar>().Select(s => s.Value).Where(s => s.Length > 0).ToList();
                }
                else
                {
                    sink.Add(Rules.Schema, $"strong-words.{key.Value} must be a list of words", value.Start);
                }
            }
        }
        return new EvidenceConfig
        {
            Title = r.Text("title"),
            RuleSeverities = severities,
            CitationScope = r.Choice("citation-scope", CitationScopes) is { } scope && CitationScopes.Contains(scope) ? scope : "run",
            Style = r.Choice("style", Styles) is { } style && Styles.Contains(style) ? style : null,
            StrongWords = strong,
            SiteLang = r.Choice("site-lang", FieldCatalogue.SiteLanguages) is { } lang && FieldCatalogue.SiteLanguages.Contains(lang) ? lang : null,
            SiteUrl = r.Checked("site-url", Values.UrlProblem),
            Suppressions = ReadSuppressions(r, sink, "evidence.yaml", ConfigSuppressionFields),
        };
    }

    /// <summary>The values of a list field, shared through <paramref name="pool"/> when there is one; no list when empty.</summary>
    private static IReadOnlyList<string> ListValues(IReadOnlyList<(string Value, Position At)> items, StringPool? pool)
    {
        if (items.Count == 0)
        {
            return [];
        }
        var values = new string[items.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = pool.ShareOrSelf(items[i].Value);
        }
        return values;
    }

    /// <summary>
    /// The <c>suppress:</c> list: each entry names a known rule and gives a reason (in <c>evidence.yaml</c> also the
    /// file); an entry that does not is a <c>schema</c> finding and suppresses nothing.
    /// </summary>
    private static IReadOnlyList<Suppression> ReadSuppressions(FieldReader r, FindingSink sink, string what, string[] fields)
    {
        if (!r.Has("suppress"))
        {
            return []; // most files suppress nothing: no list kept for each
        }
        var result = new List<Suppression>();
        var config = fields == ConfigSuppressionFields;
        foreach (var entry in r.MappingList("suppress"))
        {
            var er = new FieldReader(entry, sink, $"a suppress entry of the {what}", fields);
            var rule = er.Checked("rule", v => Rules.IsKnown(v) ? null : Values.Nearest(v, Rules.All.Select(x => x.Id).ToList()) is { } hint
                ? $"unknown rule '{v}'; did you mean '{hint}'?"
                : $"unknown rule '{v}'", required: true);
            var file = config ? er.Text("file", required: true) : null;
            var match = config ? er.Text("match") : null;
            var reason = er.Text("reason", required: true);
            if (rule is not null && Rules.IsKnown(rule) && reason is not null && (!config || file is not null))
            {
                result.Add(new Suppression(rule, reason) { File = file, Match = match });
            }
        }
        return result;
    }
}
