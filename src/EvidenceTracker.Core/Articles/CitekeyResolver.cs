using EvidenceTracker.Authoring;
using EvidenceTracker.Importing;
using EvidenceTracker.Model;

namespace EvidenceTracker.Articles;

/// <summary>
/// Resolves citation keys to sources: a key names the source whose <c>keys</c> hold it, or that has its identifier
/// (Manubot's <c>@doi:…</c>, <c>@pmid:…</c>, <c>@pmcid:…</c>, <c>@arxiv:…</c>, <c>@isbn:…</c>, <c>@url:…</c> or a bare
/// <c>@https://…</c>), or whose id is the key's slug — in that order. An alias (<c>[@tag:name]: doi:…</c>) is replaced
/// by what it stands for first.
/// </summary>
public sealed class CitekeyResolver
{
    private readonly Dictionary<string, string> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byFoldedKey = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _byIdentifier = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    public CitekeyResolver(IEnumerable<Source> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        foreach (var s in sources)
        {
            Add(s.Id, s.Keys, new Identifiers(s.Doi, s.Pmid, s.Pmcid, s.Arxiv, s.Isbn, s.Url));
        }
    }

    /// <summary>The identifiers a source may be cited by.</summary>
    public readonly record struct Identifiers(string? Doi, string? Pmid, string? Pmcid, string? Arxiv, string? Isbn, string? Url);

    /// <summary>An identifier named by a prefixed key: the source field it fills and its value, as the field stores it.</summary>
    public readonly record struct Identifier(string Field, string Value)
    {
        /// <summary>The key the index uses: field and value, URLs normalised.</summary>
        internal string IndexKey => Field == "url" ? "url:" + (Urls.Normalize(Value) ?? Value) : Field + ":" + Value;
    }

    /// <summary>Adds a source (existing, or planned by an import).</summary>
    public void Add(string id, IEnumerable<string> keys, Identifiers identifiers)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(keys);
        _ids.Add(id);
        foreach (var k in keys)
        {
            _byKey.TryAdd(k, id);
            _byFoldedKey.TryAdd(k, id);
        }
        void Index(string field, string? value)
        {
            if (value is not null && Normalize(field, value) is { } v)
            {
                _byIdentifier.TryAdd(new Identifier(field, v).IndexKey, id);
            }
        }
        Index("doi", identifiers.Doi);
        Index("pmid", identifiers.Pmid);
        Index("pmcid", identifiers.Pmcid);
        Index("arxiv", identifiers.Arxiv);
        Index("isbn", identifiers.Isbn);
        Index("url", identifiers.Url);
    }

    /// <summary>The source a key names, or null. <paramref name="aliases"/> are the article's (alias → key).</summary>
    public string? Resolve(string key, IReadOnlyDictionary<string, string>? aliases = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        key = Dealias(key, aliases);
        if (_byKey.TryGetValue(key, out var id) || _byFoldedKey.TryGetValue(key, out id))
        {
            return id;
        }
        if (IdentifierOf(key) is { } identifier)
        {
            return _byIdentifier.GetValueOrDefault(identifier.IndexKey);
        }
        var slug = Slugs.Slugify(key);
        return slug.Length > 0 && _ids.Contains(slug) ? slug : null;
    }

    /// <summary>The key an alias stands for (one step: an alias names a key, not another alias); the key itself otherwise.</summary>
    public static string Dealias(string key, IReadOnlyDictionary<string, string>? aliases)
    {
        ArgumentNullException.ThrowIfNull(key);
        return aliases is not null && aliases.TryGetValue(key, out var target) ? target : key;
    }

    /// <summary>
    /// The identifier of a Manubot prefixed key (<c>doi:10.1/x</c>, <c>pmid:123</c>, <c>pmcid:PMC1</c>,
    /// <c>arxiv:2401.00001</c>, <c>isbn:978…</c>, <c>url:https://…</c>, <c>https://…</c>, <c>wikidata:Q42</c>), normalised
    /// as the source field stores it; null for a key without such a prefix, or with an invalid value.
    /// </summary>
    public static Identifier? IdentifierOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return null;
        }
        var prefix = key[..colon].ToLowerInvariant();
        var value = key[(colon + 1)..];
        var field = prefix switch
        {
            "doi" or "pmid" or "pmcid" or "arxiv" or "isbn" or "url" => prefix,
            "http" or "https" => "url",
            "wikidata" => "wikidata",
            _ => null,
        };
        if (field is null)
        {
            return null;
        }
        if (prefix is "http" or "https")
        {
            value = key;
        }
        if (field == "wikidata")
        {
            return value.Length > 1 && value[0] is 'Q' or 'q' && value[1..].All(char.IsAsciiDigit)
                ? new Identifier("url", "https://www.wikidata.org/wiki/Q" + value[1..])
                : null;
        }
        return Normalize(field, value) is { } v ? new Identifier(field, v) : null;
    }

    private static string? Normalize(string field, string value) => field switch
    {
        "doi" => Values.NormalizeDoi(value),
        "pmid" => Values.NormalizePmid(value),
        "pmcid" => value.Trim().ToUpperInvariant() is var p && Values.PmcidProblem(p.StartsWith("PMC", StringComparison.Ordinal) ? p : "PMC" + p) is null
            ? (p.StartsWith("PMC", StringComparison.Ordinal) ? p : "PMC" + p)
            : null,
        "arxiv" => Values.NormalizeArxiv(value),
        "isbn" => Values.IsbnProblem(value) is null ? value.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant() : null,
        "url" => Values.UrlProblem(value) is null ? value : null,
        _ => null,
    };
}
