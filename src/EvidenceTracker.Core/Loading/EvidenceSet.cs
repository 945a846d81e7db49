using EvidenceTracker.Diagnostics;
using EvidenceTracker.Model;

namespace EvidenceTracker.Loading;

/// <summary>Everything loaded from an evidence repo, with the findings that loading produced.</summary>
public sealed record EvidenceSet
{
    /// <summary>The evidence root, as a full path.</summary>
    public required string Root { get; init; }
    public required EvidenceConfig Config { get; init; }
    public required IReadOnlyList<Claim> Claims { get; init; }
    public required IReadOnlyList<Source> Sources { get; init; }
    public required IReadOnlyList<Article> Articles { get; init; }
    public required IReadOnlyList<Finding> LoadFindings { get; init; }

    /// <summary>
    /// A digest of the text of each file read (relative path → <see cref="ContentHash"/>): evidence.yaml and every claim,
    /// source and article file, when loading was asked for them (<see cref="HasContentHashes"/>); else empty. The site build keys its pages on them (a page whose inputs did not change is not
    /// rendered again); a file missing here counts as changed.
    /// </summary>
    public IReadOnlyDictionary<string, string> ContentHashes { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Whether <see cref="ContentHashes"/> was filled (<see cref="RepositoryLoader.Load"/> with <c>contentHashes</c>).
    /// Without it nothing may be taken as unchanged: the repository has no digest and every page counts as changed.
    /// </summary>
    public bool HasContentHashes { get; init; }
}
