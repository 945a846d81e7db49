
namespace EvidenceTracker.Authoring;

/// <summary>What <c>evidence init</c> did to each path: created, or kept because it was already there.</summary>
public sealed record InitResult(string Root, IReadOnlyList<string> Created, IReadOnlyList<string> Kept);
