using EvidenceTracker.Diagnostics;

namespace EvidenceTracker.Articles;

/// <summary>
/// What an article's front matter says of it (<see cref="ArticleFrontMatter"/>): its title, date (YYYY, YYYY-MM or
/// YYYY-MM-DD) and language, each null when absent; <see cref="Problem"/> when the front matter cannot be read.
/// </summary>
public sealed record FrontMatterFields
{
    public static FrontMatterFields None { get; } = new();

    public string? Title { get; init; }
    public string? Date { get; init; }
    public string? Lang { get; init; }
    /// <summary>Why the front matter cannot be read (unclosed, not YAML or TOML, not a mapping), and where.</summary>
    public string? Problem { get; init; }
    public Position? ProblemAt { get; init; }
}
