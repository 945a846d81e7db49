
namespace EvidenceTracker.Model;

/// <summary>Computed from the evidence, worst first; never stored in a file. <see cref="Draft"/>: the statement is still
/// the import's placeholder (<see cref="Drafts"/>), whatever the evidence.</summary>
public enum SupportLevel { Draft, Contradicted, Unsupported, Cited, Quoted, Verified }
