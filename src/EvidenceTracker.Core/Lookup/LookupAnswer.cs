
namespace EvidenceTracker.Lookup;

/// <summary>What one look-up gave: the metadata, or the one-line reason it failed; and whether the cache answered.</summary>
public sealed record LookupAnswer(SourceMetadata? Metadata, string? Problem, bool FromCache)
{
    public static LookupAnswer Failed(string problem) => new(null, problem, false);
}
