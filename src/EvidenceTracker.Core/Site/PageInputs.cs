using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using EvidenceTracker.Checking;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Loading;

namespace EvidenceTracker.Site;

/// <summary>
/// The inputs of each page, as a digest: a page whose digest is what the last build recorded renders to the same bytes,
/// so the build does not render it again. Every digest starts from the same base — this build of the tool, the
/// settings file, the site's title, reference style and language (which may come from the articles) — so a new version of the tool or a changed
/// <c>evidence.yaml</c> renders every page again. Above the base, each page takes what it shows, conservatively:
/// <list type="bullet">
/// <item>a claim: its file, its support level, quote checks and findings; its article; each source it cites, and each
/// source those report on (its leads);</item>
/// <item>a source: its file and findings, the notices cached for it (retractions, corrections); every claim citing it; the sources it reports on and those reporting on it;</item>
/// <item>an article: its file and findings; every claim tracked in it; every source (references may name any);</item>
/// <item>the index, the matrix and evidence.json: everything.</item>
/// </list>
/// A renderer that comes to show more of the evidence on a page must add it here: the differential test
/// (an incremental build equals a build from nothing after each kind of edit) fails otherwise. A digest that cannot be
/// computed (a file whose text was not read) is null: the page is always rendered.
/// </summary>
public sealed class PageInputs
{
    private readonly SiteData _data;
    private readonly IReadOnlyDictionary<string, string> _files;
    private readonly string _base;
    private readonly Dictionary<string, string?> _claims = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _articles = new(StringComparer.Ordinal);
    private readonly string? _allSources;
    private readonly string? _everything;

    public PageInputs(SiteData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _data = data;
        var set = data.Report.Set;
        _files = set.ContentHashes;
        _base = Hash(new[]
        {
            "evidence-site-inputs 1", ToolIdentity, data.Title, data.Style.ToString(), data.Lang,
            _files.TryGetValue(RepositoryLoader.ConfigFile, out var config) ? config : "no settings file",
        })!;
        var articleFindings = data.Report.Findings.Where(f => f.Article is not null && f.Claim is null)
            .GroupBy(f => f.Article!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var c in data.Claims)
        {
            _claims[c.Claim.Id] = ClaimDigest(c);
        }
        foreach (var s in data.Sources)
        {
            _sources[s.Id] = Hash(
                new[] { "source", s.Id, FileHash(s.File) }.Concat(data.FindingsOfSource(s.Id).Select(FindingText))
                    .Concat((data.Report.Notices.TryGetValue(s.Id, out var notices) ? notices : []).Select(n => "notice " + n)));
        }
        foreach (var a in data.Articles)
        {
            _articles[a.Id] = Hash(new[] { "article", a.Id, FileHash(a.File) }
                .Concat((articleFindings.TryGetValue(a.Id, out var fs) ? fs : []).Select(FindingText)));
        }
        _allSources = Hash(data.Sources.Select(s => _sources[s.Id]));
        _everything = Digest(new[] { "everything", _allSources, Hash(data.Articles.Select(a => _articles[a.Id])) }
            .Concat(data.Claims.Select(c => _claims[c.Claim.Id]))
            .Concat(data.Report.Findings.Select(FindingText))
            .Append(data.Report.Baseline?.ToString() ?? "no baseline"));
    }

    /// <summary>What identifies this build of the tool: its version and the identity of the module that renders.</summary>
    internal static string ToolIdentity
    {
        get
        {
            var assembly = typeof(PageInputs).Assembly;
            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
            string module;
            try
            {
                module = typeof(PageInputs).Module.ModuleVersionId.ToString();
            }
            catch (Exception e) when (e is NotSupportedException or InvalidOperationException)
            {
                module = "";
            }
            return $"{version} {module}";
        }
    }

    /// <summary>The pages of everything (index, matrix, evidence.json, and any page not keyed to one claim, source or article).</summary>
    public string? Everything => _everything;

    /// <summary>Pages that depend on nothing but the tool (the style sheet, the script).</summary>
    public string Tool => Digest(["tool"])!;

    public string? Claim(ClaimStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var claim = status.Claim;
        var parts = new List<string?> { "claim page", _claims.GetValueOrDefault(claim.Id) };
        parts.Add(claim.Article is { } a ? Article(a) : "no article");
        foreach (var cited in claim.Citations.Select(c => c.Source).Distinct(StringComparer.Ordinal))
        {
            parts.Add(Source(cited));
            if (_data.SourceById.TryGetValue(cited, out var source))
            {
                parts.AddRange(source.ReportsOn.Select(Source));
            }
        }
        return Digest(parts);
    }

    public string? Source(Model.Source source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var parts = new List<string?> { "source page", _sources.GetValueOrDefault(source.Id) };
        parts.AddRange(_data.ClaimsCiting(source.Id).Select(c => _claims.GetValueOrDefault(c.Claim.Id)));
        parts.Add("reports on");
        parts.AddRange(source.ReportsOn.Select(Source));
        parts.Add("reported on by");
        parts.AddRange((_data.ReportedOnBy.TryGetValue(source.Id, out var by) ? by : []).Select(s => Source(s.Id)));
        return Digest(parts);
    }

    public string? Article(Model.Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var parts = new List<string?> { "article page", _articles.GetValueOrDefault(article.Id), _allSources };
        parts.AddRange(_data.ClaimsOfArticle(article.Id).Select(c => _claims.GetValueOrDefault(c.Claim.Id)));
        return Digest(parts);
    }

    private string? ClaimDigest(ClaimStatus c)
    {
        var parts = new List<string?> { "claim", c.Claim.Id, FileHash(c.Claim.File), c.Support.ToString() };
        parts.AddRange(c.Quotes.Select(q => q.ToString()));
        parts.AddRange(_data.FindingsOfClaim(c.Claim.Id).Select(FindingText));
        return Hash(parts);
    }

    /// <summary>A cited id names a source, or none (shown as plain text): either is an input.</summary>
    private string? Source(string id) => _sources.TryGetValue(id, out var d) ? d : "no source " + id;

    private string? Article(string id) => _articles.TryGetValue(id, out var d) ? d : "no article " + id;

    private string? FileHash(string file) => _files.TryGetValue(file, out var h) ? h : null;

    private static string FindingText(Finding f) => f.ToString();

    /// <summary>The digest of a page's inputs: the parts on top of the base.</summary>
    private string? Digest(IEnumerable<string?> parts) => Hash(parts.Prepend(_base));

    /// <summary>
    /// The digest of the parts (each length-prefixed, so that no two lists collide); null when a part is null (not
    /// known): the page is then always rendered.
    /// </summary>
    private static string? Hash(IEnumerable<string?> parts)
    {
        using var digest = new PartsDigest();
        foreach (var part in parts)
        {
            if (part is null)
            {
                return null;
            }
            digest.Add(part);
        }
        return digest.Finish(bytes: 16);
    }
}
