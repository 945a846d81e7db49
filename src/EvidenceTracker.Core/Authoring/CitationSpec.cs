using EvidenceTracker.Model;

namespace EvidenceTracker.Authoring;

/// <summary>A citation to add: the source, and optionally the quote, locator and stance.</summary>
public sealed record CitationSpec(string Source, string? Quote = null, string? Locator = null, Stance? Stance = null);
