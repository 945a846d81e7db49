using System.Text;
using EvidenceTracker.Articles;
using EvidenceTracker.Authoring;
using EvidenceTracker.Model;
using EvidenceTracker.Yaml;

namespace EvidenceTracker.Importing;

/// <summary>Citation keys in an import: resolved to existing sources, to the bibliographies' entries, or to new sources.</summary>
internal sealed partial class ImportPlan
{
    private CitekeyResolver? _citekeys;

    /// <summary>The keys of the bibliography entries this import reads (entry key → source id), for a dry run that wrote none.</summary>
    public Dictionary<string, string> BibliographyKeys { get; } = new(StringComparer.Ordinal);

    private CitekeyResolver Citekeys => _citekeys ??= new CitekeyResolver(Set.Sources);

    /// <summary>
    /// The source a citation key of an article names: an existing one (by keys, identifier or id), an entry of this
    /// import's bibliographies, or — for a prefixed key (<c>@doi:…</c>, <c>@pmid:…</c>) — a source created with that
    /// identifier (shared with footnotes of the same DOI or URL). Null when the key names nothing.
    /// </summary>
    public string? SourceForKey(string key, IReadOnlyDictionary<string, string> aliases, string articleId)
    {
        var target = CitekeyResolver.Dealias(key, aliases);
        if (Citekeys.Resolve(target) is { } existing || BibliographyKeys.TryGetValue(target, out existing))
        {
            Reuse(existing, key, articleId);
            return existing;
        }
        if (CitekeyResolver.IdentifierOf(target) is not { } identifier)
        {
            return null;
        }
        var shared = identifier.Field switch
        {
            "doi" => "doi:" + identifier.Value,
            "url" when Urls.Normalize(identifier.Value) is { } url => "url:" + url,
            _ => null,
        };
        if (shared is not null && _sourceByKey.TryGetValue(shared, out existing))
        {
            Reuse(existing, key, articleId);
            return existing;
        }
        var baseId = Slugs.Slugify(target, 60) is { Length: > 0 } slug ? slug : "source-" + Slugs.Hash(target, 6);
        var id = Slugs.Unique(baseId, c => _sourceIds.Contains(c) || _sourceFiles.Contains(c), _nextSourceSuffix);
        _sourceIds.Add(id);
        _planned.Add(id);
        if (shared is not null)
        {
            _sourceByKey[shared] = id;
        }
        string? Of(string field) => identifier.Field == field ? identifier.Value : null;
        Citekeys.Add(id, [], new CitekeyResolver.Identifiers(Of("doi"), Of("pmid"), Of("pmcid"), Of("arxiv"), Of("isbn"), Of("url")));
        var type = identifier.Field switch
        {
            "doi" or "pmid" or "pmcid" or "arxiv" => SourceType.JournalArticle,
            "isbn" => SourceType.Book,
            "url" => SourceType.WebPage,
            _ => SourceType.Other,
        };
        // the title is the identifier until `evidence lookup` fills the source in
        var yaml = new YamlWriter()
            .Field("id", id)
            .Field("type", Names.Of(type))
            .Text("title", identifier.Field == "url" ? identifier.Value : $"{identifier.Field}:{identifier.Value}")
            .Field(identifier.Field, identifier.Value);
        _sources.Add(new ImportedFile
        {
            Kind = ImportKind.Source, Id = id, Path = $"sources/{id}.yaml", Action = ImportAction.Create, From = "@" + key, Article = articleId,
            Content = Encoding.UTF8.GetBytes(yaml.ToString()),
        });
        return id;
    }

    private void Reuse(string id, string key, string articleId)
    {
        if (_planned.Add(id) && !BibliographyKeys.ContainsValue(id))
        {
            _sources.Add(new ImportedFile
            {
                Kind = ImportKind.Source, Id = id, Path = $"sources/{id}.yaml", Action = ImportAction.Reuse, From = "@" + key, Article = articleId,
            });
        }
    }
}
