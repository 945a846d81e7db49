
namespace EvidenceTracker.Importing;

/// <summary>Where a bibliography entry came from: its file (as reported), 1-based line and column, label and key.</summary>
public sealed record EntryOrigin(string File, int Line, int Column, string Label, string? Key);
