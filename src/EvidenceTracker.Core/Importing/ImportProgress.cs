
namespace EvidenceTracker.Importing;

/// <summary>Progress of a long import: inputs done of the total.</summary>
public readonly record struct ImportProgress(int Done, int Total);
