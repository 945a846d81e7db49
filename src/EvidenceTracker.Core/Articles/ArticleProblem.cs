using EvidenceTracker.Diagnostics;

namespace EvidenceTracker.Articles;

/// <summary>A problem of the article file itself (front matter, emptiness), reported when the article is loaded.</summary>
public sealed record ArticleProblem(string Rule, Severity Severity, string Message, Position? Position);
