
namespace EvidenceTracker.Model;

public enum Verdict { Supported, PartlySupported, Unsupported, Contradicted, Unverifiable }
