using EvidenceTracker.Diagnostics;

namespace EvidenceTracker.Model;

/// <summary>Settings from <c>evidence.yaml</c>.</summary>
public sealed record EvidenceConfig
{
    public string? Title { get; init; }
    public IReadOnlyDictionary<string, Severity> RuleSeverities { get; init; } = new Dictionary<string, Severity>();
    public string CitationScope { get; init; } = "run";
    public string? Style { get; init; }
    public IReadOnlyDictionary<string, IReadOnlyList<string>> StrongWords { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    /// <summary>The language of the site's labels (<c>site-lang:</c> en or zh); null: the language of most articles.</summary>
    public string? SiteLang { get; init; }
    /// <summary>Where the site is published (<c>site-url:</c>), an absolute http(s) URL.</summary>
    public string? SiteUrl { get; init; }
    /// <summary>Findings kept on purpose by rule and file (<c>suppress:</c>), for those tied to no claim or source.</summary>
    public IReadOnlyList<Suppression> Suppressions { get; init; } = [];

    public static readonly EvidenceConfig Default = new();
}
