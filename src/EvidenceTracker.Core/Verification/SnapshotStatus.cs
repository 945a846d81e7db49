
namespace EvidenceTracker.Verification;

/// <summary>What <c>check</c> found of a source's snapshot; the text itself is not kept.</summary>
public sealed record SnapshotStatus(string File, SnapshotState State, bool IsHtml);
