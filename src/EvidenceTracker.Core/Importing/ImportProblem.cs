
namespace EvidenceTracker.Importing;

/// <summary>A problem that stops the import: usage (exit 2) or data (exit 1). Nothing is written when there is one.</summary>
public sealed record ImportProblem(string Message, bool IsUsage, string? File = null);
