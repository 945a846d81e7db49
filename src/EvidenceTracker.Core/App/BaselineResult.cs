
namespace EvidenceTracker.App;

/// <summary>What <c>evidence baseline</c> did: how many findings it recorded, or that it refused to replace a file.</summary>
public sealed record BaselineResult(int Findings, bool Refused);
